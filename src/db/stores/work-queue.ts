// The co-ordinator's work queue read from the database (README: For co-ordinators): one query per section, each
// returning its oldest rows and the section's total in the same round trip, so the queue costs the same number of
// queries whatever the council holds. The rows stop at the section's limit, read in order from an index; the total
// is a scalar subquery of the same condition over the table alone, which an index answers without joining providers
// (a window count over the join made every row of the section be joined and sorted: README: Benchmarks).
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Queryable } from '../client.js'
import {
  appeals,
  assessments,
  auditEvents,
  awards,
  concerns,
  evidence,
  interests,
  notificationMessages,
  providers,
  users
} from '../schema/index.js'
import { z } from 'zod'
import type { AssessmentState } from '../../domain/workflow/index.js'

/** One row of a section: what to act on, for which provider, since when, and the section's total. */
export interface QueueRecord {
  id: string
  providerId: string | null
  providerName: string | null
  /** when it started waiting (an instant) or the date it is due (YYYY-MM-DD) */
  at: Date | string
  note: string | null
  /** a second id the row links through (the assessment of a piece of evidence) */
  parentId: string | null
  total: number
}

export interface QueueScope {
  councilId: string
  /** only records this person has acted on (the audit trail names them); null for everyone's */
  mine: string | null
  limit: number
}

/**
 * How many rows of `from` meet `where`. For everyone's queue, a scalar subquery: the condition's columns are written
 * with their table's name, which inside the subquery means the subquery's own `from` (the nearest table of that
 * name), so the same condition serves both and an index answers it. For "mine" the audit check filters most rows
 * out, so one pass counting the few that pass (a window count) is cheaper than checking them all twice.
 */
const totalOf = (s: QueueScope, from: SQL, where: SQL | undefined) => s.mine === null
  ? sql<number>`(select count(*) from ${from} where ${where})`.mapWith(Number)
  : sql<number>`count(*) over ()`.mapWith(Number)

/** The person has acted on the record: an audit event of theirs names it. */
const actedOn = (entityType: string, column: AnyPgColumn, userId: string): SQL =>
  sql`exists (select 1 from ${auditEvents} where ${auditEvents.entityType} = ${entityType}
    and ${auditEvents.entityId} = ${column}::text and ${auditEvents.actorUserId} = ${userId})`

const mineOf = (s: QueueScope, entityType: string, column: AnyPgColumn): SQL | undefined =>
  s.mine === null ? undefined : actedOn(entityType, column, s.mine)

/** Assessments in one state (and a further condition), the longest waiting first. */
export async function queueAssessments (q: Queryable, s: QueueScope, state: AssessmentState, extra?: SQL) {
  const at = state === 'decision_proposed' ? sql<string>`${assessments.factualAccuracyEndsOn}` : assessments.updatedAt
  const where = and(eq(assessments.councilId, s.councilId), eq(assessments.state, state), extra,
    mineOf(s, 'assessment', assessments.id))
  return await q
    .select({
      id: assessments.id,
      providerId: assessments.providerId,
      providerName: providers.name,
      at,
      note: assessments.kind,
      parentId: sql<string | null>`null`,
      total: totalOf(s, sql`${assessments}`, where)
    })
    .from(assessments)
    .innerJoin(providers, eq(providers.id, assessments.providerId))
    .where(where)
    .orderBy(asc(at), asc(assessments.id))
    .limit(s.limit)
}

/**
 * Evidence a provider sent between assessments to keep a live mark (src/domain/evidence/evidence-rules.ts): pieces
 * awaiting review on a decided assessment, the longest waiting first.
 */
export async function queueKeepingEvidence (q: Queryable, s: QueueScope): Promise<QueueRecord[]> {
  const where = and(
    eq(evidence.councilId, s.councilId),
    eq(evidence.status, 'submitted'),
    eq(assessments.state, 'decided'),
    mineOf(s, 'assessment', evidence.assessmentId)
  )
  return await q
    .select({
      id: evidence.id,
      providerId: evidence.providerId,
      providerName: providers.name,
      at: evidence.createdAt,
      note: evidence.itemCode,
      parentId: evidence.assessmentId,
      total: totalOf(s, sql`${evidence} join ${assessments} on ${assessments.id} = ${evidence.assessmentId}`, where)
    })
    .from(evidence)
    .innerJoin(assessments, eq(assessments.id, evidence.assessmentId))
    .innerJoin(providers, eq(providers.id, evidence.providerId))
    .where(where)
    .orderBy(asc(evidence.createdAt), asc(evidence.id))
    .limit(s.limit)
}

