// Maps a listing to an Open Referral UK (HSDS-UK 3.0) service, fully nested: organization, location with its
// postcode, service area, contact, cost option, and attributes linking the taxonomy terms (README: Publication).
import type { OrukProviderDetails } from '../../db/stores/oruk-locations.js'
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

/** What a listing alone does not carry; a provider with none of it publishes no coordinates or identifiers. */
export const NO_DETAILS: OrukProviderDetails = {
  latitude: null,
  longitude: null,
  charityNumber: null,
  companyNumber: null
}

// org-id.guide schemes: Charity Commission (England and Wales), OSCR (Scotland), CCNI (Northern Ireland).
const charitySchemeOf = (n: string) => (n.startsWith('SC') ? 'GB-SC' : n.startsWith('NIC') ? 'GB-NIC' : 'GB-CHC')

/** The provider's registration numbers as HSDS organization_identifier records. */
function orukIdentifiersOf (l: Listing, d: OrukProviderDetails) {
  const organizationId = organizationIdOf(l.providerId)
  const record = (kind: string, scheme: string, type: string, identifier: string) => ({
    id: stableId('organization_identifier', l.providerId, kind),
    organization_id: organizationId,
    identifier_scheme: scheme,
    identifier_type: type,
    identifier
  })
  return [
    ...(d.charityNumber === null
      ? []
      : [record('charity', charitySchemeOf(d.charityNumber), 'Charity number', d.charityNumber)]),
    ...(d.companyNumber === null ? [] : [record('company', 'GB-COH', 'Company number', d.companyNumber)])
  ]
}

export function orukOrganizationOf (l: Listing, d: OrukProviderDetails) {
  return {
    id: organizationIdOf(l.providerId),
    name: l.name,
    description: l.description !== '' ? l.description : l.name,
    email: asEmail(l.contact.email),
    website: asUri(l.contact.website),
    organization_identifiers: orukIdentifiersOf(l, d)
  }
}

export function orukLocationOf (l: Listing, ctx: OrukContext, d: OrukProviderDetails) {
  const locationId = stableId('location', l.providerId)
  const placed = d.latitude !== null && d.longitude !== null
  return {
    id: locationId,
    location_type: 'postal',
    name: `${l.name}, ${l.area}`,
    ...(placed
      ? {
          description: 'The coordinates are those of the postcode (its centre), not of a street address.',
          latitude: d.latitude,
          longitude: d.longitude
        }
      : {}),
    addresses: [
      {
        id: stableId('address', l.providerId),
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

const serviceAtLocationIdOf = (providerId: string) => stableId('service_at_location', providerId)

export function orukServiceOf (l: Listing, ctx: OrukContext, d: OrukProviderDetails = NO_DETAILS) {
  const id = l.providerId
  const contactLine = [l.contact.phone !== undefined ? `Telephone ${l.contact.phone}` : undefined, l.contact.route]
    .filter(Boolean)
    .join('. ')
  const location = orukLocationOf(l, ctx, d)
  return {
    id,
    organization_id: organizationIdOf(id),
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
    service_at_locations: [{ id: serviceAtLocationIdOf(id), service_id: id, location_id: location.id, location }],
    organization: orukOrganizationOf(l, d),
    // The UK profile removes the phone table from every record that could nest it (profile/*.json: "phones": null),
    // so the telephone number and contact route go in the contact's title.
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

/** A service as listed in a page without `full=true`: what a directory needs to list and filter, plus the mark. */
export function orukServiceSummaryOf (l: Listing, ctx: OrukContext) {
  const full = orukServiceOf(l, ctx, NO_DETAILS)
  return {
    id: full.id,
    organization_id: full.organization_id,
    name: full.name,
    description: full.description,
    url: full.url,
    email: full.email,
    status: full.status,
    accreditations: full.accreditations,
    assured_date: full.assured_date,
    last_modified: full.last_modified,
    // Each term in brief (id, name, description: what the schema requires); /taxonomy_terms/{id} has the rest.
    attributes: full.attributes.map((a) => ({
      ...a,
      taxonomy_term: { id: a.taxonomy_term.id, name: a.taxonomy_term.name, description: a.taxonomy_term.description }
    }))
  }
}

/** ORUK `minimal`: the smallest service the list schema accepts (id, name, status) and when it last changed. */
export const orukServiceMinimalOf = (l: Listing) => ({
  id: l.providerId,
  name: l.name,
  status: isCurrentMark(l) ? 'active' : 'inactive',
  last_modified: l.lastModified.toISOString()
})

/**
 * A service at its location: the location with its coordinates, and the service (summary in lists, fully nested
 * in GET /service_at_locations/{id} and with `full=true`).
 */
export function orukServiceAtLocationOf (
  l: Listing,
  ctx: OrukContext,
  d: OrukProviderDetails,
  shape: 'full' | 'summary' | 'minimal'
) {
  const id = serviceAtLocationIdOf(l.providerId)
  const location = orukLocationOf(l, ctx, d)
  const head = { id, service_id: l.providerId, location_id: location.id }
  if (shape === 'minimal') return head
  if (shape === 'summary') return { ...head, location, service: orukServiceSummaryOf(l, ctx) }
  const { service_at_locations: _, ...service } = orukServiceOf(l, ctx, d)
  return { ...head, location, service }
}

export { serviceAtLocationIdOf }

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
