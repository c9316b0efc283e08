// Webhook subscriptions of directories that want pushes, and one delivery row per (subscription, award event).
import { sql } from 'drizzle-orm'
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { councils, users } from './councils.js'
import { createdAt, id, rowVersion, tstz, updatedAt } from './common.js'
import type { AwardTopic } from './outbox.js'

/** A subscription chooses among the award events. */
export type WebhookEvent = AwardTopic
export const deliveryStatuses = ['pending', 'delivered', 'failed'] as const
export type DeliveryStatus = (typeof deliveryStatuses)[number]

export interface WebhookAttempt {
  at: string
  status: number | null
  error: string | null
  durationMs: number
}

export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    // HMAC needs the secret itself (a hash cannot sign); it is shown once at registration and never returned again
    secret: text('secret').notNull(),
    events: jsonb('events').$type<WebhookEvent[]>().notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion()
  },
  (t) => [index('webhook_subscriptions_council_idx').on(t.councilId, t.active)]
)

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id),
    // the outbox event delivered; unique per subscription so fan-out by several instances inserts it once
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    event: text('event').$type<WebhookEvent>().notNull(),
    // the exact JSON body sent (and signed), public fields only (src/domain/README.md: Publication)
    body: text('body').notNull(),
    // failed = gave up after a day of retries
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at').notNull(),
    deliveredAt: tstz('delivered_at'),
    attemptLog: jsonb('attempt_log')
      .$type<WebhookAttempt[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdAt: createdAt()
  },
  (t) => [
    unique('webhook_deliveries_once').on(t.subscriptionId, t.outboxId),
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    check('webhook_deliveries_status', sql`${t.status} in ('pending', 'delivered', 'failed')`)
  ]
)
