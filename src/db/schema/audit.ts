// The append-only audit trail: one row per state change, written in the same transaction as the change.
import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './common.js'
import type { UserRole } from './councils.js'

/** Who acted: a user's role, a scheduled job ('system') or an anonymous feedback respondent. */
export type AuditActorRole = UserRole | 'system' | 'respondent' | 'public'

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    councilId: uuid('council_id'),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role').$type<AuditActorRole>().notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    reason: text('reason'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    at: tstz('at').notNull().defaultNow()
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId, t.id)]
)
