// Concerns about providers: received → triaged → investigating → outcome → closed (src/domain/README.md: Concern), with
// a safeguarding concern suspending the live award and, once closed, letting a co-ordinator reinstate it.
import type { Queryable, Tx } from '../db/client.js'
import { lockSuspendableAward } from '../db/stores/awards.js'
import * as store from '../db/stores/concerns.js'
import type { ConcernPatch, ConcernRecord } from '../db/stores/concerns.js'
import { enqueueNotification } from '../db/stores/notifications.js'
import { findProvider } from '../db/stores/providers.js'
import { DomainError } from '../domain/errors.js'
import type { ConcernOutcome } from '../domain/scheme/enums.js'
import {
  allowedConcernActions,
  isOpenSafeguardingConcern,
  SUSPENDABLE_AWARD_STATES,
  transitionConcern,
  type ConcernEvent,
  type ConcernSource,
  type ConcernSeverity,
  type ConcernState
} from '../domain/workflow/index.js'
import { assertStaffAccess, forbidden, notFound, requireStaff, scopedProviderIds } from './access.js'
import { recordAudit } from './audit.js'
import { fetchPage } from './pagination.js'
import { transitionAward } from './awards.js'
import { assertVersion } from './concurrency.js'
import { isoDate, type Ctx, type Deps } from './context.js'

export type ConcernRow = ConcernRecord
/** src/domain/workflow/award-states.ts */
export { SUSPENDABLE_AWARD_STATES }

/** A concern staff raise (the API's ConcernCreate schema is declared against this). */
export interface ConcernCreate {
  providerId: string
  source: Exclude<ConcernSource, 'feedback'>
  summary: string
}

export interface ConcernListQuery {
  page: number
  perPage: number
  providerId?: string | undefined
  state?: ConcernState | undefined
}

// ── What a provider sees ──────────────────────────────────────────────────────────────────────────────────
// src/domain/README.md is silent. Our rule: a provider sees a concern about them once it has been triaged as low,
// medium or high (they must be able to answer a complaint), and any concern once it is closed, with its outcome.
// A concern not yet triaged, or an open safeguarding concern, is not disclosed (404, as if it did not exist):
// alerting the subject of a running safeguarding enquiry can put the person at risk or compromise the
// investigation (Care Act 2014 statutory guidance §14). The award's suspension is public, its reason never is.
// The summary is never shown to the provider for safeguarding or feedback-raised concerns: it may identify
// the person who raised it, and respondents are anonymous (src/domain/README.md: feedback response).
export function isVisibleToProvider (c: Pick<ConcernRow, 'state' | 'severity'>): boolean {
  if (c.state === 'closed') return true
  return c.severity !== null && c.severity !== 'safeguarding'
}

export function presentConcern (ctx: Ctx, c: ConcernRow) {
  const base = {
    id: c.id,
    councilId: c.councilId,
    providerId: c.providerId,
    source: c.source,
    state: c.state,
    severity: c.severity,
    outcome: c.outcome,
    raisedOn: c.raisedOn,
    closedOn: c.closedOn,
    version: c.version
  }
  if (ctx.actor.kind === 'user' && ctx.actor.role === 'provider') {
    const summaryShown = c.severity !== 'safeguarding' && c.source !== 'feedback' && c.source !== 'safeguarding'
    return summaryShown ? { ...base, summary: c.summary } : base
  }
  return {
    ...base,
    summary: c.summary,
    feedbackResponseId: c.feedbackResponseId,
    suspendedAwardId: c.suspendedAwardId,
    allowedActions: allowedConcernActions(c.state)
  }
}

function assertConcernAccess (ctx: Ctx, row: ConcernRow | undefined): ConcernRow {
  const actor = ctx.actor
  if (actor.kind === 'user' && actor.role === 'provider') {
    if (
      row === undefined ||
      row.providerId !== actor.providerId ||
      row.councilId !== actor.councilId ||
      !isVisibleToProvider(row)
    ) { throw notFound('Concern') }
    return row
  }
  return assertStaffAccess(actor, row, 'Concern')
}

// ── Reading ───────────────────────────────────────────────────────────────────────────────────────────────
export async function getConcern (deps: Deps, ctx: Ctx, id: string) {
  const row = await store.findConcern(deps.db, id)
  return presentConcern(ctx, assertConcernAccess(ctx, row))
}

