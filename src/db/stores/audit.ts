// The audit store: append-only events, written in the caller's transaction, read back per record
// (src/domain/README.md: every transition audited).
import { and, asc, eq } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { auditEvents } from '../schema/index.js'

export type AuditEvent = typeof auditEvents.$inferSelect
export type NewAuditEvent = Omit<typeof auditEvents.$inferInsert, 'id'>

export async function insertAuditEvent (q: Queryable, event: NewAuditEvent): Promise<void> {
  await q.insert(auditEvents).values(event)
}

/** One record's trail, oldest first; only events of the given council. */
export async function findAuditEvents (
  q: Queryable,
  councilId: string,
  entityType: string,
  entityId: string
): Promise<AuditEvent[]> {
  return await q
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.councilId, councilId),
        eq(auditEvents.entityType, entityType),
        eq(auditEvents.entityId, entityId)
      )
    )
    .orderBy(asc(auditEvents.id))
}
