// The outbox store: events written in the same transaction as the change that caused them (README: notifications,
// webhooks). A dedupe key makes an event happen once, however many instances or runs try to write it.
import type { Queryable } from '../client.js'
import { outbox } from '../schema/index.js'

export type NewOutboxEvent = Pick<
  typeof outbox.$inferInsert,
  'councilId' | 'topic' | 'dedupeKey' | 'recipientUserId' | 'recipientProviderId' | 'payload' | 'createdAt' |
  'nextAttemptAt'
>

/** False when an event with the same dedupe key was already written. */
export async function enqueueOutboxEvent (q: Queryable, event: NewOutboxEvent): Promise<boolean> {
  const inserted = await q.insert(outbox).values(event).onConflictDoNothing().returning({ id: outbox.id })
  return inserted.length > 0
}
