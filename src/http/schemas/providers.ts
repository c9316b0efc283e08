// The provider registry's API contract.
import { z } from 'zod'
import { ClientGroupSchema, CqcRatingSchema, ServiceTypeSchema, type OfferingFlag } from '../../domain/scheme/enums.js'
import { LegalFormSchema, SizeBandSchema, normalisePostcode } from '../../domain/providers.js'
import type { ProviderCreate, ProviderListQuery, ProviderPatch } from '../../use-cases/provider-input.js'
import { pageMeta, pageQuery } from './common.js'

// Every flag of the domain's list, no more: `satisfies` fails the type check when the list changes.
const flag = z.boolean()
export const offeringFlagsSchema = z
  .strictObject({
    personalCare: flag,
    medication: flag,
    foodPreparation: flag,
    transport: flag,
    loneWorking: flag,
    handlesMoney: flag,
    employsStaff: flag
  } satisfies Record<OfferingFlag, z.ZodBoolean>)
  .meta({
    id: 'OfferingFlags',
    description: 'What the provider does; decides which checklist items apply (src/domain/README.md: Glossary)'
  })

const contactSchema = z.strictObject({
  email: z.email().optional(),
  phone: z
    .string()
    .regex(/^[+\d][\d ()-]{6,19}$/, 'must be a telephone number')
    .optional(),
  website: z.url({ protocol: /^https?$/ }).optional(),
  route: z.string().max(300).optional().describe("How people should get in touch, in the provider's words")
})

export const postcodeSchema = z
  .string()
  .max(10)
  .transform((v, ctx) => {
    const n = normalisePostcode(v)
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: 'must be a UK postcode, e.g. LS1 4AP' })
      return z.NEVER
    }
    return n
  })
  .describe('A UK postcode; stored upper case with one space')

// UK registration numbers, upper case without spaces (org-id.guide: GB-CHC, GB-SC, GB-NIC and GB-COH).
const registrationNumber = (pattern: RegExp, message: string) =>
  z
    .string()
    .max(12)
    .transform((v) => v.replace(/\s+/g, '').toUpperCase())
    .pipe(z.string().regex(pattern, message))
const charityNumber = registrationNumber(
  /^(?:\d{6,8}|SC\d{6}|NIC\d{6})$/,
  'must be a charity number: 6 to 8 digits (England and Wales), SC and 6 digits, or NIC and 6 digits'
).describe('Registered charity number, where the provider is a charity; published as an organization identifier')
const companyNumber = registrationNumber(
  /^(?:\d{8}|[A-Z]{2}\d{6})$/,
  'must be a Companies House number: 8 digits, or 2 letters and 6 digits'
).describe('Companies House number, where the provider is a company; published as an organization identifier')

const providerFields = {
  name: z.string().trim().min(2).max(200),
  legalForm: LegalFormSchema,
  description: z.string().max(2000).default(''),
  fte: z.number().min(0).max(100_000).describe('Full-time-equivalent staff, including the owner'),
  activeClients: z.number().int().min(0).max(100_000).describe('People supported now; sets the feedback sample size'),
  serviceTypes: z
    .array(ServiceTypeSchema)
    .min(1)
    .refine((a) => new Set(a).size === a.length, 'must not repeat a service type'),
  flags: offeringFlagsSchema,
  clientGroups: z
    .array(ClientGroupSchema)
    .min(1)
    .refine((a) => new Set(a).size === a.length, 'must not repeat a client group'),
  area: z.string().trim().min(2).max(100).describe('The area served, e.g. a town or ward'),
  postcode: postcodeSchema,
  hourlyPricePence: z.number().int().min(0).max(100_000).nullable().default(null),
  cqcLocationId: z
    .string()
    .regex(/^1-\d{6,12}$/, 'must be a CQC location id like 1-123456789')
    .nullable()
    .default(null),
  charityNumber: charityNumber.nullable().default(null),
  companyNumber: companyNumber.nullable().default(null),
  contact: contactSchema,
  takingNewPeople: z
    .boolean()
    .nullable()
    .optional()
    .describe('Whether the provider has room for new people (shown in the directory); null or absent: not said')
}

export const providerCreateSchema = z
  .strictObject({
    ...providerFields,
    cqcRating: CqcRatingSchema.nullable().default(null)
  })
  .meta({ id: 'ProviderCreate' }) satisfies z.ZodType<ProviderCreate, unknown>

export const providerPatchSchema = z
  .strictObject({
    name: providerFields.name.optional(),
    legalForm: providerFields.legalForm.optional(),
    description: z.string().max(2000).optional(),
    fte: providerFields.fte.optional(),
    activeClients: providerFields.activeClients.optional(),
    serviceTypes: providerFields.serviceTypes.optional(),
    flags: offeringFlagsSchema.optional(),
    clientGroups: providerFields.clientGroups.optional(),
    area: providerFields.area.optional(),
    postcode: postcodeSchema.optional(),
    hourlyPricePence: z.number().int().min(0).max(100_000).nullable().optional(),
    cqcLocationId: z
      .string()
      .regex(/^1-\d{6,12}$/, 'must be a CQC location id like 1-123456789')
      .nullable()
      .optional(),
    charityNumber: charityNumber.nullable().optional(),
    companyNumber: companyNumber.nullable().optional(),
    contact: contactSchema.optional(),
    takingNewPeople: providerFields.takingNewPeople,
    cqcRating: CqcRatingSchema.nullable().optional().describe('Co-ordinators only')
  })
  .refine((o) => Object.keys(o).length > 0, 'send at least one field to change')
  .meta({ id: 'ProviderPatch' }) satisfies z.ZodType<ProviderPatch, unknown>

export const providerSchema = z
  .object({
    id: z.uuid(),
    councilId: z.uuid(),
    name: z.string(),
    legalForm: LegalFormSchema,
    description: z.string(),
    fte: z.number(),
    sizeBand: SizeBandSchema,
    activeClients: z.number().int(),
    serviceTypes: z.array(ServiceTypeSchema),
    flags: offeringFlagsSchema,
    clientGroups: z.array(ClientGroupSchema),
    area: z.string(),
    postcode: z.string(),
    latitude: z.number().nullable().describe('Of the postcode, when it was saved; null until it could be placed'),
    longitude: z.number().nullable(),
    hourlyPricePence: z.number().int().nullable(),
    cqcLocationId: z.string().nullable(),
    cqcRating: CqcRatingSchema.nullable(),
    charityNumber: z.string().nullable(),
    companyNumber: z.string().nullable(),
    contact: contactSchema,
    takingNewPeople: z.boolean().nullable(),
    status: z.enum(['active', 'inactive']),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int()
  })
  .meta({ id: 'Provider' })

export const providerListQuery = z.strictObject({
  ...pageQuery,
  sizeBand: SizeBandSchema.optional(),
  serviceType: ServiceTypeSchema.optional(),
  clientGroup: ClientGroupSchema.optional(),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
  q: z.string().trim().min(1).max(100).optional().describe('Text search in name, description and area'),
  sort: z
    .enum(['name', '-name', 'createdAt', '-createdAt', 'fte', '-fte', 'updatedAt', '-updatedAt'])
    .default('name')
    .describe('Field to sort by; a leading "-" sorts descending. Ties are broken by id, so pages are stable.')
}) satisfies z.ZodType<ProviderListQuery, unknown>

export const providerListSchema = z
  .object({ items: z.array(providerSchema), meta: pageMeta })
  .meta({ id: 'ProviderList' })

export type { ProviderCreate, ProviderListQuery, ProviderPatch }