export async function listConcerns (deps: Deps, ctx: Ctx, query: ConcernListQuery) {
  const actor = ctx.actor
  if (actor.kind !== 'user' || actor.councilId === null) throw forbidden('Only council users may list concerns')
  const filter = {
    councilId: actor.councilId,
    providerIds: scopedProviderIds(actor, query.providerId),
    state: query.state,
    // The same rule as isVisibleToProvider, in SQL so pages stay full.
    providerVisibleOnly: actor.role === 'provider'
  }
  const page = await fetchPage(
    query,
    async (limit, offset) => await store.pageConcerns(deps.db, filter, limit, offset),
    async () => await store.countConcerns(deps.db, filter)
  )
  return { items: page.items.map((c) => presentConcern(ctx, c)), meta: page.meta }
}

// ── Raising ───────────────────────────────────────────────────────────────────────────────────────────────
export async function raiseConcern (deps: Deps, ctx: Ctx, input: ConcernCreate) {
  const staff = requireStaff(ctx.actor)
  return await deps.db.transaction(async (tx) => {
    const provider = await findProvider(tx, input.providerId)
    if (provider === undefined || provider.councilId !== staff.councilId) throw notFound('Provider')
    return presentConcern(
      ctx,
      await insertConcern(tx, ctx, {
        councilId: staff.councilId,
        providerId: input.providerId,
        source: input.source,
        summary: input.summary
      })
    )
  })
}

/**
 * For the feedback module: a response's safeguarding flag opens a concern (src/domain/README.md: feedback response), in
 * the caller's transaction, once per response. It is `received`, not triaged: an anonymous form alone does not
 * suspend a published award — a co-ordinator triages it (as safeguarding, which suspends) and is told at once.
 */
export async function openConcernFromFeedback (
  tx: Tx,
  ctx: Ctx,
  input: { councilId: string; providerId: string; feedbackResponseId: string; summary: string }
): Promise<ConcernRow> {
  const existing = await store.findConcernOfResponse(tx, input.feedbackResponseId)
  if (existing !== undefined) return existing
  const row = await insertConcern(tx, ctx, { ...input, source: 'feedback' })
  await enqueueNotification(tx, {
    councilId: input.councilId,
    kind: 'concern_received',
    dedupeKey: `concern-received:${row.id}`,
    payload: { concernId: row.id, providerId: input.providerId, source: 'feedback', urgent: true },
    // The caller's clock, not the database's: from a feedback form it is the day only, so the
    // notification cannot date the anonymous response it came from to the second.
    now: ctx.now
  })
  return row
}

async function insertConcern (
  tx: Tx,
  ctx: Ctx,
  v: { councilId: string; providerId: string; source: ConcernSource; summary: string; feedbackResponseId?: string }
) {
  const row = await store.insertConcernRow(tx, {
    ...v,
    state: 'received',
    raisedOn: isoDate(ctx.now),
    createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    createdAt: ctx.now,
    updatedAt: ctx.now
  })
  // The summary stays out of the audit trail's after-image: it can be sensitive and the row keeps it.
  await recordAudit(tx, ctx, {
    councilId: v.councilId,
    entityType: 'concern',
    entityId: row.id,
    action: 'receive',
    toState: 'received',
    after: { source: v.source, providerId: v.providerId }
  })
  return row
}

// ── Moving through the lifecycle ──────────────────────────────────────────────────────────────────────────
export interface ConcernAction {
  expectedVersion?: number | undefined
  reason?: string | undefined
}

async function lockConcern (tx: Tx, ctx: Ctx, id: string, expectedVersion: number | undefined) {
  const current = assertStaffAccess(ctx.actor, await store.lockConcernRow(tx, id), 'Concern')
  assertVersion(current.version, expectedVersion, 'The concern')
  return current
}

async function moveConcern (
  tx: Tx,
  ctx: Ctx,
  current: ConcernRow,
  event: ConcernEvent,
  patch: ConcernPatch,
  reason?: string
) {
  const next = transitionConcern(current.state, event)
  if (!next.ok) throw next.error
  const after = await store.updateConcern(tx, current, { ...patch, state: next.value }, ctx.now)
  await recordAudit(tx, ctx, {
    councilId: current.councilId,
    entityType: 'concern',
    entityId: current.id,
    action: event,
    fromState: current.state,
    toState: next.value,
    reason,
    before: { severity: current.severity, outcome: current.outcome },
    after: { severity: after.severity, outcome: after.outcome, suspendedAwardId: after.suspendedAwardId }
  })
  return after
}

