// The assessments the monitoring jobs watch, with their pinned scheme, the provider and the evidence that
// speaks for each item: open assessments and those behind a live award (src/domain/README.md: Scheduled work).
import type { Queryable } from '../../db/client.js'
import { findMonitoredAssessments, type JobScope, type MonitoredAssessment } from '../../db/stores/jobs.js'
import { isLiveAward } from '../../domain/workflow/index.js'
import { collectKeepingEvidence, collectScoringEvidence, loadAssessmentBasis } from '../evidence.js'

export type { JobScope, MonitoredAssessment }
/** 'open-or-live' for reminders; a list of award states for the awards a lapse can suspend. */
export { findMonitoredAssessments as listMonitoredAssessments }

/**
 * The pinned scheme, the provider's offering flags and the evidence per item of one assessment. With `keeping`
 * (deciding whether a live mark has lapsed), evidence verified since on a later assessment of the provider's counts
 * too, so new insurance sent to a renewal keeps the current mark; reminders and reports leave it out and count each
 * assessment's own pieces, so no piece is counted twice.
 */
export async function loadMonitoringBasis (q: Queryable, a: MonitoredAssessment, opts: { keeping?: boolean } = {}) {
  const keeping = opts.keeping === true && a.awardStatus !== null && isLiveAward(a.awardStatus)
  const [{ scheme, provider }, evidence] = await Promise.all([
    loadAssessmentBasis(q, a),
    keeping ? collectKeepingEvidence(q, a) : collectScoringEvidence(q, a.id)
  ])
  return { scheme, provider, evidence }
}