/** Under review again with the provider's answer to a request for information. */
export const answeredInformation = isNotNull(assessments.infoResponseNote)

/** Expiring evidence is counted up to this many; a larger total is shown as "more than" it. */
export const EXPIRING_COUNT_CAP = 1000
// The section's three counts as the database sends them (json_build_array as text): checked, not assumed.
const COUNTS = z.tuple([z.number(), z.number(), z.number()])

export interface ExpiringEvidence extends QueueRecord {
  within7: number
  within30: number
}

/**
 * Verified evidence of active providers expiring between `today` and `until`, soonest first, with how many expire
 * within 7 and 30 days. A piece replaced by a later-expiring verified one for the same item is not listed.
 */
export async function queueExpiringEvidence (
  q: Queryable,
  s: QueueScope,
  today: string,
  in7: string,
  in30: string,
  until: string
): Promise<ExpiringEvidence[]> {
  const later = sql`not exists (select 1 from ${evidence} as newer where newer.provider_id = ${evidence.providerId}
    and newer.item_code = ${evidence.itemCode} and newer.status = 'verified'
    and (newer.no_expiry or newer.expires_on > ${evidence.expiresOn}))`
  const where = and(
    eq(evidence.councilId, s.councilId),
    eq(evidence.status, 'verified'),
    eq(evidence.noExpiry, false),
    gte(evidence.expiresOn, today),
    lte(evidence.expiresOn, until),
    eq(providers.status, 'active'),
    later,
    mineOf(s, 'assessment', evidence.assessmentId)
  )
  // The three counts in one pass over the soonest EXPIRING_COUNT_CAP + 1 candidates (each checked for a later
  // replacement, so an uncapped count grows with the council: README: Benchmarks); more than that reads "more than".
  const soonest = sql`select ${evidence.expiresOn} as expires_on from ${evidence}
    inner join ${providers} on ${providers.id} = ${evidence.providerId} where ${where}
    order by ${evidence.expiresOn} limit ${EXPIRING_COUNT_CAP + 1}`
  const counts = s.mine === null
    ? sql`(select json_build_array(count(*), count(*) filter (where soonest.expires_on <= ${in7}),
      count(*) filter (where soonest.expires_on <= ${in30}))::text from (${soonest}) as soonest)`
    : sql`json_build_array(count(*) over (), count(*) filter (where ${evidence.expiresOn} <= ${in7}) over (),
      count(*) filter (where ${evidence.expiresOn} <= ${in30}) over ())::text` // "mine": see totalOf
  const rows = await q
    .select({
      id: evidence.id,
      providerId: evidence.providerId,
      providerName: providers.name,
      at: sql<string>`${evidence.expiresOn}`,
      note: evidence.itemCode,
      parentId: evidence.assessmentId,
      counts: counts.mapWith((text: string) => COUNTS.parse(JSON.parse(text)))
    })
    .from(evidence)
    .innerJoin(providers, eq(providers.id, evidence.providerId))
    .where(where)
    .orderBy(asc(evidence.expiresOn), asc(evidence.id))
    .limit(s.limit)
  return rows.map(({ counts: [total, within7, within30], ...row }) => ({ ...row, total, within7, within30 }))
}

/** Live awards due for renewal or ending by `until`, the soonest first. */
export async function queueAwardsToRenew (q: Queryable, s: QueueScope, until: string): Promise<QueueRecord[]> {
  const where = and(
    eq(awards.councilId, s.councilId),
    or(eq(awards.status, 'renewal_due'), and(eq(awards.status, 'active'), lte(awards.validTo, until))),
    mineOf(s, 'award', awards.id)
  )
  return await q
    .select({
      id: awards.id,
      providerId: awards.providerId,
      providerName: providers.name,
      at: sql<string>`${awards.validTo}`,
      note: awards.level,
      parentId: sql<string | null>`null`,
      total: totalOf(s, sql`${awards}`, where)
    })
    .from(awards)
    .innerJoin(providers, eq(providers.id, awards.providerId))
    .where(where)
    .orderBy(asc(awards.validTo), asc(awards.id))
    .limit(s.limit)
}

