// Maps a listing to an Open Referral UK (HSDS-UK 3.0) service, fully nested: organization, location with its
// postcode, service area, contact, cost option, and attributes linking the taxonomy terms (README: Publication).
import { stableId, organizationIdOf } from './ids.js'
import type { Listing, PublicCouncil } from './listings.js'
import { accreditationSentence, isCurrentMark } from './public-award.js'
import { termsOf, taxonomiesOf, type Taxonomy, type Term } from './vocabulary.js'

export interface OrukContext {
  council: PublicCouncil
  baseUrl: string
  terms: Term[]
}

export const orukContextOf = (council: PublicCouncil, baseUrl: string): OrukContext => ({
  council,
  baseUrl,
  terms: termsOf(council)
})

export const orukTaxonomy = (t: Taxonomy, baseUrl: string) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  uri: `${baseUrl}/taxonomies/${t.id}`,
  version: '1'
})

export const orukTerm = (t: Term, baseUrl: string) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  taxonomy: t.taxonomyName,
  taxonomy_id: t.taxonomyId,
  term: t.code,
  term_uri: `${baseUrl}/taxonomy_terms/${t.id}`
})

export const orukTaxonomiesOf = (ctx: OrukContext) => taxonomiesOf(ctx.council).map((t) => orukTaxonomy(t, ctx.baseUrl))

// A value that fails the schema's format is left out rather than published wrong.
const asUri = (s: string | undefined) => {
  if (s === undefined) return undefined
  try {
    return /^https?:$/.test(new URL(s).protocol) ? s : undefined
  } catch {
    return undefined
  }
}
const asEmail = (s: string | undefined) => (s !== undefined && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? s : undefined)

/** The terms a listing carries: its level only while the mark counts (a lost mark removes the attribute). */
function termsOfListing (l: Listing, ctx: OrukContext): Term[] {
  return ctx.terms.filter(
    (t) =>
      (t.kind === 'level' && t.code === l.award.level && isCurrentMark(l)) ||
      (t.kind === 'service_type' && l.serviceTypes.includes(t.code)) ||
      (t.kind === 'client_group' && l.clientGroups.includes(t.code))
  )
}

export function orukServiceOf (l: Listing, ctx: OrukContext) {
  const id = l.providerId
  const organizationId = organizationIdOf(id)
  const locationId = stableId('location', id)
  const contactLine = [l.contact.phone !== undefined ? `Telephone ${l.contact.phone}` : undefined, l.contact.route]
    .filter(Boolean)
    .join('. ')
  return {
    id,
    organization_id: organizationId,
    name: l.name,
    description: l.description !== '' ? l.description : l.name,
    url: asUri(l.contact.website),
    email: asEmail(l.contact.email),
    // HSDS status describes the listing: a service that no longer holds the mark is no longer listed as active.
    status: isCurrentMark(l) ? 'active' : 'inactive',
    accreditations: accreditationSentence(l, ctx.council.name),
    assured_date: l.award.validFrom,
    assurer_email: asEmail(ctx.council.contactEmail ?? undefined),
    last_modified: l.lastModified.toISOString(),
    service_areas: [{ id: stableId('service_area', id), service_id: id, name: l.area, service_area: l.area }],
    service_at_locations: [
      {
        id: stableId('service_at_location', id),
        service_id: id,
        location_id: locationId,
        location: {
          id: locationId,
          location_type: 'postal',
          name: `${l.name}, ${l.area}`,
          addresses: [
            {
              id: stableId('address', id),
              location_id: locationId,
              address_1: l.area,
              city: l.area,
              state_province: ctx.council.name,
              postal_code: l.postcode,
              country: 'GB',
              address_type: 'postal'
            }
          ]
        }
      }
    ],
    organization: {
      id: organizationId,
      name: l.name,
      description: l.description !== '' ? l.description : l.name,
      email: asEmail(l.contact.email),
      website: asUri(l.contact.website)
    },
    // HSDS-UK 3.0 drops the phone table: the telephone number and contact route go in the contact's title.
    contacts:
      contactLine === '' ? [] : [{ id: stableId('contact', id), service_id: id, name: l.name, title: contactLine }],
    cost_options:
      l.hourlyPricePence === null
        ? []
        : [
            {
              id: stableId('cost_option', id),
              service_id: id,
              option: 'Hourly rate',
              amount: l.hourlyPricePence / 100,
              amount_description: `£${(l.hourlyPricePence / 100).toFixed(2)} an hour`
            }
          ],
    attributes: termsOfListing(l, ctx).map((t) => ({
      id: stableId('attribute', id, t.id),
      link_id: id,
      link_type: 'service',
      taxonomy_term_id: t.id,
      taxonomy_term: orukTerm(t, ctx.baseUrl)
    }))
  }
}

export type OrukService = ReturnType<typeof orukServiceOf>

const SUMMARY_FIELDS = [
  'id',
  'organization_id',
  'name',
  'description',
  'url',
  'email',
  'status',
  'accreditations',
  'assured_date',
  'last_modified',
  'attributes'
] as const

/** A service as listed in a page without `full=true`: what a directory needs to list and filter, plus the mark. */
export function orukServiceSummaryOf (l: Listing, ctx: OrukContext) {
  const full = orukServiceOf(l, ctx)
  const summary = Object.fromEntries(SUMMARY_FIELDS.map((k) => [k, full[k]])) as Pick<
    OrukService,
    (typeof SUMMARY_FIELDS)[number]
  >
  // Each term in brief (id, name, description: what the schema requires); /taxonomy_terms/{id} has the rest.
  summary.attributes = summary.attributes.map((a) => ({
    ...a,
    taxonomy_term: {
      id: a.taxonomy_term.id,
      name: a.taxonomy_term.name,
      description: a.taxonomy_term.description
    } as typeof a.taxonomy_term
  }))
  return summary
}

/** The ORUK page envelope (validator schemas V3.0-UK *_list.json: Page). */
export function orukPage<T> (contents: T[], totalItems: number, page: number, perPage: number) {
  const totalPages = Math.ceil(totalItems / perPage)
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents
  }
}
