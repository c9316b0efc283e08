// Feedback level FL from Q, G, item means and the sample n against n_min (src/domain/README.md: scoring, "Feedback
// level FL").
import { measureFeedbackQuality, type FeedbackQuality } from '../feedback/feedback-quality.js'
import type { FeedbackResponse } from '../feedback/instrument.js'
import { AWARD_LEVELS, type AwardLevel, type ComputedLevel } from '../scheme/enums.js'
import type { FeedbackLevelRule, Thresholds } from '../scheme/scheme-document.js'
import type { CompiledScheme } from './compile-scheme.js'
import type { Failure, FailuresByLevel } from './reasons.js'

export interface FeedbackAssessment {
  readonly quality: FeedbackQuality
  readonly nMin: Readonly<Record<AwardLevel, number>>
  readonly level: ComputedLevel
  readonly failures: FailuresByLevel
}

/**
 * n_min(level) = max(minimum, min(floor, ceil(share × active clients))) (src/domain/README.md: "Sample n and its
 * minimum").
 */
export function computeSampleMinimum (thresholds: Thresholds, level: AwardLevel, activeClients: number): number {
  const rule = thresholds.feedback[level]
  // Round first so 0.7 × 10 = 7.000000000000001 is 7, not 8.
  const scaled = Math.ceil(Math.round(rule.sampleShare * activeClients * 1e6) / 1e6)
  return Math.max(thresholds.feedback.sampleMinimum, Math.min(rule.sampleFloor, scaled))
}

function checkRule (rule: FeedbackLevelRule, quality: FeedbackQuality, nMin: number): Failure[] {
  const failures: Failure[] = []
  const { q, g, n } = quality
  if (q === null || q < rule.qMin) {
    failures.push({
      code: 'Q_BELOW',
      actual: q,
      required: rule.qMin,
      message: q === null ? `no counted responses, so no Q (needs ≥ ${rule.qMin})` : `Q ${q} < ${rule.qMin}`
    })
  }
  if (rule.gainAbove !== null && (g === null || g <= rule.gainAbove)) {
    failures.push({
      code: 'GAIN_NOT_ABOVE',
      actual: g,
      required: rule.gainAbove,
      message: g === null ? `no gain answers (G must be > ${rule.gainAbove})` : `G ${g} is not > ${rule.gainAbove}`
    })
  }
  for (const { item, min } of rule.itemMeanMinima) {
    const mean = quality.itemMeans[item] ?? null
    if (mean !== null && mean >= min) continue
    failures.push({
      code: 'ITEM_MEAN_BELOW',
      item,
      actual: mean,
      required: min,
      message: mean === null ? `no ${item} answers (mean must be ≥ ${min})` : `mean ${item} ${mean} < ${min}`
    })
  }
  if (n < nMin) failures.push({ code: 'SAMPLE_TOO_SMALL', actual: n, required: nMin, message: `n ${n} < ${nMin}` })
  return failures
}

export function assessFeedback (
  compiled: CompiledScheme,
  responses: readonly FeedbackResponse[],
  activeClients: number
): FeedbackAssessment {
  const { thresholds, instrument } = compiled.scheme
  const quality = measureFeedbackQuality(instrument, responses)
  const nMin = {
    bronze: computeSampleMinimum(thresholds, 'bronze', activeClients),
    silver: computeSampleMinimum(thresholds, 'silver', activeClients),
    gold: computeSampleMinimum(thresholds, 'gold', activeClients)
  }
  const failures = {
    bronze: checkRule(thresholds.feedback.bronze, quality, nMin.bronze),
    silver: checkRule(thresholds.feedback.silver, quality, nMin.silver),
    gold: checkRule(thresholds.feedback.gold, quality, nMin.gold)
  }
  // A level is reached only when it and every lower level hold, so FL is monotonic even for an odd scheme.
  let level: ComputedLevel = 'none'
  for (const candidate of AWARD_LEVELS) {
    if (failures[candidate].length > 0) break
    level = candidate
  }
  return { quality, nMin, level, failures }
}
