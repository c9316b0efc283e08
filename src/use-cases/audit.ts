// Writes one append-only audit event in the caller's transaction (src/domain/README.md: every transition audited).
import type { Queryable } from '../db/client.js'
import { findAuditEvents, insertAuditEvent, type AuditEvent } from '../db/stores/audit.js'
import { actorRole, actorUserId, type Ctx } from './context.js'

export interface AuditEntry {
  councilId: string | null
  entityType: string
  entityId: string
  action: string
  fromState?: string | null | undefined
  toState?: string | null | undefined
  reason?: string | null | undefined
  before?: unknown
  after?: unknown
}

export async function recordAudit (q: Queryable, ctx: Ctx, e: AuditEntry): Promise<void> {
  await insertAuditEvent(q, {
    councilId: e.councilId,
    actorUserId: actorUserId(ctx.actor),
    actorRole: actorRole(ctx.actor),
    entityType: e.entityType,
    entityId: e.entityId,
    action: e.action,
    fromState: e.fromState ?? null,
    toState: e.toState ?? null,
    reason: e.reason ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: ctx.requestId ?? null,
    at: ctx.now
  })
}

/** One record's audit trail; the caller has already checked the actor may see the record. */
export async function listAuditEvents (
  q: Queryable,
  councilId: string,
  entityType: string,
  entityId: string
): Promise<AuditEvent[]> {
  return await findAuditEvents(q, councilId, entityType, entityId)
}
