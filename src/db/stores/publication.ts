// The publication store: every public view (ORUK feed, native feed, directory, badge) reads a provider with its
// current award (the latest one published) through here, public columns only — never status reasons, evidence or
// feedback (src/domain/README.md: Publication).
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { distanceFrom, withinDistance, type Near } from './distance.js'
import { awards, councils, providers, publicationVersions, type ProviderContact } from '../schema/index.js'
import type { AwardLevel } from '../../domain/scheme/enums.js'
import { CURRENT_MARK_STATES, LIVE_AWARD_STATES, type AwardState } from '../../domain/workflow/index.js'

export interface PublicCouncil {
  id: string
  slug: string
  name: string
  contactEmail: string | null
  /** null or absent: the service's default colour (src/domain/branding.ts) */
  brandColour?: string | null
  /** the council pages' contacts (README: Pages, council pages); null: contactEmail, or not published */
  accessibilityEmail?: string | null
  dataProtectionEmail?: string | null
  safeguardingPhone?: string | null
  version: number
}

/** States the directory lists: a suspended mark stays visible, as suspended (src/domain/README.md: Publication). */
const DIRECTORY_STATES = LIVE_AWARD_STATES

const lastModified = sql<Date>`greatest(${providers.updatedAt}, ${awards.updatedAt})`.mapWith(providers.updatedAt)

// "Current" = no award of the same provider published later (ties broken by id): one row per provider.
const isCurrentAward = sql`not exists (select 1 from awards newer where newer.provider_id = ${awards.providerId}
  and (newer.published_at, newer.id) > (${awards.publishedAt}, ${awards.id}))`

export const listingColumns = {
  providerId: providers.id,
  name: providers.name,
  description: providers.description,
  serviceTypes: providers.serviceTypes,
  clientGroups: providers.clientGroups,
  area: providers.area,
  postcode: providers.postcode,
  hourlyPricePence: providers.hourlyPricePence,
  contact: providers.contact,
  takingNewPeople: providers.takingNewPeople,
  providerStatus: providers.status,
  award: {
    id: awards.id,
    level: awards.level,
    status: awards.status,
    validFrom: awards.validFrom,
    validTo: awards.validTo,
    smallSample: awards.smallSample,
    publishedAt: awards.publishedAt,
    updatedAt: awards.updatedAt
  },
  lastModified
}

export interface Listing {
  providerId: string
  name: string
  description: string
  serviceTypes: string[]
  clientGroups: string[]
  area: string
  postcode: string
  hourlyPricePence: number | null
  contact: ProviderContact
  /** null: the provider has not said */
  takingNewPeople: boolean | null
  providerStatus: 'active' | 'inactive'
  award: {
    id: string
    level: AwardLevel
    status: AwardState
    validFrom: string
    validTo: string
    smallSample: boolean
    publishedAt: Date
    updatedAt: Date
  }
  lastModified: Date
  /** metres from the search point, when the search was near one */
  distanceMetres?: number | null
}

export interface ListingFilter {
  /**
   * 'all': every provider that ever held a mark (ORUK: a lost mark shows as a change); 'directory': live or suspended
   * marks.
   */
  scope: 'all' | 'directory'
  search?: string | undefined
  /** Matches only a current (not suspended, expired...) mark of one of these levels. */
  levels?: readonly AwardLevel[] | undefined
  serviceType?: string | undefined
  clientGroup?: string | undefined
  area?: string | undefined
  providerIds?: readonly string[] | undefined
  modifiedAfter?: Date | undefined
  /** Has any term of this taxonomy (ORUK taxonomy_id). */
  hasAnyOf?: 'level' | 'service_type' | 'client_group' | undefined
  /** Matches nothing (an unknown taxonomy term or organization id). */
  none?: boolean | undefined
  /** Only providers that said they are taking new people. */
  takingNewPeople?: boolean | undefined
  /** Within this distance of a point; the page is then ordered nearest first. */
  near?: Near | undefined
}

const escapeLike = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
const containsJson = (column: typeof providers.serviceTypes | typeof providers.clientGroups, value: string) =>
  sql`${column} @> ${JSON.stringify([value])}::jsonb`
const isCurrentMark = and(eq(providers.status, 'active'), inArray(awards.status, [...CURRENT_MARK_STATES])) ?? sql`true`

