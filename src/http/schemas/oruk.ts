// The Open Referral UK (HSDS-UK 3.0) contract of the public feed: query filters and the documented response
// shapes (the tests validate real responses against the standard's own JSON Schemas in test/fixtures/hsds-uk-3.0).
import { z } from 'zod'
import { postcodeSchema } from './providers.js'

const modifiedAfter = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'must be an ISO 8601 date or date-time' })
  .transform((s) => new Date(s))
  .describe('Only services modified on or after this date-time (a lost or changed mark counts as a modification)')

const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe('1-based page number'),
  per_page: z.coerce.number().int().min(1).max(100).default(50).describe('Items per page, at most 100')
}

export const orukCouncilParams = z.object({
  council: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be a council slug')
})
export const orukIdParams = orukCouncilParams.extend({ id: z.uuid({ error: 'must be a UUID' }) })

const flag = (description: string) =>
  z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe(description)
const minimal = flag('true: the smallest record the schema accepts (ids, name, and when a service last changed)')

export const orukServicesQuery = z.object({
  ...paging,
  search: z.string().trim().max(200).optional().describe('Words in the name, description or area'),
  taxonomy_term_id: z
    .uuid({ error: 'must be a UUID' })
    .optional()
    .describe('Services carrying this term (e.g. the Gold Quality Mark)'),
  taxonomy_id: z.uuid({ error: 'must be a UUID' }).optional().describe('Services carrying any term of this taxonomy'),
  organization_id: z.uuid({ error: 'must be a UUID' }).optional(),
  modified_after: modifiedAfter.optional(),
  full: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: fully nested services (organization, locations, contacts, cost options) in the page'),
  minimal
})

const MAX_PROXIMITY_METRES = 200_000

export const orukServiceAtLocationsQuery = orukServicesQuery
  .extend({
    postcode: postcodeSchema
      .optional()
      .describe(
        'Services nearest this postcode first; with `proximity`, only those within that distance. An unknown ' +
          'postcode matches no service (an empty page).'
      ),
    proximity: z.coerce
      .number({ error: 'must be a whole number of metres' })
      .int({ error: 'must be a whole number of metres' })
      .min(1)
      .max(MAX_PROXIMITY_METRES)
      .optional()
      .describe(`Metres from the postcode's centre, at most ${MAX_PROXIMITY_METRES}; needs \`postcode\``)
  })
  .superRefine((q, ctx) => {
    if (q.proximity !== undefined && q.postcode === undefined) {
      ctx.addIssue({ code: 'custom', path: ['proximity'], message: 'needs a postcode to measure from' })
    }
  })

export const orukOrganizationsQuery = z.object({
  ...paging,
  search: orukServicesQuery.shape.search,
  modified_after: modifiedAfter.optional(),
  full: flag('true: each organization with its services in summary'),
  full_service: flag('true: each organization with its services fully nested'),
  minimal
})

export const orukOrganizationQuery = z.object({
  full_service: flag('true: the services fully nested (default: in summary)')
})

export const orukListQuery = z.object({
  ...paging,
  search: z.string().trim().max(200).optional(),
  taxonomy_id: z.uuid({ error: 'must be a UUID' }).optional(),
  minimal
})

export const orukApiDetailsSchema = z
  .object({ version: z.string(), profile: z.url(), openapi_url: z.url() })
  .meta({ id: 'OrukApiDetails' })

export const orukTaxonomySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    uri: z.url().optional(),
    version: z.string().optional()
  })
  .meta({ id: 'OrukTaxonomy' })

export const orukTermSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    taxonomy: z.string().optional(),
    taxonomy_id: z.uuid().optional(),
    term: z.string().optional(),
    term_uri: z.url().optional()
  })
  .meta({ id: 'OrukTaxonomyTerm' })

const withId = z.object({ id: z.uuid() }).loose()

export const orukServiceSchema = z
  .object({
    id: z.uuid(),
    organization_id: z.uuid(),
    name: z.string(),
    description: z.string(),
    url: z.url().optional(),
    email: z.string().optional(),
    status: z.enum(['active', 'inactive']).describe('inactive once the service no longer holds a current Quality Mark'),
    accreditations: z.string().describe('e.g. "Gold Quality Mark from Demo Borough Council, valid until 1 March 2027"'),
    assured_date: z.string(),
    assurer_email: z.string().optional(),
    last_modified: z.string(),
    service_areas: z.array(withId),
    service_at_locations: z.array(withId),
    organization: withId,
    contacts: z.array(withId),
    cost_options: z.array(withId),
    attributes: z.array(
      z.object({
        id: z.uuid(),
        link_id: z.uuid(),
        link_type: z.string(),
        taxonomy_term_id: z.uuid(),
        taxonomy_term: orukTermSchema
      })
    )
  })
  .meta({ id: 'OrukService' })

const identifierSchema = z.object({
  id: z.uuid(),
  organization_id: z.uuid(),
  identifier_scheme: z.enum(['GB-CHC', 'GB-SC', 'GB-NIC', 'GB-COH']).describe('org-id.guide scheme'),
  identifier_type: z.enum(['Charity number', 'Company number']),
  identifier: z.string()
})

export const orukOrganizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    email: z.string().optional(),
    website: z.url().optional(),
    organization_identifiers: z.array(identifierSchema).optional(),
    services: z.array(withId).optional()
  })
  .meta({ id: 'OrukOrganization' })

const orukLocationSchema = z
  .object({
    id: z.uuid(),
    location_type: z.string(),
    name: z.string(),
    description: z.string().optional(),
    latitude: z.number().optional().describe("The postcode's centre (WGS84), when the postcode could be placed"),
    longitude: z.number().optional(),
    addresses: z.array(withId)
  })
  .meta({ id: 'OrukLocation' })

export const orukServiceAtLocationSchema = z
  .object({
    id: z.uuid(),
    service_id: z.uuid(),
    location_id: z.uuid(),
    location: orukLocationSchema.optional(),
    service: withId.optional()
  })
  .meta({ id: 'OrukServiceAtLocation' })

const page = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      total_items: z.number().int(),
      total_pages: z.number().int(),
      page_number: z.number().int(),
      size: z.number().int(),
      first_page: z.boolean(),
      last_page: z.boolean(),
      empty: z.boolean(),
      contents: z.array(item)
    })
    .meta({ id })

export const orukServicePageSchema = page(
  z.union([
    orukServiceSchema,
    orukServiceSchema.pick({
      id: true,
      organization_id: true,
      name: true,
      description: true,
      url: true,
      email: true,
      status: true,
      accreditations: true,
      assured_date: true,
      last_modified: true,
      attributes: true
    }),
    orukServiceSchema.pick({ id: true, name: true, status: true, last_modified: true })
  ]),
  'OrukServicePage'
)
export const orukTaxonomyPageSchema = page(orukTaxonomySchema, 'OrukTaxonomyPage')
export const orukTermPageSchema = page(orukTermSchema, 'OrukTaxonomyTermPage')

export const orukServiceAtLocationPageSchema = page(orukServiceAtLocationSchema, 'OrukServiceAtLocationPage')
export const orukOrganizationPageSchema = page(orukOrganizationSchema, 'OrukOrganizationPage')
