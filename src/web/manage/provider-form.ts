// The provider form of the co-ordinator's portal (README: For co-ordinators): the posted fields as typed (kept on
// error), their checks with GOV.UK error messages per field, and the record the provider use cases take.
import { z } from 'zod'
import { normalisePostcode, LegalFormSchema } from '../../domain/providers.js'
import {
  ClientGroupSchema,
  CqcRatingSchema,
  OFFERING_FLAGS,
  ServiceTypeSchema,
  type OfferingFlag
} from '../../domain/scheme/enums.js'
import type { ProviderRow } from '../../use-cases/providers.js'

/** The form as posted: strings and lists of strings, exactly as typed. */
export interface ProviderFormValues {
  name: string
  legalForm: string
  description: string
  fte: string
  activeClients: string
  serviceTypes: string[]
  flags: string[]
  clientGroups: string[]
  area: string
  postcode: string
  hourlyPrice: string
  cqcLocationId: string
  cqcRating: string
  email: string
  phone: string
  website: string
  route: string
}

export interface FieldError {
  /** the form field's name; the error summary links to #<field> */
  field: string
  text: string
}

const LIST_FIELDS = ['serviceTypes', 'flags', 'clientGroups'] as const
const TEXT_FIELDS = [
  'name', 'legalForm', 'description', 'fte', 'activeClients', 'area', 'postcode', 'hourlyPrice', 'cqcLocationId',
  'cqcRating', 'email', 'phone', 'website', 'route'
] as const

/** A posted field: a string, a list of strings (repeated checkboxes), or absent. */
const listOf = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string' && x !== '')
const textOf = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? textOf(v[0]) : '')

export function valuesFromBody (body: Record<string, unknown>): ProviderFormValues {
  const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, textOf(body[f]).slice(0, 3000)]))
  const lists = Object.fromEntries(LIST_FIELDS.map((f) => [f, listOf(body[f])]))
  return { ...emptyValues(), ...text, ...lists }
}

export const emptyValues = (): ProviderFormValues => ({
  name: '',
  legalForm: '',
  description: '',
  fte: '',
  activeClients: '',
  serviceTypes: [],
  flags: [],
  clientGroups: [],
  area: '',
  postcode: '',
  hourlyPrice: '',
  cqcLocationId: '',
  cqcRating: '',
  email: '',
  phone: '',
  website: '',
  route: ''
})

const pounds = (pence: number | null): string => (pence === null ? '' : (pence / 100).toFixed(2))

export function valuesFromProvider (p: ProviderRow): ProviderFormValues {
  return {
    name: p.name,
    legalForm: p.legalForm,
    description: p.description,
    fte: String(p.fte),
    activeClients: String(p.activeClients),
    serviceTypes: [...p.serviceTypes],
    flags: OFFERING_FLAGS.filter((f) => p.flags[f]),
    clientGroups: [...p.clientGroups],
    area: p.area,
    postcode: p.postcode,
    hourlyPrice: pounds(p.hourlyPricePence),
    cqcLocationId: p.cqcLocationId ?? '',
    cqcRating: p.cqcRating ?? '',
    email: p.contact.email ?? '',
    phone: p.contact.phone ?? '',
    website: p.contact.website ?? '',
    route: p.contact.route ?? ''
  }
}

const optional = <T extends z.ZodType<unknown, string>>(s: T) =>
  z.string().trim().transform((v) => (v === '' ? undefined : v)).pipe(s.optional())
const number = (what: string, label: string, max: number, whole: boolean) =>
  z.string().trim().min(1, `Enter ${what}`).transform((v, ctx) => {
    const n = Number(v)
    if (!/^\d+(\.\d+)?$/.test(v) || (whole && !Number.isInteger(n))) {
      const kind = whole ? 'a whole number, like 6' : 'a number, like 2.5'
      ctx.addIssue({ code: 'custom', message: `${label} must be ${kind}` })
      return z.NEVER
    }
    if (n > max) ctx.addIssue({ code: 'custom', message: `${label} must be ${max} or less` })
    return n
  })