function whereOf (councilId: string, f: ListingFilter): SQL {
  const where: SQL[] = [eq(awards.councilId, councilId), isCurrentAward]
  if (f.none === true) where.push(sql`false`)
  if (f.scope === 'directory') where.push(eq(providers.status, 'active'), inArray(awards.status, [...DIRECTORY_STATES]))
  if (f.levels !== undefined) where.push(inArray(awards.level, [...f.levels]), isCurrentMark)
  if (f.serviceType !== undefined) where.push(containsJson(providers.serviceTypes, f.serviceType))
  if (f.clientGroup !== undefined) where.push(containsJson(providers.clientGroups, f.clientGroup))
  if (f.area !== undefined) where.push(sql`lower(${providers.area}) = lower(${f.area})`)
  if (f.providerIds !== undefined) {
    where.push(f.providerIds.length === 0 ? sql`false` : inArray(providers.id, [...f.providerIds]))
  }
  // An ISO string cast in SQL: drivers differ in how they bind a Date against an expression.
  if (f.modifiedAfter !== undefined) where.push(sql`${lastModified} >= ${f.modifiedAfter.toISOString()}::timestamptz`)
  if (f.near !== undefined) where.push(withinDistance(providers, f.near))
  if (f.takingNewPeople === true) where.push(eq(providers.takingNewPeople, true))
  if (f.hasAnyOf === 'level') where.push(isCurrentMark)
  if (f.hasAnyOf === 'service_type') where.push(sql`jsonb_array_length(${providers.serviceTypes}) > 0`)
  if (f.hasAnyOf === 'client_group') where.push(sql`jsonb_array_length(${providers.clientGroups}) > 0`)
  if (f.search !== undefined && f.search.trim() !== '') {
    const like = escapeLike(f.search.trim())
    const matches = or(ilike(providers.name, like), ilike(providers.description, like), ilike(providers.area, like))
    if (matches !== undefined) where.push(matches)
  }
  return and(...where) ?? sql`true`
}

// A council's public fields and its publication version (0 until the first change).
const publicCouncilColumns = {
  id: councils.id,
  slug: councils.slug,
  name: councils.name,
  contactEmail: councils.contactEmail,
  brandColour: councils.brandColour,
  accessibilityEmail: councils.accessibilityEmail,
  dataProtectionEmail: councils.dataProtectionEmail,
  safeguardingPhone: councils.safeguardingPhone,
  version: sql<number>`coalesce(${publicationVersions.version}, 0)`.mapWith(Number)
}

// Prepared once per database: this lookup runs on every public request (ETag check), so it skips query building.
const councilLookups = new WeakMap<Queryable, ReturnType<typeof prepareCouncilLookup>>()
const prepareCouncilLookup = (q: Queryable) =>
  q
    .select(publicCouncilColumns)
    .from(councils)
    .leftJoin(publicationVersions, eq(publicationVersions.councilId, councils.id))
    .where(eq(councils.slug, sql.placeholder('slug')))
    .prepare('qm_public_council')

/** The council of a public URL and its publication version (bumped by triggers on any change). */
export async function findPublicCouncil (q: Queryable, slug: string): Promise<PublicCouncil | undefined> {
  let lookup = councilLookups.get(q)
  if (lookup === undefined) councilLookups.set(q, (lookup = prepareCouncilLookup(q)))
  const [row] = await lookup.execute({ slug })
  return row
}

/** One page of listings, ordered by provider name, with the total for the page envelope. */
export async function listListings (
  q: Queryable,
  councilId: string,
  filter: ListingFilter,
  page: { page: number; perPage: number }
) {
  const where = whereOf(councilId, filter)
  const distance = filter.near === undefined ? sql<null>`null` : distanceFrom(providers, filter.near.centre)
  const order =
    filter.near === undefined ? [asc(providers.name), asc(providers.id)] : [asc(distance), asc(providers.id)]
  const [items, [total]] = await Promise.all([
    q
      .select({ ...listingColumns, distanceMetres: distance })
      .from(awards)
      .innerJoin(providers, eq(providers.id, awards.providerId))
      .where(where)
      .orderBy(...order)
      .limit(page.perPage)
      .offset((page.page - 1) * page.perPage),
    q.select({ n: count() }).from(awards).innerJoin(providers, eq(providers.id, awards.providerId)).where(where)
  ])
  return { items, totalItems: total?.n ?? 0 }
}