/** Triage (or re-triage); becoming safeguarding suspends the provider's live award (src/domain/README.md: Concern). */
export async function triageConcern (
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: ConcernAction & { severity: ConcernSeverity }
) {
  return await deps.db.transaction(async (tx) => {
    const current = await lockConcern(tx, ctx, id, input.expectedVersion)
    const event: ConcernEvent = current.state === 'received' ? 'triage' : 'retriage'
    const becomesSafeguarding = input.severity === 'safeguarding' && current.severity !== 'safeguarding'
    const suspendedAwardId = becomesSafeguarding ? await suspendLiveAward(tx, ctx, current.providerId) : null
    const after = await moveConcern(
      tx,
      ctx,
      current,
      event,
      {
        severity: input.severity,
        ...(suspendedAwardId !== null ? { suspendedAwardId } : {})
      },
      input.reason
    )
    return presentConcern(ctx, after)
  })
}

/** Suspends the provider's live award, if any, for a safeguarding investigation; the reason is never published. */
async function suspendLiveAward (tx: Tx, ctx: Ctx, providerId: string): Promise<string | null> {
  const live = await lockSuspendableAward(tx, providerId)
  if (live === undefined) return null
  await transitionAward(tx, ctx, live.id, 'suspend', 'safeguarding_investigation')
  return live.id
}

export async function startConcernInvestigation (deps: Deps, ctx: Ctx, id: string, input: ConcernAction) {
  return await deps.db.transaction(async (tx) => {
    const current = await lockConcern(tx, ctx, id, input.expectedVersion)
    return presentConcern(ctx, await moveConcern(tx, ctx, current, 'start_investigation', {}, input.reason))
  })
}

const outcomeEvents = { upheld: 'uphold', partly_upheld: 'partly_uphold', not_upheld: 'not_uphold' } as const

export async function recordConcernOutcome (
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: ConcernAction & { outcome: ConcernOutcome; reason: string }
) {
  return await deps.db.transaction(async (tx) => {
    const current = await lockConcern(tx, ctx, id, input.expectedVersion)
    return presentConcern(
      ctx,
      await moveConcern(tx, ctx, current, outcomeEvents[input.outcome], { outcome: input.outcome }, input.reason)
    )
  })
}

export async function closeConcern (deps: Deps, ctx: Ctx, id: string, input: ConcernAction) {
  return await deps.db.transaction(async (tx) => {
    const current = await lockConcern(tx, ctx, id, input.expectedVersion)
    return presentConcern(
      ctx,
      await moveConcern(tx, ctx, current, 'close', { closedOn: isoDate(ctx.now) }, input.reason)
    )
  })
}

/**
 * Refuses while the provider still has an open safeguarding concern (src/domain/README.md: "suspends the live award
 * until closed").
 */
export async function assertNoOpenSafeguardingConcern (
  q: Queryable,
  providerId: string,
  exceptConcernId?: string
): Promise<void> {
  const open = await store.listOpenSafeguarding(q, providerId, exceptConcernId)
  const blocking = open.filter(isOpenSafeguardingConcern)
  if (blocking.length > 0) {
    throw new DomainError(
      'SAFEGUARDING_CONCERN_OPEN',
      'conflict',
      `The provider still has ${blocking.length} open safeguarding concern(s); the award stays suspended until ` +
        'they are closed',
      {
        details: { concernIds: blocking.map((c) => c.id) }
      }
    )
  }
}

/** After closing a safeguarding concern, a co-ordinator reinstates the award it suspended (an explicit choice). */
export async function reinstateAwardAfterConcern (
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: ConcernAction & { reason: string }
) {
  return await deps.db.transaction(async (tx) => {
    const current = await lockConcern(tx, ctx, id, input.expectedVersion)
    if (current.state !== 'closed') {
      throw new DomainError(
        'CONCERN_NOT_CLOSED',
        'conflict',
        `Cannot reinstate the award: the concern is ${current.state}; close it first`,
        { details: { state: current.state } }
      )
    }
    if (current.suspendedAwardId === null) {
      throw new DomainError(
        'CONCERN_SUSPENDED_NO_AWARD',
        'conflict',
        'This concern did not suspend an award, so there is nothing to reinstate'
      )
    }
    await assertNoOpenSafeguardingConcern(tx, current.providerId, current.id)
    const award = await transitionAward(tx, ctx, current.suspendedAwardId, 'reinstate', input.reason)
    await recordAudit(tx, ctx, {
      councilId: current.councilId,
      entityType: 'concern',
      entityId: current.id,
      action: 'reinstate_award',
      reason: input.reason,
      after: { awardId: current.suspendedAwardId }
    })
    return {
      concern: presentConcern(ctx, current),
      award: { id: award.id, status: award.status, version: award.version }
    }
  })
}