// Each field's rule and its message in the GOV.UK voice ("Enter…", "Select…", "… must be…").
const formSchema = z.object({
  name: z.string().trim().min(2, 'Enter the provider’s name').max(200, 'Name must be 200 characters or fewer'),
  legalForm: LegalFormSchema,
  description: z.string().trim().max(2000, 'Description must be 2,000 characters or fewer'),
  fte: number('the full-time-equivalent staff', 'Full-time-equivalent staff', 100_000, false),
  activeClients: number('the number of people supported now', 'People supported now', 100_000, true),
  serviceTypes: z.array(ServiceTypeSchema).min(1, 'Select at least one type of service'),
  flags: z.array(z.enum(OFFERING_FLAGS)),
  clientGroups: z.array(ClientGroupSchema).min(1, 'Select at least one group of people supported'),
  area: z.string().trim().min(2, 'Enter the area served, like a town or ward')
    .max(100, 'Area must be 100 characters or fewer'),
  postcode: z.string().transform((v, ctx) => {
    const n = normalisePostcode(v)
    if (n === null) {
      const message = v.trim() === '' ? 'Enter a postcode' : 'Enter a real postcode, like LS1 4AP'
      ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    }
    return n
  }),
  hourlyPrice: z.string().trim().transform((v, ctx) => {
    if (v === '') return null
    const m = /^£?(\d{1,4})(?:\.(\d{2}))?$/.exec(v)
    if (m === null) {
      ctx.addIssue({ code: 'custom', message: 'Hourly price must be in pounds and pence, like 18.50' })
      return z.NEVER
    }
    return Number(m[1]) * 100 + Number(m[2] ?? 0)
  }),
  cqcLocationId: optional(z.string().regex(/^1-\d{6,12}$/, 'CQC location ID must look like 1-123456789')),
  cqcRating: optional(CqcRatingSchema),
  email: optional(z.email('Enter an email address in the correct format, like name@example.com')),
  phone: optional(z.string().regex(/^[+\d][\d ()-]{6,19}$/, 'Enter a telephone number, like 01632 960 001')),
  website: optional(z.url({ protocol: /^https?$/, error: 'Enter a website address starting with https://' })),
  route: optional(z.string().max(300, 'How to get in touch must be 300 characters or fewer'))
})

const MESSAGES_FOR_CHOICES: Record<string, string> = {
  legalForm: 'Select the provider’s legal form',
  cqcRating: 'Select a CQC rating from the list',
  serviceTypes: 'Select the types of service from the list',
  clientGroups: 'Select the groups of people from the list',
  flags: 'Select what the provider does from the list'
}

export type ParsedProvider = ReturnType<typeof toRecord>

function toRecord (v: z.infer<typeof formSchema>) {
  const has = (f: OfferingFlag) => v.flags.includes(f)
  const flags = {
    personalCare: has('personalCare'),
    medication: has('medication'),
    foodPreparation: has('foodPreparation'),
    transport: has('transport'),
    loneWorking: has('loneWorking'),
    handlesMoney: has('handlesMoney'),
    employsStaff: has('employsStaff')
  }
  return {
    name: v.name,
    legalForm: v.legalForm,
    description: v.description,
    fte: v.fte,
    activeClients: v.activeClients,
    serviceTypes: v.serviceTypes,
    flags,
    clientGroups: v.clientGroups,
    area: v.area,
    postcode: v.postcode,
    hourlyPricePence: v.hourlyPrice,
    cqcLocationId: v.cqcLocationId ?? null,
    cqcRating: v.cqcRating ?? null,
    contact: {
      ...(v.email === undefined ? {} : { email: v.email }),
      ...(v.phone === undefined ? {} : { phone: v.phone }),
      ...(v.website === undefined ? {} : { website: v.website }),
      ...(v.route === undefined ? {} : { route: v.route })
    }
  }
}

/** Checks the form; the first problem of each field, in the order the fields appear. */
export function parseProviderForm (values: ProviderFormValues):
  { ok: true, value: ParsedProvider } | { ok: false, errors: FieldError[] } {
  const r = formSchema.safeParse(values)
  if (r.success) return { ok: true, value: toRecord(r.data) }
  const seen = new Set<string>()
  const errors: FieldError[] = []
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? '')
    if (seen.has(field)) continue
    seen.add(field)
    const custom = ['custom', 'too_small', 'too_big', 'invalid_format'].includes(issue.code)
    errors.push({ field, text: custom ? issue.message : (MESSAGES_FOR_CHOICES[field] ?? issue.message) })
  }
  const order: string[] = Object.keys(formSchema.shape)
  return { ok: false, errors: errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field)) }
}