/** One provider's listing, or undefined when it never held a mark in this council. */
export async function findListing (
  q: Queryable,
  councilId: string,
  providerId: string,
  scope: ListingFilter['scope'] = 'all'
): Promise<Listing | undefined> {
  const [row] = await q
    .select(listingColumns)
    .from(awards)
    .innerJoin(providers, eq(providers.id, awards.providerId))
    .where(whereOf(councilId, { scope, providerIds: [providerId] }))
  return row
}

/** Ids of every provider listed in the council's feed (to resolve derived organization ids). */
export async function listListedProviderIds (q: Queryable, councilId: string): Promise<string[]> {
  const rows = await q.selectDistinct({ id: awards.providerId }).from(awards).where(eq(awards.councilId, councilId))
  return rows.map((r) => r.id)
}

/** Areas with a listed provider, for the directory's area filter. */
export async function listDirectoryAreas (q: Queryable, councilId: string): Promise<string[]> {
  const rows = await q
    .selectDistinct({ area: providers.area })
    .from(awards)
    .innerJoin(providers, eq(providers.id, awards.providerId))
    .where(whereOf(councilId, { scope: 'directory' }))
    .orderBy(asc(providers.area))
  return rows.map((r) => r.area)
}

/** A provider's earlier awards, newest first (src/domain/README.md: past awards are public). */
export async function listPastAwards (
  q: Queryable,
  councilId: string,
  providerId: string,
  exceptAwardId: string
): Promise<Array<Listing['award']>> {
  const rows = await q
    .select(listingColumns.award)
    .from(awards)
    .where(
      and(eq(awards.councilId, councilId), eq(awards.providerId, providerId), sql`${awards.id} <> ${exceptAwardId}`)
    )
    .orderBy(sql`${awards.publishedAt} desc`, sql`${awards.id} desc`)
  return rows
}

/** One award as a badge states it: the listing, its council (with version) and the provider's newest award id. */
export async function findAwardTruth (q: Queryable, awardId: string) {
  const [row] = await q
    .select({
      ...listingColumns,
      council: publicCouncilColumns
    })
    .from(awards)
    .innerJoin(providers, eq(providers.id, awards.providerId))
    .innerJoin(councils, eq(councils.id, awards.councilId))
    .leftJoin(publicationVersions, eq(publicationVersions.councilId, councils.id))
    .where(eq(awards.id, awardId))
  if (row === undefined) return undefined
  const [latest] = await q
    .select({ id: awards.id })
    .from(awards)
    .where(and(eq(awards.providerId, row.providerId), eq(awards.councilId, row.council.id)))
    .orderBy(desc(awards.publishedAt), desc(awards.id))
    .limit(1)
  const { council, ...listing } = row
  const found: { listing: Listing; council: PublicCouncil; currentAwardId: string } = {
    listing,
    council,
    currentAwardId: latest?.id ?? awardId
  }
  return found
}

// Millisecond precision, the precision of the cursor a client sends back.
const changedAt = sql<Date>`date_trunc('milliseconds', greatest(${providers.updatedAt}, ${awards.updatedAt}))`.mapWith(
  providers.updatedAt
)

export interface AwardChangesQuery {
  modifiedAfter?: Date | undefined
  /** the last (change time, award id) of the previous page */
  after?: { at: string; id: string } | undefined
  limit: number
}

/** A council's awards ordered by when they last changed (the native change feed), `limit` of them. */
export async function listAwardsByChange (
  q: Queryable,
  councilId: string,
  query: AwardChangesQuery
): Promise<Listing[]> {
  const where: SQL[] = [eq(awards.councilId, councilId)]
  if (query.modifiedAfter !== undefined) {
    where.push(sql`${changedAt} >= ${query.modifiedAfter.toISOString()}::timestamptz`)
  }
  if (query.after !== undefined) {
    where.push(sql`(${changedAt}, ${awards.id}) > (${query.after.at}::timestamptz, ${query.after.id}::uuid)`)
  }
  return await q
    .select({ ...listingColumns, lastModified: changedAt })
    .from(awards)
    .innerJoin(providers, eq(providers.id, awards.providerId))
    .where(and(...where))
    .orderBy(asc(changedAt), asc(awards.id))
    .limit(query.limit)
}

/** One award of a council with its provider, whatever its state. */
export async function findCouncilAward (
  q: Queryable,
  councilId: string,
  awardId: string
): Promise<Listing | undefined> {
  const [row] = await q
    .select(listingColumns)
    .from(awards)
    .innerJoin(providers, eq(providers.id, awards.providerId))
    .where(and(eq(awards.councilId, councilId), eq(awards.id, awardId)))
  return row
}
