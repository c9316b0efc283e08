// The register and edit pages of a provider (README: For co-ordinators): the form with what was typed, the GOV.UK
// error summary and field messages, and — when someone else saved first — both versions side by side.
import { CqcRatingSchema, OFFERING_FLAGS, ClientGroupSchema, ServiceTypeSchema } from '../../domain/scheme/enums.js'
import { LegalFormSchema } from '../../domain/providers.js'
import { layoutOf, type PageView } from '../layout.js'
import { MANAGE_HOME, manageNavigation } from '../portal.js'
import type { FieldError, ProviderFormValues } from './provider-form.js'
import {
  CLIENT_GROUP_NAMES,
  CQC_RATING_NAMES,
  FLAG_NAMES,
  LEGAL_FORM_NAMES,
  SERVICE_TYPE_NAMES
} from './words.js'

interface Choice { value: string; text: string; checked?: boolean; selected?: boolean }

export interface InviteValues { personName: string; personEmail: string }

export interface ProviderFormView extends PageView {
  heading: string
  caption: string | null
  action: string
  csrf: string
  submit: string
  cancelHref: string
  version: number | null
  values: ProviderFormValues
  /** the register page also invites the provider's first person */
  invite: InviteValues | null
  errors: Record<string, string>
  errorList: Array<{ text: string; href: string }>
  choices: {
    legalForm: Choice[]
    serviceTypes: Choice[]
    flags: Choice[]
    clientGroups: Choice[]
    cqcRating: Choice[]
  }
  conflict: { rows: Array<{ field: string; yours: string; theirs: string }> } | null
}

declare module '../views.js' {
  interface PageViews {
    'manage-provider-form': ProviderFormView
  }
}

export const checkboxes = (names: Record<string, string>, codes: readonly string[], chosen: string[]): Choice[] =>
  codes.map((value) => ({ value, text: names[value] ?? value, checked: chosen.includes(value) }))

/** The labels of the fields, for the conflict table (in the form's order). */
export const FIELD_LABELS: Record<keyof ProviderFormValues, string> = {
  name: 'Name',
  legalForm: 'Legal form',
  description: 'Description',
  fte: 'Full-time-equivalent staff',
  activeClients: 'People supported now',
  serviceTypes: 'Types of service',
  flags: 'What the provider does',
  clientGroups: 'Who it supports',
  area: 'Area served',
  postcode: 'Postcode',
  hourlyPrice: 'Hourly price (£)',
  cqcLocationId: 'CQC location ID',
  cqcRating: 'CQC rating',
  email: 'Email address',
  phone: 'Telephone',
  website: 'Website',
  route: 'How to get in touch'
}

const shown = (v: string | string[]): string => (Array.isArray(v) ? v.join(', ') : v) || '(blank)'

/** The fields where the saved record differs from what this person sent. */
export function conflictRows (yours: ProviderFormValues, theirs: ProviderFormValues) {
  const keys = Object.keys(FIELD_LABELS) as Array<keyof ProviderFormValues>
  return keys
    .filter((k) => shown(yours[k]) !== shown(theirs[k]))
    .map((k) => ({ field: FIELD_LABELS[k], yours: shown(yours[k]), theirs: shown(theirs[k]) }))
}

export interface ProviderFormInput {
  heading: string
  caption?: string | null
  action: string
  csrf: string
  submit: string
  cancelHref?: string
  version?: number | null
  values: ProviderFormValues
  invite?: InviteValues | null
  errors?: FieldError[]
  conflict?: ProviderFormView['conflict']
}

export function providerFormView (i: ProviderFormInput): ProviderFormView {
  const errors = i.errors ?? []
  const v = i.values
  return {
    layout: layoutOf({
      title: i.heading,
      hasErrors: errors.length > 0 || (i.conflict ?? null) !== null,
      navigation: manageNavigation(`${MANAGE_HOME}/providers`)
    }),
    heading: i.heading,
    caption: i.caption ?? null,
    action: i.action,
    csrf: i.csrf,
    submit: i.submit,
    cancelHref: i.cancelHref ?? `${MANAGE_HOME}/providers`,
    version: i.version ?? null,
    values: v,
    invite: i.invite ?? null,
    errors: Object.fromEntries(errors.map((e) => [e.field, e.text])),
    errorList: errors.map((e) => ({ text: e.text, href: `#${e.field}` })),
    choices: {
      legalForm: LegalFormSchema.options.map((value) => ({
        value, text: LEGAL_FORM_NAMES[value], checked: v.legalForm === value
      })),
      serviceTypes: checkboxes(SERVICE_TYPE_NAMES, ServiceTypeSchema.options, v.serviceTypes),
      flags: checkboxes(FLAG_NAMES, OFFERING_FLAGS, v.flags),
      clientGroups: checkboxes(CLIENT_GROUP_NAMES, ClientGroupSchema.options, v.clientGroups),
      cqcRating: [{ value: '', text: 'Not rated', selected: v.cqcRating === '' }].concat(
        CqcRatingSchema.options.map((value) => ({
          value, text: CQC_RATING_NAMES[value], selected: v.cqcRating === value
        }))
      )
    },
    conflict: i.conflict ?? null
  }
}
