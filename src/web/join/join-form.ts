// The "apply to join the scheme" form (README: For providers): each field read as posted and checked with a
// GOV.UK message; a business over the micro bound is told kindly why it cannot join.
import { z } from 'zod'
import { LegalFormSchema, normalisePostcode } from '../../domain/providers.js'
import { ServiceTypeSchema } from '../../domain/scheme/enums.js'
import type { InterestInput } from '../../use-cases/interests.js'
import { LEGAL_FORM_NAMES, SERVICE_TYPE_NAMES } from '../manage/words.js'
import { layoutOf, type PageView } from '../layout.js'

export interface JoinValues {
  businessName: string
  legalForm: string
  contactName: string
  email: string
  phone: string
  postcode: string
  serviceTypes: string[]
  offer: string
  fte: string
}

const TEXT = ['businessName', 'legalForm', 'contactName', 'email', 'phone', 'postcode', 'offer', 'fte'] as const
const textOf = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 3000) : '')
const listOf = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string').slice(0, 10)

export function joinValuesOf (body: Record<string, unknown>): JoinValues {
  const text = Object.fromEntries(TEXT.map((f) => [f, textOf(body[f])])) as Omit<JoinValues, 'serviceTypes'>
  return { ...text, serviceTypes: listOf(body.serviceTypes) }
}

export const emptyJoinValues = (): JoinValues => joinValuesOf({})

const required = (message: string, max: number, tooLong: string) =>
  z.string().trim().min(1, message).max(max, tooLong)

const joinSchema = (microMaxFte: number) => z.object({
  businessName: required('Enter the name of your business', 200, 'The name must be 200 characters or fewer'),
  legalForm: LegalFormSchema,
  contactName: required('Enter your name', 200, 'Your name must be 200 characters or fewer'),
  email: z.string().trim().pipe(z.email('Enter an email address in the correct format, like name@example.com')),
  phone: z.string().trim().refine((v) => v === '' || /^[+\d][\d ()-]{6,19}$/.test(v),
    'Enter a telephone number, like 01632 960 001 or 07700 900 982'),
  postcode: z.string().trim().min(1, 'Enter your postcode')
    .refine((v) => normalisePostcode(v) !== null, 'Enter a real postcode, like LS1 4AP'),
  serviceTypes: z.array(ServiceTypeSchema).min(1, 'Select what your business offers'),
  offer: required('Tell us about what you offer', 2000, 'This must be 2000 characters or fewer'),
  fte: z.string().trim().min(1, 'Enter how many staff you have, including you')
    .refine((v) => /^\d{1,4}(\.\d{1,2})?$/.test(v), 'Staff must be a number, like 2 or 1.5')
    .refine((v) => Number(v) <= microMaxFte, `too_big:${microMaxFte}`)
})

export interface FieldError { field: string; text: string }

/** What the person asked, ready for submitInterest, or the messages to show. */
export function parseJoin (v: JoinValues, microMaxFte: number):
  { ok: true; value: InterestInput } | { ok: false; errors: FieldError[]; tooBig: boolean } {
  const legal = LegalFormSchema.safeParse(v.legalForm)
  const r = joinSchema(microMaxFte).safeParse({ ...v, legalForm: legal.success ? v.legalForm : 'sole_trader' })
  const errors: FieldError[] = legal.success ? [] : [{ field: 'legalForm', text: 'Select how your business is set up' }]
  let tooBig = false
  for (const i of r.success ? [] : r.error.issues) {
    const field = String(i.path[0])
    if (errors.some((e) => e.field === field)) continue
    if (i.message.startsWith('too_big:')) {
      tooBig = true
      errors.push({ field, text: `The Quality Mark is for businesses with ${microMaxFte} staff or fewer` })
    } else {
      errors.push({ field, text: field === 'serviceTypes' ? 'Select what your business offers' : i.message })
    }
  }
  if (!r.success || errors.length > 0) return { ok: false, errors: sortErrors(errors), tooBig }
  const d = r.data
  return {
    ok: true,
    value: {
      businessName: d.businessName,
      legalForm: d.legalForm,
      contactName: d.contactName,
      email: d.email.toLowerCase(),
      phone: d.phone === '' ? null : d.phone,
      postcode: normalisePostcode(d.postcode) ?? d.postcode,
      serviceTypes: [...new Set(d.serviceTypes)],
      offer: d.offer,
      fte: Number(d.fte)
    }
  }
}

const ORDER = ['businessName', 'legalForm', 'contactName', 'email', 'phone', 'postcode', 'serviceTypes', 'offer', 'fte']
const sortErrors = (e: FieldError[]) => [...e].sort((a, b) => ORDER.indexOf(a.field) - ORDER.indexOf(b.field))

export interface JoinView extends PageView {
  councilName: string
  microMaxFte: number
  action: string
  csrf: string
  values: JoinValues
  errors: Record<string, string>
  errorList: Array<{ text: string; href: string }>
  tooBig: boolean
  contactEmail: string | null
  legalForms: Array<{ value: string; text: string; checked: boolean }>
  serviceTypes: Array<{ value: string; text: string; checked: boolean }>
}

declare module '../views.js' {
  interface PageViews {
    join: JoinView
  }
}

export function joinView (i: {
  council: { slug: string; name: string; microMaxFte: number; contactEmail: string | null }
  csrf: string
  values: JoinValues
  errors?: FieldError[]
  tooBig?: boolean
}): JoinView {
  const errors = i.errors ?? []
  return {
    layout: layoutOf({ title: 'Apply to join the Quality Mark', hasErrors: errors.length > 0 }),
    councilName: i.council.name,
    microMaxFte: i.council.microMaxFte,
    action: `/join/${i.council.slug}`,
    csrf: i.csrf,
    values: i.values,
    errors: Object.fromEntries(errors.map((e) => [e.field, e.text])),
    errorList: errors.map((e) => ({ text: e.text, href: `#${e.field}` })),
    tooBig: i.tooBig ?? false,
    contactEmail: i.council.contactEmail,
    legalForms: LegalFormSchema.options.map((value) =>
      ({ value, text: LEGAL_FORM_NAMES[value], checked: i.values.legalForm === value })),
    serviceTypes: ServiceTypeSchema.options.map((value) =>
      ({ value, text: SERVICE_TYPE_NAMES[value], checked: i.values.serviceTypes.includes(value) }))
  }
}