/** Concerns not yet triaged: safeguarding ones (raised as such, or from a flagged feedback answer) first. */
export async function queueConcernsToTriage (q: Queryable, s: QueueScope): Promise<QueueRecord[]> {
  const safeguarding = inArray(concerns.source, ['safeguarding', 'feedback'])
  const where = and(eq(concerns.councilId, s.councilId), eq(concerns.state, 'received'),
    mineOf(s, 'concern', concerns.id))
  return await q
    .select({
      id: concerns.id,
      providerId: concerns.providerId,
      providerName: providers.name,
      at: concerns.createdAt,
      note: sql<string>`case when ${safeguarding} then 'safeguarding' else ${concerns.source} end`,
      parentId: sql<string | null>`null`,
      total: totalOf(s, sql`${concerns}`, where)
    })
    .from(concerns)
    .innerJoin(providers, eq(providers.id, concerns.providerId))
    .where(where)
    .orderBy(desc(safeguarding), asc(concerns.createdAt), asc(concerns.id))
    .limit(s.limit)
}

/** Appeals not yet decided; "mine" also takes the appeals this person is to hear. */
export async function queueAppealsToHear (q: Queryable, s: QueueScope): Promise<QueueRecord[]> {
  const mine = s.mine === null ? undefined : or(eq(appeals.reviewerId, s.mine), actedOn('appeal', appeals.id, s.mine))
  const where = and(eq(appeals.councilId, s.councilId),
    inArray(appeals.state, ['lodged', 'acknowledged', 'under_review']), mine)
  return await q
    .select({
      id: appeals.id,
      providerId: appeals.providerId,
      providerName: providers.name,
      at: appeals.lodgedAt,
      note: appeals.state,
      parentId: sql<string | null>`null`,
      total: totalOf(s, sql`${appeals}`, where)
    })
    .from(appeals)
    .innerJoin(providers, eq(providers.id, appeals.providerId))
    .where(where)
    .orderBy(asc(appeals.lodgedAt), asc(appeals.id))
    .limit(s.limit)
}

/** Messages that failed, or are being retried after a failure; with the provider of the person, if one. */
export async function queueUndeliveredMessages (q: Queryable, s: QueueScope): Promise<QueueRecord[]> {
  const where = and(
    eq(notificationMessages.councilId, s.councilId),
    or(
      eq(notificationMessages.status, 'failed'),
      and(eq(notificationMessages.status, 'pending'), sql`${notificationMessages.attempts} > 0`)
    )
  )
  return await q
    .select({
      id: notificationMessages.id,
      providerId: providers.id,
      providerName: providers.name,
      at: notificationMessages.createdAt,
      note: notificationMessages.kind,
      parentId: sql<string | null>`null`,
      total: totalOf(s, sql`${notificationMessages}`, where)
    })
    .from(notificationMessages)
    .leftJoin(users, eq(users.id, notificationMessages.recipientUserId))
    .leftJoin(providers, eq(providers.id, users.providerId))
    .where(where)
    .orderBy(asc(notificationMessages.createdAt), asc(notificationMessages.id))
    .limit(s.limit)
}

/** Requests to join not answered yet, the longest waiting first (the business is not a provider yet). */
export async function queueInterests (q: Queryable, s: QueueScope): Promise<QueueRecord[]> {
  const where = and(eq(interests.councilId, s.councilId), eq(interests.state, 'received'),
    mineOf(s, 'interest', interests.id))
  return await q
    .select({
      id: interests.id,
      providerId: sql<string | null>`null`,
      providerName: interests.businessName,
      at: interests.createdAt,
      note: interests.businessName,
      parentId: sql<string | null>`null`,
      total: totalOf(s, sql`${interests}`, where)
    })
    .from(interests)
    .where(where)
    .orderBy(asc(interests.createdAt), asc(interests.id))
    .limit(s.limit)
}
