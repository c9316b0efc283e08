// Awards: issuing the mark a decision grants, moving it through its lifecycle, and reading it
// (src/domain/README.md: Lifecycles, Award). Each change is locked, versioned, audited and sent to the outbox.
import type { Queryable } from '../db/client.js'
import * as store from '../db/stores/awards.js'
import type { AwardRecord } from '../db/stores/awards.js'
import { enqueueOutboxEvent } from '../db/stores/outbox.js'
import { enqueueNotification } from '../db/stores/notifications.js'
import type { MessageKind } from '../domain/notifications/index.js'
import type { AwardLevel } from '../domain/scheme/enums.js'
import {
  LIVE_AWARD_STATES,
  transitionAward as nextAwardState,
  type AwardEvent,
  type AwardState
} from '../domain/workflow/index.js'
import { assertProviderAccess, assertStaffAccess, forbidden, notFound, scopedProviderIds } from './access.js'
import { recordAudit } from './audit.js'
import { fetchPage } from './pagination.js'
import { assertVersion } from './concurrency.js'
import { actorUserId, type Ctx, type Deps } from './context.js'

export type AwardRow = AwardRecord
/** src/domain/workflow/award-states.ts */
export { LIVE_AWARD_STATES }

/** Topics for the publication engineer's webhooks: a new mark, a mark gone from the directory, any other change. */
export type AwardTopic = 'award.published' | 'award.withdrawn' | 'award.changed'
const topicOf = (to: AwardState): AwardTopic =>
  to === 'withdrawn' || to === 'revoked' || to === 'expired' ? 'award.withdrawn' : 'award.changed'

// Never the status reason: reasons for suspension are not public (src/domain/README.md: Publication).
async function enqueueAwardEvent (q: Queryable, topic: AwardTopic, award: AwardRow, dedupeKey: string) {
  await enqueueOutboxEvent(q, {
    councilId: award.councilId,
    topic,
    dedupeKey,
    recipientProviderId: award.providerId,
    payload: {
      awardId: award.id,
      councilId: award.councilId,
      providerId: award.providerId,
      level: award.level,
      status: award.status,
      validFrom: award.validFrom,
      validTo: award.validTo
    }
  })
}

async function lockAward (q: Queryable, awardId: string): Promise<AwardRow> {
  const row = await store.lockAward(q, awardId)
  if (row === undefined) throw notFound('Award')
  return row
}

const TOLD_TO_PROVIDER: Partial<Record<AwardEvent, MessageKind>> = {
  suspend: 'award_suspended',
  reinstate: 'award_reinstated',
  reinstate_on_appeal: 'award_reinstated',
  revoke: 'award_revoked'
}

/**
 * Applies one lifecycle event to an award inside the caller's transaction. Users must be staff of the award's
 * council; the system (scheduled jobs) may act on any award. A refused event is the domain's 409.
 */
export async function transitionAward (
  tx: Queryable,
  ctx: Ctx,
  awardId: string,
  event: AwardEvent,
  reason: string | null,
  opts: { expectedVersion?: number | undefined } = {}
): Promise<AwardRow> {
  const before = await lockAward(tx, awardId)
  if (ctx.actor.kind === 'user') assertStaffAccess(ctx.actor, before, 'Award')
  else if (ctx.actor.kind !== 'system') throw forbidden('Only co-ordinators and scheduled jobs change awards')
  assertVersion(before.version, opts.expectedVersion, 'The award')
  const next = nextAwardState(before.status, event)
  if (!next.ok) throw next.error
  const to = next.value
  const after = await store.updateAwardStatus(
    tx,
    before,
    // Why it is suspended, revoked or withdrawn is kept for staff; a reinstated award carries no reason.
    { status: to, statusReason: to === 'active' ? null : (reason ?? before.statusReason) },
    ctx.now
  )
  await recordAudit(tx, ctx, {
    councilId: before.councilId,
    entityType: 'award',
    entityId: awardId,
    action: event,
    fromState: before.status,
    toState: to,
    reason
  })
  await enqueueAwardEvent(tx, topicOf(to), after, `award:${awardId}:v${after.version}`)
  // A person's decision is told to the provider here; the scheduled jobs word their own (lapsed items, dates).
  // The reason stays out of the message, as out of every event: the provider reads it after signing in.
  const kind = ctx.actor.kind === 'user' ? TOLD_TO_PROVIDER[event] : undefined
  if (kind !== undefined) {
    await enqueueNotification(tx, {
      councilId: before.councilId,
      kind,
      dedupeKey: `${kind}:${awardId}:v${after.version}`,
      recipientProviderId: before.providerId,
      payload: { providerId: before.providerId, awardId, level: before.level },
      now: ctx.now
    })
  }
  return after
}

