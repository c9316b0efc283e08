// Queries behind every public view (ORUK feed, native feed, directory): a provider with its current award
// (the latest one published), public columns only — never status reasons, evidence or feedback (src/domain/README.md:
// Publication).
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { distanceFrom, withinDistance, type Near } from '../../db/stores/distance.js'
import { awards, councils, providers, publicationVersions } from '../../db/schema/index.js'
import type { AwardLevel } from '../../domain/scheme/enums.js'
import { notFound } from '../access.js'

export interface PublicCouncil {
  id: string
  slug: string
  name: string
  contactEmail: string | null
  /** null or absent: the service's default colour (src/domain/branding.ts) */
  brandColour?: string | null
  version: number
}

/** Award states in which the mark counts (a level filter matches only these). */
export const CURRENT_MARK_STATES = ['active', 'renewal_due'] as const
/** States the directory lists: a suspended mark stays visible, as suspended (src/domain/README.md: Publication). */
export const DIRECTORY_STATES = ['active', 'renewal_due', 'suspended'] as const

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
  contact: {
    email?: string | undefined
    phone?: string | undefined
    website?: string | undefined
    route?: string | undefined
  }
  providerStatus: 'active' | 'inactive'
  award: {
    id: string
    level: AwardLevel
    status: string
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
  /** Within this distance of a point; the page is then ordered nearest first. */
  near?: Near | undefined
}

const escapeLike = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
const containsJson = (column: typeof providers.serviceTypes | typeof providers.clientGroups, value: string) =>
  sql`${column} @> ${JSON.stringify([value])}::jsonb`
const isCurrentMark = and(eq(providers.status, 'active'), inArray(awards.status, [...CURRENT_MARK_STATES]))!

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
  if (f.hasAnyOf === 'level') where.push(isCurrentMark)
  if (f.hasAnyOf === 'service_type') where.push(sql`jsonb_array_length(${providers.serviceTypes}) > 0`)
  if (f.hasAnyOf === 'client_group') where.push(sql`jsonb_array_length(${providers.clientGroups}) > 0`)
  if (f.search !== undefined && f.search.trim() !== '') {
    const like = escapeLike(f.search.trim())
    where.push(or(ilike(providers.name, like), ilike(providers.description, like), ilike(providers.area, like))!)
  }
  return and(...where)!
}

// Prepared once per database: this lookup runs on every public request (ETag check), so it skips query building.
const councilLookups = new WeakMap<Queryable, ReturnType<typeof prepareCouncilLookup>>()
const prepareCouncilLookup = (q: Queryable) =>
  q
    .select({
      id: councils.id,
      slug: councils.slug,
      name: councils.name,
      contactEmail: councils.contactEmail,
      brandColour: councils.brandColour,
      version: sql<number>`coalesce(${publicationVersions.version}, 0)`.mapWith(Number)
    })
    .from(councils)
    .leftJoin(publicationVersions, eq(publicationVersions.councilId, councils.id))
    .where(eq(councils.slug, sql.placeholder('slug')))
    .prepare('qm_public_council')

interface Waiter {
  resolve: (c: PublicCouncil) => void
  reject: (e: unknown) => void
}
interface SlugReads {
  running: boolean
  queued: Waiter[]
}
const pendingReads = new WeakMap<Queryable, Map<string, SlugReads>>()

/**
 * The council of a public URL and its publication version (bumped by triggers on any change), read fresh for
 * every request. Requests for the same council that arrive while a read is running share the NEXT read, which
 * starts after they arrived, so each still sees every change committed before it came in (no staleness), while
 * a burst of requests costs one database round trip instead of one each.
 */
export async function loadPublicCouncil (q: Queryable, slug: string): Promise<PublicCouncil> {
  let bySlug = pendingReads.get(q)
  if (bySlug === undefined) pendingReads.set(q, (bySlug = new Map()))
  let reads = bySlug.get(slug)
  if (reads === undefined) bySlug.set(slug, (reads = { running: false, queued: [] }))
  const state = reads
  return await new Promise<PublicCouncil>((resolve, reject) => {
    state.queued.push({ resolve, reject })
    // drainReads settles every waiter itself and never rejects, so nothing awaits it
    if (!state.running) drainReads(q, slug, state, bySlug)
  })
}

async function drainReads (
  q: Queryable,
  slug: string,
  state: SlugReads,
  bySlug: Map<string, SlugReads>
): Promise<void> {
  state.running = true
  while (state.queued.length > 0) {
    const batch = state.queued
    state.queued = []
    try {
      let lookup = councilLookups.get(q)
      if (lookup === undefined) councilLookups.set(q, (lookup = prepareCouncilLookup(q)))
      const [row] = await lookup.execute({ slug })
      for (const w of batch) row === undefined ? w.reject(notFound('Council')) : w.resolve(row)
    } catch (err) {
      for (const w of batch) w.reject(err)
    }
  }
  state.running = false
  bySlug.delete(slug)
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
  return { items: items as Listing[], totalItems: total?.n ?? 0 }
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
  return row as Listing | undefined
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
export async function listPastAwards (q: Queryable, councilId: string, providerId: string, exceptAwardId: string) {
  const rows = await q
    .select(listingColumns.award)
    .from(awards)
    .where(
      and(eq(awards.councilId, councilId), eq(awards.providerId, providerId), sql`${awards.id} <> ${exceptAwardId}`)
    )
    .orderBy(sql`${awards.publishedAt} desc`, sql`${awards.id} desc`)
  return rows as Array<Listing['award']>
}
