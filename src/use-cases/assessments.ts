// Assessments: one cycle for one provider, opened, moved through the workflow table and read with its checklist
// (src/domain/README.md: Lifecycles, Assessment). Every transition is locked, version-checked and audited.
import type { Queryable } from '../db/client.js'
import * as store from '../db/stores/assessments.js'
import type { AssessmentPatch, AssessmentRecord } from '../db/stores/assessments.js'
import { findLiveAwardIds } from '../db/stores/awards.js'
import { enqueueOutboxEvent } from '../db/stores/outbox.js'
import { lockProvider } from '../db/stores/providers.js'
import { enqueueNotification } from '../db/stores/notifications.js'
import { DomainError } from '../domain/errors.js'
import {
  allowedAssessmentActions,
  transitionAssessment,
  type AssessmentEvent,
  type AssessmentKind,
  type AssessmentState
} from '../domain/workflow/index.js'
import { assertActorReaches, assertProviderAccess, forbidden, isStaff, notFound, scopedProviderIds } from './access.js'
import { recordAudit } from './audit.js'
import { fetchPage } from './pagination.js'
import { assertVersion } from './concurrency.js'
import { actorUserId, type Actor, type Ctx, type Deps } from './context.js'
import { describeChecklist, keepingOf, type AssessmentBasis } from './evidence.js'
import { getCurrentPublishedScheme } from './schemes.js'

export type AssessmentRow = AssessmentRecord

/**
 * Who may take each action (src/domain/README.md: roles): review and decision are the council's, the comment the
 * provider's.
 */
const takenBy: Record<AssessmentEvent, 'staff' | 'provider' | 'either'> = {
  submit: 'either',
  start_review: 'staff',
  request_info: 'staff',
  respond_info: 'either',
  mark_ready: 'staff',
  reopen_review: 'staff',
  propose_decision: 'staff',
  comment: 'provider',
  publish_decision: 'staff',
  withdraw: 'either'
}

function assertMayTake (actor: Actor, event: AssessmentEvent): void {
  const who = takenBy[event]
  if (who === 'either' || actor.kind === 'system') return
  if ((who === 'staff') !== isStaff(actor)) {
    throw forbidden(`Only ${who === 'staff' ? 'co-ordinators' : 'the provider'} may ${event.replaceAll('_', ' ')}`)
  }
}

/** Loads (and locks, inside a transaction) an assessment the actor may reach; another's is a 404. */
export async function lockAssessment (
  q: Queryable,
  ctx: Ctx,
  id: string,
  expectedVersion?: number
): Promise<AssessmentRow> {
  const row = assertActorReaches(ctx.actor, await store.lockAssessmentRow(q, id), 'Assessment')
  assertVersion(row.version, expectedVersion, 'The assessment')
  return row
}

/** Moves a locked assessment by one event, writing the patch, the audit event and a notice for the provider. */
export async function applyAssessmentEvent (
  tx: Queryable,
  ctx: Ctx,
  before: AssessmentRow,
  event: AssessmentEvent,
  reason: string | null,
  patch: AssessmentPatch = {}
): Promise<AssessmentRow> {
  assertMayTake(ctx.actor, event)
  const next = transitionAssessment(before.state, event)
  if (!next.ok) throw next.error
  const after = await store.updateAssessment(tx, before, { ...patch, state: next.value }, ctx.now)
  await recordAudit(tx, ctx, {
    councilId: before.councilId,
    entityType: 'assessment',
    entityId: before.id,
    action: event,
    fromState: before.state,
    toState: next.value,
    reason
  })
  await enqueueOutboxEvent(tx, {
    councilId: before.councilId,
    topic: 'assessment.changed',
    dedupeKey: `assessment:${before.id}:v${after.version}`,
    recipientProviderId: before.providerId,
    payload: {
      assessmentId: before.id,
      providerId: before.providerId,
      action: event,
      from: before.state,
      to: next.value
    }
  })
  return after
}

export interface OpenAssessmentInput {
  providerId: string
  kind: AssessmentKind
}

/**
 * Opens an assessment in the caller's transaction, pinned to the council's current published scheme version.
 * One open assessment per provider: the provider row is locked so two openings cannot both pass the check.
 * Renewals and upgrades name the live award they would replace. Also used by the renewal job (system actor).
 */
