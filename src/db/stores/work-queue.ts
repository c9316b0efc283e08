// The co-ordinator's work queue read from the database (README: For co-ordinators): one query per section, each
// returning its oldest rows and the section's total in the same round trip (a window count), so the queue costs
// the same number of queries whatever the council holds.
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

const total = sql<number>`count(*) over ()`.mapWith(Number)

/** The person has acted on the record: an audit event of theirs names it. */
const actedOn = (entityType: string, column: AnyPgColumn, userId: string): SQL =>
  sql`exists (select 1 from ${auditEvents} where ${auditEvents.entityType} = ${entityType}
    and ${auditEvents.entityId} = ${column}::text and ${auditEvents.actorUserId} = ${userId})`

const mineOf = (s: QueueScope, entityType: string, column: AnyPgColumn): SQL | undefined =>
  s.mine === null ? undefined : actedOn(entityType, column, s.mine)

/** Assessments in one state (and a further condition), the longest waiting first. */
export async function queueAssessments (q: Queryable, s: QueueScope, state: AssessmentState, extra?: SQL) {
  const at = state === 'decision_proposed' ? sql<string>`${assessments.factualAccuracyEndsOn}` : assessments.updatedAt
  return await q
    .select({
      id: assessments.id,
      providerId: assessments.providerId,
      providerName: providers.name,
      at,
      note: assessments.kind,
      parentId: sql<string | null>`null`,
      total
    })
    .from(assessments)
    .innerJoin(providers, eq(providers.id, assessments.providerId))
    .where(and(eq(assessments.councilId, s.councilId), eq(assessments.state, state), extra,
      mineOf(s, 'assessment', assessments.id)))
    .orderBy(asc(at), asc(assessments.id))
    .limit(s.limit)
}

/** Under review again with the provider's answer to a request for information. */
export const answeredInformation = isNotNull(assessments.infoResponseNote)

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
  return await q
    .select({
      id: evidence.id,
      providerId: evidence.providerId,
      providerName: providers.name,
      at: sql<string>`${evidence.expiresOn}`,
      note: evidence.itemCode,
      parentId: evidence.assessmentId,
      total,
      within7: sql<number>`count(*) filter (where ${evidence.expiresOn} <= ${in7}) over ()`.mapWith(Number),
      within30: sql<number>`count(*) filter (where ${evidence.expiresOn} <= ${in30}) over ()`.mapWith(Number)
    })
    .from(evidence)
    .innerJoin(providers, eq(providers.id, evidence.providerId))
    .where(and(
      eq(evidence.councilId, s.councilId),
      eq(evidence.status, 'verified'),
      eq(evidence.noExpiry, false),
      gte(evidence.expiresOn, today),
      lte(evidence.expiresOn, until),
      eq(providers.status, 'active'),
      later,
      mineOf(s, 'assessment', evidence.assessmentId)
    ))
    .orderBy(asc(evidence.expiresOn), asc(evidence.id))
    .limit(s.limit)
}

/** Live awards due for renewal or ending by `until`, the soonest first. */
export async function queueAwardsToRenew (q: Queryable, s: QueueScope, until: string): Promise<QueueRecord[]> {
  return await q
    .select({
      id: awards.id,
      providerId: awards.providerId,
      providerName: providers.name,
      at: sql<string>`${awards.validTo}`,
      note: awards.level,
      parentId: sql<string | null>`null`,
      total
    })
    .from(awards)
    .innerJoin(providers, eq(providers.id, awards.providerId))
    .where(and(
      eq(awards.councilId, s.councilId),
      or(eq(awards.status, 'renewal_due'), and(eq(awards.status, 'active'), lte(awards.validTo, until))),
      mineOf(s, 'award', awards.id)
    ))
    .orderBy(asc(awards.validTo), asc(awards.id))
    .limit(s.limit)
}

/** Concerns not yet triaged: safeguarding ones (raised as such, or from a flagged feedback answer) first. */
export async function queueConcernsToTriage (q: Queryable, s: QueueScope): Promise<QueueRecord[]> {
  const safeguarding = inArray(concerns.source, ['safeguarding', 'feedback'])
  return await q
    .select({
      id: concerns.id,
      providerId: concerns.providerId,
      providerName: providers.name,
      at: concerns.createdAt,
      note: sql<string>`case when ${safeguarding} then 'safeguarding' else ${concerns.source} end`,
      parentId: sql<string | null>`null`,
      total
    })
    .from(concerns)
    .innerJoin(providers, eq(providers.id, concerns.providerId))
    .where(and(eq(concerns.councilId, s.councilId), eq(concerns.state, 'received'), mineOf(s, 'concern', concerns.id)))
    .orderBy(desc(safeguarding), asc(concerns.createdAt), asc(concerns.id))
    .limit(s.limit)
}

/** Appeals not yet decided; "mine" also takes the appeals this person is to hear. */
export async function queueAppealsToHear (q: Queryable, s: QueueScope): Promise<QueueRecord[]> {
  const mine = s.mine === null ? undefined : or(eq(appeals.reviewerId, s.mine), actedOn('appeal', appeals.id, s.mine))
  return await q
    .select({
      id: appeals.id,
      providerId: appeals.providerId,
      providerName: providers.name,
      at: appeals.lodgedAt,
      note: appeals.state,
      parentId: sql<string | null>`null`,
      total
    })
    .from(appeals)
    .innerJoin(providers, eq(providers.id, appeals.providerId))
    .where(and(eq(appeals.councilId, s.councilId), inArray(appeals.state, ['lodged', 'acknowledged', 'under_review']),
      mine))
    .orderBy(asc(appeals.lodgedAt), asc(appeals.id))
    .limit(s.limit)
}

/** Messages that failed, or are being retried after a failure; with the provider of the person, if one. */
export async function queueUndeliveredMessages (q: Queryable, s: QueueScope): Promise<QueueRecord[]> {
  return await q
    .select({
      id: notificationMessages.id,
      providerId: providers.id,
      providerName: providers.name,
      at: notificationMessages.createdAt,
      note: notificationMessages.kind,
      parentId: sql<string | null>`null`,
      total
    })
    .from(notificationMessages)
    .leftJoin(users, eq(users.id, notificationMessages.recipientUserId))
    .leftJoin(providers, eq(providers.id, users.providerId))
    .where(and(
      eq(notificationMessages.councilId, s.councilId),
      or(
        eq(notificationMessages.status, 'failed'),
        and(eq(notificationMessages.status, 'pending'), sql`${notificationMessages.attempts} > 0`)
      )
    ))
    .orderBy(asc(notificationMessages.createdAt), asc(notificationMessages.id))
    .limit(s.limit)
}

/** Requests to join not answered yet, the longest waiting first (the business is not a provider yet). */
export async function queueInterests (q: Queryable, s: QueueScope): Promise<QueueRecord[]> {
  return await q
    .select({
      id: interests.id,
      providerId: sql<string | null>`null`,
      providerName: interests.businessName,
      at: interests.createdAt,
      note: interests.businessName,
      parentId: sql<string | null>`null`,
      total
    })
    .from(interests)
    .where(and(
      eq(interests.councilId, s.councilId),
      eq(interests.state, 'received'),
      mineOf(s, 'interest', interests.id)
    ))
    .orderBy(asc(interests.createdAt), asc(interests.id))
    .limit(s.limit)
}
