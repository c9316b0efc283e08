// One checklist item for the provider (README: For providers): what it is and why it applies, the co-ordinator's
// note, what was sent, and forms to upload files (the limits said before the upload) or write the declaration or
// account, with GOV.UK date inputs. On a bad send the form comes back with its messages and everything kept.
import { checkEvidenceSubmittable } from '../../domain/evidence/evidence-rules.js'
import {
  providerKinds,
  TASK_STATUS_WORDS,
  whatItNeeds,
  whyItApplies
} from '../../domain/evidence/provider-words.js'
import type { ChecklistItem, EvidenceKind } from '../../domain/scheme/index.js'
import type { MyApplication } from '../../use-cases/provider-portal.js'
import { layoutOf, type PageView } from '../layout.js'
import { PROVIDER_HOME, providerNavigation } from '../portal.js'
import type { ErrorLink } from './application-page.js'
import { statusOf } from './application-page.js'
import { emptyDate, type DateParts } from '../date-input.js'

export type ItemField = 'file' | 'kind' | 'narrative' | 'issuedOn' | 'expiresOn' | 'noExpiry' | 'mode'
export type FieldErrors = Partial<Record<ItemField, string>>

export interface ItemFormValues {
  kind: string
  narrative: string
  mode: 'new' | 'add'
  issuedOn: DateParts
  expiresOn: DateParts
  noExpiry: boolean
}

export const emptyValues = (): ItemFormValues =>
  ({ kind: '', narrative: '', mode: 'new', issuedOn: emptyDate(), expiresOn: emptyDate(), noExpiry: false })

interface Choice { value: string; text: string; checked: boolean }

interface FormView {
  action: string
  kinds: Choice[] | null
  dates: { issuedOn: DateParts; expiresOn: DateParts; waiver: boolean; noExpiry: boolean } | null
  errors: FieldErrors
}

export interface ItemView extends PageView {
  csrf: string
  errorList: ErrorLink[]
  notice: string | null
  code: string
  title: string
  category: string
  guidance: string
  status: string
  needs: string
  why: string
  note: string | null
  sent: Array<{ text: string; files: Array<{ name: string; href: string }> }>
  closed: boolean
  limitText: string
  fileForm: (FormView & { modes: Choice[] | null }) | null
  textForm: (FormView & { label: string; hint: string; value: string }) | null
}

declare module '../views.js' {
  interface PageViews {
    'provider-item': ItemView
  }
}

type Entry = NonNullable<MyApplication['assessment']>['checklist'][number]

export interface ItemPageInput {
  csrf: string
  app: MyApplication & { assessment: NonNullable<MyApplication['assessment']> }
  entry: Entry
  item: ChecklistItem
  today: string
  limitBytes: number
  /** Which form the values and errors belong to. */
  form?: 'file' | 'text' | undefined
  values?: ItemFormValues | undefined
  errors?: FieldErrors | undefined
  notice?: string | undefined
}

const FILE_KINDS: readonly EvidenceKind[] = ['document', 'photos']
const TEXT_KINDS: readonly EvidenceKind[] = ['declaration', 'narrative']
const KIND_TEXT: Readonly<Record<EvidenceKind, string>> = {
  document: 'A document',
  photos: 'Photos',
  declaration: 'A declaration',
  narrative: 'A short account',
  observation: 'A visit from your co-ordinator'
}
const STATUS_TEXT: Readonly<Record<string, string>> = {
  submitted: 'waiting to be checked',
  verified: 'verified',
  rejected: 'not accepted',
  info_requested: 'more information needed'
}
// The types src/domain/evidence/file-types.ts allows, as people know them.
const TYPE_NAMES = 'PDF, PNG, JPEG, WebP, HEIC, Word (DOCX) or OpenDocument (ODT)'

/** The order of fields on the page, for the error summary. */
const FIELD_ORDER: readonly ItemField[] = ['mode', 'kind', 'file', 'narrative', 'issuedOn', 'expiresOn', 'noExpiry']

export const megabytes = (bytes: number): string =>
  bytes >= 1_048_576 ? `${Math.floor(bytes / 1_048_576)} MB` : `${Math.floor(bytes / 1024)} KB`
export const limitSentence = (limitBytes: number): string =>
  `Each file must be a ${TYPE_NAMES} file, smaller than ${megabytes(limitBytes)}. You can send up to 10 files, ` +
  `${megabytes(limitBytes)} in total.`

