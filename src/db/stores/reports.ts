// What the three reports read (src/use-cases/reports): live awards, assessments by state, the assessments' state
// changes from the audit trail, a council's feedback responses of one instrument version in a period, providers'
// prices. The reports' arithmetic (statistics, suppression of small groups) is the domain's, not the store's.
import { and, asc, between, count, eq, gt, inArray, isNotNull, or, sql } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { assessments, auditEvents, awards, feedbackResponses, providers, schemeVersions } from '../schema/index.js'
import { keysetPages } from './rows.js'
import type { AwardState } from '../../domain/workflow/index.js'

export interface ResponsePeriod {
  councilId: string
  instrumentVersion: number
  /** first and last day, both included (YYYY-MM-DD) */
  from: string
  to: string
}

const inPeriod = (p: ResponsePeriod) => and(
  eq(feedbackResponses.councilId, p.councilId),
  eq(feedbackResponses.instrumentVersion, p.instrumentVersion),
  between(feedbackResponses.receivedOn, p.from, p.to)
)

/** The council's awards in the given states: level, status and last day. */
export async function listAwardsIn (q: Queryable, councilId: string, states: readonly AwardState[]) {
  return await q
    .select({ level: awards.level, status: awards.status, validTo: awards.validTo })
    .from(awards)
    .where(and(eq(awards.councilId, councilId), inArray(awards.status, [...states])))
}

/** How many of the council's assessments are in each state (states with none are absent). */
export async function countAssessmentsByState (q: Queryable, councilId: string) {
  return await q
    .select({ state: assessments.state, count: count() })
    .from(assessments)
    .where(eq(assessments.councilId, councilId))
    .groupBy(assessments.state)
}

/** Every state change of the council's assessments from the audit trail, per assessment in order. */
export async function listAssessmentStateChanges (q: Queryable, councilId: string) {
  return await q
    .select({
      entityId: auditEvents.entityId,
      fromState: auditEvents.fromState,
      toState: auditEvents.toState,
      at: auditEvents.at
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.councilId, councilId), eq(auditEvents.entityType, 'assessment')))
    .orderBy(asc(auditEvents.entityId), asc(auditEvents.at), asc(auditEvents.id))
}

/** The published scheme version of this number, or undefined. */
export async function findPublishedByNumber (q: Queryable, councilId: string, number: number) {
  const [row] = await q
    .select({ number: schemeVersions.number, document: schemeVersions.document })
    .from(schemeVersions)
    .where(
      and(
        eq(schemeVersions.councilId, councilId),
        eq(schemeVersions.number, number),
        eq(schemeVersions.status, 'published')
      )
    )
  return row
}

/** One question's answers in the period, with the provider and its size band when each was given. */
export async function listAnswersTo (q: Queryable, p: ResponsePeriod, itemCode: string) {
  const answer = sql<string>`${feedbackResponses.answers} ->> ${itemCode}`
  return await q
    .select({ providerId: feedbackResponses.providerId, sizeBand: feedbackResponses.sizeBand, answer })
    .from(feedbackResponses)
    .where(and(inPeriod(p), isNotNull(answer)))
}

/**
 * The period's responses, with the provider and its size band when each was given, read `perPage` at a time in id
 * order: a report over a council's year holds a page, never all of them.
 */
export function eachResponseIn (q: Queryable, p: ResponsePeriod, perPage: number) {
  return keysetPages(
    async (afterId: string | null, limit) => await q
      .select({
        id: feedbackResponses.id,
        providerId: feedbackResponses.providerId,
        sizeBand: feedbackResponses.sizeBand,
        answers: feedbackResponses.answers
      })
      .from(feedbackResponses)
      .where(afterId === null ? inPeriod(p) : and(inPeriod(p), gt(feedbackResponses.id, afterId)))
      .orderBy(asc(feedbackResponses.id))
      .limit(limit),
    (r) => r.id,
    perPage
  )
}

/** Active providers' size bands and prices, and those of `alsoIds` (providers that left). */
export async function listProviderPrices (q: Queryable, councilId: string, alsoIds: readonly string[]) {
  return await q
    .select({ id: providers.id, sizeBand: providers.sizeBand, hourlyPricePence: providers.hourlyPricePence })
    .from(providers)
    .where(and(
      eq(providers.councilId, councilId),
      or(eq(providers.status, 'active'), inArray(providers.id, [...alsoIds]))
    ))
}
