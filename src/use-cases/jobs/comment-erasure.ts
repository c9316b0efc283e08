// The monitoring job that erases free-text feedback comments after the retention period of their scheme
// version (the rule itself lives with the feedback module: eraseExpiredFeedbackComments). Erasing twice changes
// nothing.
import type { Tx } from '../../db/client.js'
import { recordAudit } from '../audit.js'
import type { Ctx, Deps } from '../context.js'
import { eraseExpiredFeedbackComments } from '../feedback-responses.js'
import type { JobResult } from './job-lock.js'
import type { JobScope } from './monitored-assessments.js'

export async function eraseExpiredComments (
  tx: Tx,
  _deps: Deps,
  ctx: Ctx,
  scope: JobScope,
  result: JobResult
): Promise<void> {
  const erased = await eraseExpiredFeedbackComments(tx, ctx, scope.councilId)
  const perCouncil = new Map<string, number>()
  for (const r of erased) perCouncil.set(r.councilId, (perCouncil.get(r.councilId) ?? 0) + 1)
  for (const [councilId, n] of perCouncil) {
    await recordAudit(tx, ctx, {
      councilId,
      entityType: 'feedback_comments',
      entityId: councilId,
      action: 'erase',
      reason: 'retention period of the scheme version',
      after: { erased: n }
    })
    result.actions.push(`${n} comment(s) erased in council ${councilId}`)
  }
  result.done += erased.length
}