export interface IssueAwardInput {
  assessment: { id: string; councilId: string; providerId: string }
  level: AwardLevel
  validFrom: string
  validTo: string
  feedback: { n: number; q: number | null; g: number | null; smallSample: boolean }
}

/**
 * Issues the award a published decision grants, superseding the provider's live award (renewal, upgrade,
 * reassessment). A suspended award cannot be superseded (workflow table): the issue is then refused as a whole.
 */
export async function issueAward (tx: Queryable, ctx: Ctx, input: IssueAwardInput): Promise<AwardRow> {
  const { assessment } = input
  const live = await store.lockLiveAwardIds(tx, assessment.providerId)
  for (const previous of live) {
    await transitionAward(tx, ctx, previous.id, 'supersede', `superseded by the award of assessment ${assessment.id}`)
  }
  const award = await store.insertAward(tx, {
    councilId: assessment.councilId,
    providerId: assessment.providerId,
    assessmentId: assessment.id,
    level: input.level,
    status: 'active',
    validFrom: input.validFrom,
    validTo: input.validTo,
    smallSample: input.feedback.smallSample,
    feedbackN: input.feedback.n,
    feedbackQ: input.feedback.q,
    feedbackG: input.feedback.g,
    decidedBy: actorUserId(ctx.actor),
    publishedAt: ctx.now,
    createdAt: ctx.now,
    updatedAt: ctx.now
  })
  await recordAudit(tx, ctx, {
    councilId: assessment.councilId,
    entityType: 'award',
    entityId: award.id,
    action: 'issue',
    toState: 'active',
    after: award
  })
  await enqueueAwardEvent(tx, 'award.published', award, `award:${award.id}:published`)
  await enqueueNotification(tx, {
    councilId: assessment.councilId,
    kind: 'award_published',
    dedupeKey: `award-published:${award.id}`,
    recipientProviderId: assessment.providerId,
    payload: { providerId: assessment.providerId, awardId: award.id, level: input.level, validTo: input.validTo },
    now: ctx.now
  })
  return award
}

/** Withdraws every live award of a provider that leaves the scheme (call from deactivateProvider's transaction). */
export async function withdrawProviderAwards (
  tx: Queryable,
  ctx: Ctx,
  providerId: string,
  reason: string
): Promise<AwardRow[]> {
  const live = await store.findLiveAwardIds(tx, providerId)
  const done: AwardRow[] = []
  for (const a of live) done.push(await transitionAward(tx, ctx, a.id, 'withdraw', reason))
  return done
}

/** A co-ordinator's lifecycle action (suspend, reinstate, revoke, withdraw) as its own transaction. */
export async function changeAward (
  deps: Deps,
  ctx: Ctx,
  awardId: string,
  event: AwardEvent,
  reason: string,
  expectedVersion?: number
) {
  return await deps.db.transaction(
    async (tx) => await transitionAward(tx, ctx, awardId, event, reason, { expectedVersion })
  )
}

export async function getAward (deps: Deps, ctx: Ctx, awardId: string): Promise<AwardRow> {
  const row = await store.findAward(deps.db, awardId)
  return assertProviderAccess(ctx.actor, row, 'Award')
}

export interface AwardListQuery {
  page: number
  perPage: number
  status?: AwardState | undefined
  level?: AwardLevel | undefined
  providerId?: string | undefined
}

/** Staff see their council's awards; a provider only its own. Newest first. */
export async function listAwards (deps: Deps, ctx: Ctx, query: AwardListQuery) {
  const actor = ctx.actor
  if (actor.kind !== 'user' || actor.councilId === null) throw forbidden('Only council users may list awards')
  const providerIds = scopedProviderIds(actor, query.providerId)
  const filter = { councilId: actor.councilId, providerIds, status: query.status, level: query.level }
  return await fetchPage(
    query,
    async (limit, offset) => await store.pageAwards(deps.db, filter, limit, offset),
    async () => await store.countAwards(deps.db, filter)
  )
}
