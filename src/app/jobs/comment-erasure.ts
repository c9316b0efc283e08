// Erases free-text feedback comments after the retention period (DOMAIN.md: Personal data, "free text kept for a
// configurable retention then erased"; config COMMENT_RETENTION_DAYS). Erasing twice changes nothing.
import { and, isNotNull, lt } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { feedbackResponses } from '../../db/schema/index.js'
import { addCalendarDays } from '../../domain/workflow/index.js'
import { recordAudit } from '../audit.js'
import { isoDate, type Ctx, type Deps } from '../context.js'
import type { JobResult } from './job-lock.js'
import { inScope, type JobScope } from './monitored-assessments.js'

/** A comment received on day D is kept through D + retention days and erased the day after. */
export async function eraseExpiredComments (tx: Tx, deps: Deps, ctx: Ctx, scope: JobScope, result: JobResult): Promise<void> {
  const keepFrom = addCalendarDays(isoDate(ctx.now), -deps.config.COMMENT_RETENTION_DAYS)
  const erased = await tx.update(feedbackResponses).set({ comment: null, commentStatus: 'erased' })
    .where(and(isNotNull(feedbackResponses.comment), lt(feedbackResponses.receivedOn, keepFrom), inScope(feedbackResponses.councilId, scope)))
    .returning({ councilId: feedbackResponses.councilId })
  const perCouncil = new Map<string, number>()
  for (const r of erased) perCouncil.set(r.councilId, (perCouncil.get(r.councilId) ?? 0) + 1)
  for (const [councilId, n] of perCouncil) {
    await recordAudit(tx, ctx, { councilId, entityType: 'feedback_comments', entityId: councilId, action: 'erase', reason: `retention of ${deps.config.COMMENT_RETENTION_DAYS} days`, after: { erased: n, receivedBefore: keepFrom } })
    result.actions.push(`${n} comment(s) erased in council ${councilId}`)
  }
  result.done += erased.length
}