export async function openAssessmentIn (tx: Queryable, ctx: Ctx, input: OpenAssessmentInput): Promise<AssessmentRow> {
  const provider = await lockProvider(tx, input.providerId)
  if (ctx.actor.kind !== 'system') {
    assertProviderAccess(
      ctx.actor,
      provider === undefined ? undefined : { ...provider, providerId: provider.id },
      'Provider'
    )
  }
  if (provider === undefined || provider.status !== 'active') throw notFound('Provider')
  const open = await store.findOpenAssessment(tx, provider.id)
  if (open !== undefined) {
    throw new DomainError(
      'ASSESSMENT_ALREADY_OPEN',
      'conflict',
      `The provider already has an open assessment (${open.id}, ${open.state})`,
      { details: { assessmentId: open.id } }
    )
  }
  const [live] = await findLiveAwardIds(tx, provider.id)
  if ((input.kind === 'renewal' || input.kind === 'upgrade') && live === undefined) {
    throw new DomainError(
      'NO_LIVE_AWARD',
      'conflict',
      `A ${input.kind} needs a live award; open an initial assessment or a reassessment`
    )
  }
  const scheme = await getCurrentPublishedScheme(tx, provider.councilId)
  const row = await store.insertAssessment(tx, {
    councilId: provider.councilId,
    providerId: provider.id,
    kind: input.kind,
    state: 'draft',
    schemeVersionId: scheme.id,
    openedBy: actorUserId(ctx.actor),
    renewsAwardId: live?.id ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now
  })
  await recordAudit(tx, ctx, {
    councilId: provider.councilId,
    entityType: 'assessment',
    entityId: row.id,
    action: 'open',
    toState: 'draft',
    after: { kind: input.kind, schemeVersion: scheme.number }
  })
  return row
}

export async function openAssessment (
  deps: Deps,
  ctx: Ctx,
  input: { providerId?: string | undefined; kind: AssessmentKind }
) {
  const actor = ctx.actor
  // A provider opens its own; staff name the provider.
  const providerId = input.providerId ?? (actor.kind === 'user' && actor.role === 'provider' ? actor.providerId : null)
  if (providerId === null) {
    throw new DomainError('PROVIDER_REQUIRED', 'invalid', 'Name the provider to assess', {
      errors: [{ path: 'providerId', message: 'required' }]
    })
  }
  return await deps.db.transaction(async (tx) => await openAssessmentIn(tx, ctx, { providerId, kind: input.kind }))
}

/**
 * A workflow action that carries only a note: submit, start review, request info, respond, mark ready, reopen,
 * withdraw.
 */
export async function actOnAssessment (
  deps: Deps,
  ctx: Ctx,
  id: string,
  event: AssessmentEvent,
  expectedVersion: number | undefined,
  note: string | null
) {
  return await deps.db.transaction(async (tx) => {
    const before = await lockAssessment(tx, ctx, id, expectedVersion)
    const patch: AssessmentPatch =
      event === 'request_info'
        ? { infoRequestNote: note, infoResponseNote: null }
        : event === 'respond_info'
          ? { infoResponseNote: note }
          : {}
    const after = await applyAssessmentEvent(tx, ctx, before, event, note, patch)
    if (event === 'request_info') {
      await enqueueNotification(tx, {
        councilId: after.councilId,
        kind: 'information_requested',
        dedupeKey: `information-requested:${after.id}:v${after.version}`,
        recipientProviderId: after.providerId,
        payload: { providerId: after.providerId, assessmentId: after.id, note: note ?? undefined },
        now: ctx.now
      })
    }
    return after
  })
}

/** An assessment with what the actor may do next and its checklist (applicable items, evidence, status, notes). */
export async function getAssessment (deps: Deps, ctx: Ctx, id: string) {
  return await describeAssessment(deps, ctx, await store.findAssessment(deps.db, id))
}

/** As getAssessment, for a row the caller has read (and, when it has them, its scheme and provider). */
export async function describeAssessment (
  deps: Deps,
  ctx: Ctx,
  row: AssessmentRecord | undefined,
  basis?: AssessmentBasis
) {
  const assessment = assertProviderAccess(ctx.actor, row, 'Assessment')
  const [checklist, keeping] = await Promise.all([
    describeChecklist(deps.db, assessment, basis),
    keepingOf(deps.db, assessment)
  ])
  // keeping: the live mark a decided assessment keeps, which lets evidence in (src/domain/evidence/evidence-rules.ts)
  return { ...assessment, allowedActions: allowedAssessmentActions(assessment.state), checklist, keeping }
}

export interface AssessmentListQuery {
  page: number
  perPage: number
  state?: AssessmentState | undefined
  providerId?: string | undefined
}

export async function listAssessments (deps: Deps, ctx: Ctx, query: AssessmentListQuery) {
  const actor = ctx.actor
  if (actor.kind !== 'user' || actor.councilId === null) throw forbidden('Only council users may list assessments')
  const providerIds = scopedProviderIds(actor, query.providerId)
  const filter = { councilId: actor.councilId, providerIds, state: query.state }
  return await fetchPage(
    query,
    async (limit, offset) => await store.pageAssessments(deps.db, filter, limit, offset),
    async () => await store.countAssessments(deps.db, filter)
  )
}
