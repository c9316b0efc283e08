// Notifications and events written in the same transaction as the change that caused them; a delivery
// step sends them later. `dedupeKey` makes scheduled work idempotent across service instances.
import { bigserial, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import type { MessageKind } from '../../domain/notifications/index.js'
import { tstz } from './common.js'

/** Award events, which directories' webhooks receive (src/domain/README.md: Publication). */
export const awardTopics = ['award.published', 'award.changed', 'award.withdrawn'] as const
export type AwardTopic = (typeof awardTopics)[number]
/** What an outbox event is about: an award, an assessment, or a message to people (README: notifications). */
export type OutboxTopic = AwardTopic | 'assessment.changed' | `notification.${MessageKind}`
/** The facts of an event, ids and dates only (never a reason or a respondent's words). */
export type OutboxPayload = Record<string, unknown>

export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    councilId: uuid('council_id'),
    topic: text('topic').$type<OutboxTopic>().notNull(),
    // e.g. 'evidence-reminder:{evidenceId}:30' — unique, so two schedulers cannot both enqueue it
    dedupeKey: text('dedupe_key').unique(),
    recipientUserId: uuid('recipient_user_id'),
    recipientProviderId: uuid('recipient_provider_id'),
    payload: jsonb('payload').$type<OutboxPayload>().notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    sentAt: tstz('sent_at'),
    lastError: text('last_error')
  },
  (t) => [index('outbox_pending_idx').on(t.sentAt, t.nextAttemptAt)]
)
