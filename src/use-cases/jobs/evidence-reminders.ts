// Reminds providers of evidence about to expire, at 60/30/7 days by default (src/domain/README.md: Scheduled work;
// scheme setting evidenceReminderDays). Each reminder is an outbox notification whose dedupe key makes it happen once.
import type { Tx } from '../../db/client.js'
import { enqueueNotification } from '../../db/stores/notifications.js'
import { isItemApplicable } from '../../domain/scheme/applicability.js'
import { computeEvidenceExpiry } from '../../domain/scoring/index.js'
import { dueEvidenceReminders, type ExpiringEvidence } from '../../domain/workflow/index.js'
import { isoDate, type Ctx, type Deps } from '../context.js'
import { runAction, type JobResult } from './job-lock.js'
import { listMonitoredAssessments, loadMonitoringBasis, type JobScope } from './monitored-assessments.js'

export async function sendEvidenceReminders (
  tx: Tx,
  deps: Deps,
  ctx: Ctx,
  scope: JobScope,
  result: JobResult
): Promise<void> {
  const today = isoDate(ctx.now)
  for (const assessment of await listMonitoredAssessments(tx, scope, 'open-or-live')) {
    const { scheme, provider, evidence } = await loadMonitoringBasis(tx, assessment)
    // The item's piece of evidence stands for it: "{assessment}:{item}" keys the reminder, with the expiry date.
    const expiring: ExpiringEvidence[] = scheme.checklist.flatMap((item) => {
      const piece = evidence[item.code]
      if (piece?.status !== 'verified' || !isItemApplicable(item, provider.flags)) return []
      const expiresOn = computeEvidenceExpiry(item, piece)
      return typeof expiresOn === 'string' ? [{ evidenceId: `${assessment.id}:${item.code}`, expiresOn }] : []
    })
    for (const reminder of dueEvidenceReminders(expiring, today, scheme.settings.evidenceReminderDays)) {
      const itemCode = reminder.evidenceId.slice(assessment.id.length + 1)
      await runAction(tx, deps.log, result, async (sp) => {
        const inserted = await enqueueNotification(sp, {
          councilId: assessment.councilId,
          kind: 'evidence_expiring',
          dedupeKey: reminder.key,
          recipientProviderId: assessment.providerId,
          payload: {
            providerId: assessment.providerId,
            assessmentId: assessment.id,
            itemCode,
            expiresOn: reminder.expiresOn,
            daysBefore: reminder.daysBefore,
            daysLeft: reminder.daysLeft
          },
          now: ctx.now
        })
        return inserted
          ? `reminder ${itemCode} of assessment ${assessment.id}: ${reminder.daysBefore} days`
          : null
      })
    }
  }
}
