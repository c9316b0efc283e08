// Delivers notifications from the outbox. There is no e-mail gateway: delivery is a redacted log line, then the
// row is marked sent. Only 'notification.*' topics: 'award.*' events belong to the webhook deliverer.
import { and, asc, eq, inArray, isNull, like, lte } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { outbox } from '../../db/schema/index.js'
import type { Ctx, Deps } from '../context.js'
import type { JobResult } from './job-lock.js'
import type { JobScope } from './monitored-assessments.js'

const BATCH = 500

export async function deliverNotifications (
  tx: Tx,
  deps: Deps,
  ctx: Ctx,
  scope: JobScope,
  result: JobResult
): Promise<void> {
  // SKIP LOCKED as well as the job lock: a row being sent by anyone else is left alone.
  const due = await tx
    .select({
      id: outbox.id,
      topic: outbox.topic,
      councilId: outbox.councilId,
      recipientProviderId: outbox.recipientProviderId,
      recipientUserId: outbox.recipientUserId
    })
    .from(outbox)
    .where(
      and(
        like(outbox.topic, 'notification.%'),
        isNull(outbox.sentAt),
        lte(outbox.nextAttemptAt, ctx.now),
        scope.councilId === undefined ? undefined : eq(outbox.councilId, scope.councilId)
      )
    )
    .orderBy(asc(outbox.id))
    .limit(BATCH)
    .for('update', { skipLocked: true })
  if (due.length === 0) return
  // The payload is not logged: it may name evidence or concerns; ids and the topic are enough to trace it.
  for (const n of due) {
    deps.log.info(
      {
        outboxId: n.id,
        topic: n.topic,
        councilId: n.councilId,
        recipientProviderId: n.recipientProviderId,
        recipientUserId: n.recipientUserId
      },
      'notification delivered'
    )
  }
  await tx
    .update(outbox)
    .set({ sentAt: ctx.now })
    .where(
      inArray(
        outbox.id,
        due.map((n) => n.id)
      )
    )
  result.done += due.length
  result.actions.push(`${due.length} notification(s) delivered`)
}
