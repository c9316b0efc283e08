// The view model of the scheme pages (src/web/views/manage-scheme.njk), the words for a version's status, and the
// draft the forms change.
import { DomainError } from '../../domain/errors.js'
import type { Ctx, Deps } from '../../use-cases/context.js'
import { getSchemeVersion, type SchemeVersionRecord, type SchemeVersionRow } from '../../use-cases/schemes.js'
import { layoutOf, type PageView } from '../layout.js'
import { MANAGE_HOME, manageNavigation } from '../portal.js'
import type { Row, Tag } from './forms.js'
import type { ReportTable } from './report-tables.js'
import { dayOf } from './words.js'

export const SCHEME = `${MANAGE_HOME}/scheme`

export interface SchemePageView extends PageView {
  notice: string | null
  caption: string
  title: string
  paragraphs: readonly string[]
  rows: readonly Row[]
  actions: ReadonlyArray<{ href: string; text: string; classes: string }>
  /** a POST form of buttons only: create a draft, publish */
  post: {
    action: string
    csrf: string
    hidden: ReadonlyArray<{ name: string; value: string }>
    submit: string
    warning: string | null
    cancelHref: string | null
  } | null
  /** a GET form choosing one thing: the version to compare with, the assessment to score */
  pick: {
    action: string
    name: string
    label: string
    options: ReadonlyArray<{ value: string; text: string; selected: boolean }>
    submit: string
    error: string | null
  } | null
  tables: readonly ReportTable[]
  /** said when there are no tables */
  empty: string | null
}

declare module '../views.js' {
  interface PageViews {
    'manage-scheme': SchemePageView
  }
}

type Optional = 'notice' | 'paragraphs' | 'rows' | 'actions' | 'post' | 'pick' | 'tables' | 'empty'
export const schemePage = (
  v: Omit<SchemePageView, 'layout' | Optional> & Partial<Pick<SchemePageView, Optional>>
): SchemePageView => ({
  layout: layoutOf({
    title: v.title,
    hasErrors: (v.pick?.error ?? null) !== null,
    navigation: manageNavigation(SCHEME)
  }),
  notice: null,
  paragraphs: [],
  rows: [],
  actions: [],
  post: null,
  pick: null,
  tables: [],
  empty: null,
  ...v
})

/** The secondary button back to a version's page. */
export const backTo = (id: string, n: number) =>
  ({ href: `${SCHEME}/${id}`, text: `Back to version ${n}`, classes: 'govuk-button--secondary' })

type Version = Pick<SchemeVersionRow, 'id' | 'status' | 'number'>

/** Draft (blue: work to do), in force (green), or published and since replaced (grey). */
export function versionTag (v: Version, inForceId: string | null): Tag {
  if (v.status === 'draft') return { text: 'Draft', classes: 'govuk-tag--blue' }
  return v.id === inForceId
    ? { text: 'In force', classes: 'govuk-tag--green' }
    : { text: 'Replaced', classes: 'govuk-tag--grey' }
}

export const versionName = (v: Pick<SchemeVersionRecord, 'number' | 'title'>) => `Version ${v.number}: ${v.title}`

export const dateOrNone = (d: Date | null, none: string) => (d === null ? none : dayOf(d))

/** A draft of the actor's council; a published version cannot change (409), as the API says. */
export async function loadDraft (deps: Deps, ctx: Ctx, id: string): Promise<SchemeVersionRecord> {
  const v = await getSchemeVersion(deps, ctx, id)
  if (v.status !== 'draft') {
    throw new DomainError('SCHEME_VERSION_PUBLISHED', 'conflict',
      `Version ${v.number} is published and cannot change; make a draft from it on the scheme page`)
  }
  return v
}
