// Writing to the outbox inside the caller's transaction (README: Architecture): a change and its notice commit
// together; the dedupe key makes a repeated write a no-op.
import type { Queryable } from '../client.js'
import { outbox } from '../schema/index.js'

export type OutboxEntry = typeof outbox.$inferInsert

export async function enqueue (q: Queryable, entry: OutboxEntry): Promise<void> {
  await q.insert(outbox).values(entry).onConflictDoNothing()
}