const choices = (kinds: readonly EvidenceKind[], chosen: string): Choice[] | null =>
  kinds.length < 2
    ? null
    : kinds.map((k, i) => ({ value: k, text: KIND_TEXT[k], checked: chosen === '' ? i === 0 : chosen === k }))

export function fieldId (form: 'file' | 'text', field: ItemField): string {
  return field === 'issuedOn' || field === 'expiresOn' ? `${form}-${field}-day` : `${form}-${field}`
}

function formView (input: ItemPageInput, which: 'file' | 'text', kinds: readonly EvidenceKind[]): FormView {
  const mine = input.form === which
  const v = mine ? (input.values ?? emptyValues()) : emptyValues()
  return {
    action: `${PROVIDER_HOME}/items/${input.item.code}${which === 'file' ? '/files' : ''}`,
    kinds: choices(kinds, v.kind),
    dates: input.item.validityMonths === null
      ? null
      : {
          issuedOn: v.issuedOn,
          expiresOn: v.expiresOn,
          waiver: input.item.expiryWaivedBy !== null,
          noExpiry: v.noExpiry
        },
    errors: mine ? (input.errors ?? {}) : {}
  }
}

export function itemView (input: ItemPageInput): ItemView {
  const { app, entry, item } = input
  const a = app.assessment
  const kinds = providerKinds(item)
  const fileKinds = kinds.filter((k) => FILE_KINDS.includes(k))
  const textKinds = kinds.filter((k) => TEXT_KINDS.includes(k))
  // Open, or behind a live mark for an item that runs out (src/domain/evidence/evidence-rules.ts).
  const keeping = a.keeping === undefined ? undefined : { ...a.keeping, item }
  const closed = !checkEvidenceSubmittable(a.state, keeping).ok
  const current = entry.evidence.at(-1)
  const canAdd = current !== undefined && current.status === 'submitted' && FILE_KINDS.includes(current.kind)
  const errors = input.errors ?? {}
  const form = input.form ?? 'file'
  const errorList = FIELD_ORDER.flatMap((f) => {
    const text = errors[f]
    return text === undefined ? [] : [{ href: `#${fieldId(form, f)}`, text }]
  })
  const category = app.scheme.categories.find((c) => c.code === item.category)?.title ?? ''
  const values = input.values ?? emptyValues()
  const adding = form === 'file' && values.mode === 'add'
  return {
    layout: layoutOf({
      title: item.title,
      hasErrors: errorList.length > 0,
      navigation: providerNavigation(PROVIDER_HOME)
    }),
    csrf: input.csrf,
    errorList,
    notice: input.notice ?? null,
    code: item.code,
    title: item.title,
    category,
    guidance: item.guidance,
    status: TASK_STATUS_WORDS[statusOf(entry, input.today, app.scheme)],
    needs: whatItNeeds(item),
    why: whyItApplies(item.appliesWhen, app.provider.flags),
    note: entry.note,
    sent: [...entry.evidence].reverse().map((e) => ({
      text: `${KIND_TEXT[e.kind]} sent on ${e.createdAt.toISOString().slice(0, 10)}: ` +
        (STATUS_TEXT[e.status] ?? e.status) +
        (e.expiresOn !== null && !e.noExpiry ? `, runs out on ${e.expiresOn}` : ''),
      files: e.files.map((f) => ({
        name: f.filename,
        href: `/api/v1/assessments/${a.id}/evidence/${e.id}/files/${f.id}`
      }))
    })),
    closed,
    limitText: limitSentence(input.limitBytes),
    fileForm: closed || fileKinds.length === 0
      ? null
      : {
          ...formView(input, 'file', fileKinds),
          modes: canAdd
            ? [
                { value: 'add', text: 'Add these files to what you sent', checked: adding },
                { value: 'new', text: 'Send these instead of what you sent', checked: !adding }
              ]
            : null
        },
    textForm: closed || textKinds.length === 0
      ? null
      : {
          ...formView(input, 'text', textKinds),
          label: textKinds.length === 1 && textKinds[0] === 'declaration'
            ? 'Your declaration'
            : 'What you want to tell us',
          hint: textKinds.includes('declaration')
            ? 'Write it in your own words, for example “I declare that …”.'
            : 'A few sentences is enough.',
          value: input.form === 'text' ? values.narrative : ''
        }
  }
}
