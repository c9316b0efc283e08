// "Your listing" (README: For providers): the parts of the provider's record the public directory shows, as a form
// with the co-ordinator's form's own checks (src/web/manage/provider-form.ts), and the directory entry as it shows now,
// drawn by the directory's own result partial. Nothing here waits for the council: a saved change shows at once.
import { ClientGroupSchema, ServiceTypeSchema } from '../../domain/scheme/enums.js'
import type { ProviderRow } from '../../use-cases/providers.js'
import type { MyAward } from '../../use-cases/provider-keeping.js'
import { resultView, type ResultView } from '../directory/search-page.js'
import { layoutOf, type PageView } from '../layout.js'
import {
  parseProviderForm,
  valuesFromBody,
  valuesFromProvider,
  type FieldError,
  type ParsedProvider,
  type ProviderFormValues
} from '../manage/provider-form.js'
import { checkboxes, conflictRows } from '../manage/provider-form-page.js'
import { CLIENT_GROUP_NAMES, SERVICE_TYPE_NAMES } from '../manage/words.js'
import { PROVIDER_HOME, providerNavigation } from '../portal.js'

/** The fields a provider changes here: what the directory shows of them (not the checklist's offering flags). */
const LISTING_FIELDS = [
  'description', 'serviceTypes', 'clientGroups', 'area', 'hourlyPrice', 'email', 'phone', 'website', 'route'
] as const satisfies ReadonlyArray<keyof ProviderFormValues>

const TAKING = { yes: true, no: false, unsaid: null } as const
type Taking = keyof typeof TAKING
const takingOf = (v: boolean | null): Taking => (v === true ? 'yes' : v === false ? 'no' : 'unsaid')
const isTaking = (v: unknown): v is Taking => typeof v === 'string' && Object.hasOwn(TAKING, v)

export interface ListingValues extends ProviderFormValues {
  takingNewPeople: string
}

export interface ListingView extends PageView {
  csrf: string
  version: number
  notice: string | null
  values: ListingValues
  errors: Record<string, string>
  errorList: Array<{ text: string; href: string }>
  choices: {
    serviceTypes: ReturnType<typeof checkboxes>
    clientGroups: ReturnType<typeof checkboxes>
    takingNewPeople: Array<{ value: Taking; text: string; checked: boolean }>
  }
  conflict: { rows: Array<{ field: string; yours: string; theirs: string }> } | null
  preview: ResultView | null
  /** the preview shows changes not saved yet */
  previewing: boolean
}

declare module '../views.js' {
  interface PageViews {
    'provider-listing': ListingView
  }
}

export const LISTING_HREF = `${PROVIDER_HOME}/listing`

export const listingValuesOf = (p: ProviderRow): ListingValues =>
  ({ ...valuesFromProvider(p), takingNewPeople: takingOf(p.takingNewPeople) })

/** The saved record with the listing's fields as posted: every other field stays as it is. */
export function postedListing (p: ProviderRow, body: Record<string, unknown>): ListingValues {
  const posted = valuesFromBody(body)
  const listing = Object.fromEntries(LISTING_FIELDS.map((f) => [f, posted[f]]))
  const taking = body.takingNewPeople
  return { ...listingValuesOf(p), ...listing, takingNewPeople: typeof taking === 'string' ? taking : '' }
}

export type ListingPatch = Pick<
  ParsedProvider, 'description' | 'serviceTypes' | 'clientGroups' | 'area' | 'hourlyPricePence' | 'contact'
> & { takingNewPeople: boolean | null }

/** The co-ordinator's form's checks on the listing's fields, and the one choice only the provider makes here. */
export function parseListing (v: ListingValues):
  { ok: true, value: ListingPatch } | { ok: false, errors: FieldError[] } {
  const parsed = parseProviderForm(v)
  const taking = isTaking(v.takingNewPeople) ? TAKING[v.takingNewPeople] : undefined
  const errors = [
    ...(parsed.ok ? [] : parsed.errors),
    ...(taking === undefined ? [{ field: 'takingNewPeople', text: 'Select whether you are taking new people' }] : [])
  ]
  if (!parsed.ok || taking === undefined) return { ok: false, errors }
  const { description, serviceTypes, clientGroups, area, hourlyPricePence, contact } = parsed.value
  const value = { description, serviceTypes, clientGroups, area, hourlyPricePence, contact, takingNewPeople: taking }
  return { ok: true, value }
}

const TAKING_WORDS: Record<string, string> = { yes: 'Taking new people', no: 'Full', unsaid: 'Not said' }

/** The listing's fields where the saved record differs from what this person sent. */
function listingConflict (yours: ListingValues, theirs: ProviderRow) {
  const rows = conflictRows(yours, valuesFromProvider(theirs))
  const saved = takingOf(theirs.takingNewPeople)
  if (yours.takingNewPeople === saved) return rows
  const shown = (t: string) => TAKING_WORDS[t] ?? '(blank)'
  return [...rows, { field: 'Taking new people', yours: shown(yours.takingNewPeople), theirs: shown(saved) }]
}

export interface ListingInput {
  csrf: string
  provider: ProviderRow
  award: MyAward | null
  values?: ListingValues
  version?: number
  errors?: FieldError[]
  notice?: string | null
  /** someone else saved first: what they saved */
  theirs?: ProviderRow
  /** checked but not saved: the entry is previewed with these */
  unsaved?: ListingPatch
}

export function listingView (i: ListingInput): ListingView {
  const errors = i.errors ?? []
  const v = i.values ?? listingValuesOf(i.provider)
  const conflict = i.theirs === undefined ? null : { rows: listingConflict(v, i.theirs) }
  return {
    layout: layoutOf({
      title: 'Your listing',
      hasErrors: errors.length > 0 || conflict !== null,
      navigation: providerNavigation(LISTING_HREF)
    }),
    csrf: i.csrf,
    version: i.version ?? i.provider.version,
    notice: i.notice ?? null,
    values: v,
    errors: Object.fromEntries(errors.map((e) => [e.field, e.text])),
    errorList: errors.map((e) => ({ text: e.text, href: `#${e.field}` })),
    choices: {
      serviceTypes: checkboxes(SERVICE_TYPE_NAMES, ServiceTypeSchema.options, v.serviceTypes),
      clientGroups: checkboxes(CLIENT_GROUP_NAMES, ClientGroupSchema.options, v.clientGroups),
      takingNewPeople: ([
        ['yes', 'Yes, we are taking new people'],
        ['no', 'No, we are full'],
        ['unsaid', 'I would rather not say: people should ask']
      ] as const).map(([value, text]) => ({ value, text, checked: v.takingNewPeople === value }))
    },
    conflict,
    previewing: i.unsaved !== undefined,
    preview: i.award === null ? null : resultView(i.award.council.slug, { ...i.award.listing, ...i.unsaved })
  }
}
