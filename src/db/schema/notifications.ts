// Messages to people (README: notifications): one row per message per person, made from an outbox event or sent
// directly (a sign-in link), with its delivery status for staff to see; and each person's channel preference.
import { bigint, boolean, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import type { MessageKind, MessageStyle } from '../../domain/notifications/index.js'
import { users } from './councils.js'
import { tstz } from './common.js'

export type MessageChannel = 'email' | 'sms' | 'mailbox'
export type MessageStatus = 'pending' | 'sending' | 'sent' | 'failed'

export const notificationMessages = pgTable(
  'notification_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id'),
    /** the outbox event it came from; null for a direct message such as a sign-in link */
    outboxId: bigint('outbox_id', { mode: 'number' }),
    kind: text('kind').$type<MessageKind>().notNull(),
    recipientUserId: uuid('recipient_user_id'),
    channel: text('channel').$type<MessageChannel>().notNull(),
    /** the email address or phone number it goes to */
    address: text('address').notNull(),
    style: text('style').$type<MessageStyle>().notNull().default('plain'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status').$type<MessageStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    /** a sending claim lapses at this time, so a crashed sender's message is tried again */
    leaseUntil: tstz('lease_until'),
    /** a short, non-personal reason for the last failure (e.g. "smtp 550", "notify 400 ValidationError") */
    lastError: text('last_error'),
    /** the channel's id for the message (Notify notification id, SMTP message id) */
    providerReference: text('provider_reference'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    sentAt: tstz('sent_at')
  },
  (t) => [
    unique('notification_messages_once').on(t.outboxId, t.recipientUserId),
    index('notification_messages_due_idx').on(t.status, t.nextAttemptAt),
    index('notification_messages_council_idx').on(t.councilId, t.createdAt)
  ]
)

export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  /** 'sms' only takes effect where GOV.UK Notify is configured */
  channel: text('channel').$type<'email' | 'sms'>().notNull().default('email'),
  phone: text('phone'),
  easyRead: boolean('easy_read').notNull().default(false),
  updatedAt: tstz('updated_at').notNull().defaultNow()
})
