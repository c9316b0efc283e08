// One list page for the co-ordinator's portal (src/web/views/manage-list.njk): a filter by state, a table, and
// previous/next pages that keep the filter.
import { z } from 'zod'
import { layoutOf, type PageView } from '../layout.js'
import { manageNavigation } from '../portal.js'

/** A list's page number, from its query. */
export const pageQuery = z.coerce.number().int().min(1).max(100_000).default(1)
/** A list's filter by one of an enum's values; the select's "Any" posts ''. */
export const filterQuery = <T extends z.ZodEnum>(values: T) => z.union([values, z.literal('')]).optional()

export type Cell = { text: string } | { html: string }

export interface ListView extends PageView {
  title: string
  href: string
  caption: string
  filter: { name: string; label: string; options: Array<{ value: string; text: string; selected: boolean }> }
  head: Array<{ text: string }>
  rows: Cell[][]
  previous: string | null
  next: string | null
  /** buttons above the list (e.g. "Raise a concern") */
  actions: ReadonlyArray<{ href: string; text: string }>
}

declare module '../views.js' {
  interface PageViews {
    'manage-list': ListView
  }
}

export function listView<S extends string> (i: {
  title: string
  href: string
  noun: string
  filter: { name: string; label: string; value: S | undefined; values: readonly S[]; text: (s: S) => string }
  head: readonly string[]
  rows: Cell[][]
  page: number
  totalPages: number
  total: number
  actions?: ListView['actions']
}): ListView {
  const f = i.filter
  const at = (page: number) => `${i.href}?page=${page}${f.value === undefined ? '' : `&${f.name}=${f.value}`}`
  return {
    layout: layoutOf({ title: i.title, navigation: manageNavigation(i.href) }),
    title: i.title,
    href: i.href,
    caption: `${i.total} ${i.noun}`,
    filter: {
      name: f.name,
      label: f.label,
      options: [
        { value: '', text: 'Any', selected: f.value === undefined },
        ...f.values.map((s) => ({ value: s, text: f.text(s), selected: s === f.value }))
      ]
    },
    head: i.head.map((text) => ({ text })),
    rows: i.rows,
    previous: i.page > 1 ? at(i.page - 1) : null,
    next: i.page < i.totalPages ? at(i.page + 1) : null,
    actions: i.actions ?? []
  }
}
