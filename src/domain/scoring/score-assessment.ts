// The scoring engine: scheme + provider + evidence + feedback + concerns + CQC rating + date → explained level
// (src/domain/README.md: scoring). Pure and deterministic: the same input in any order gives the same result.
import type { AwardLevel, ComputedLevel } from '../scheme/enums.js'
import { compileScheme, type ItemResult } from './compile-scheme.js'
import { assessCompliance, type CategoryResult } from './compliance.js'
import { assessFeedback } from './feedback-level.js'
import { capLevel, isAboveLevel, listLevelsAbove, lowerLevel } from './levels.js'
import { findLimitersApplying, toFailure, type LimiterApplied } from './limiters.js'
import { collectReasons, type Failure, type FailuresByLevel, type Reason } from './reasons.js'
import type { ScoringInput } from './scoring-input.js'
import { isSmallSample } from './small-sample.js'

export interface FeedbackResult {
  readonly responses: number
  /** Counted responses (≥ the instrument's minimum of answered scored items). */
  readonly n: number
  readonly q: number | null
  readonly g: number | null
  readonly meanSafe: number | null
  readonly meanDignity: number | null
  readonly itemMeans: Readonly<Record<string, number | null>>
  readonly nMin: Readonly<Record<AwardLevel, number>>
  readonly feedbackLevel: ComputedLevel
  /** The computed level rests on fewer responses than its floor (shown in the directory). */
  readonly smallSample: boolean
}

export interface ScoringResult {
  readonly decisionDate: string
  readonly computedLevel: ComputedLevel
  /** min(CL, FL) before the limiters. */
  readonly levelBeforeLimiters: ComputedLevel
  readonly complianceLevel: ComputedLevel
  readonly compliancePercent: number
  readonly categories: readonly CategoryResult[]
  readonly itemResults: readonly ItemResult[]
  readonly feedback: FeedbackResult
  readonly limitersApplied: readonly LimiterApplied[]
  /** For each level above the computed one (lowest first), everything that stands in its way. */
  readonly reasons: readonly Reason[]
}

/** Puts each limiter at the lowest level it stops; higher levels inherit it through collectReasons. */
function placeLimiterFailures (limiters: readonly LimiterApplied[]): FailuresByLevel {
  const byLevel: Record<AwardLevel, Failure[]> = { bronze: [], silver: [], gold: [] }
  for (const limiter of limiters) {
    const lowestStopped = listLevelsAbove(capLevel(limiter.cap))[0]
    if (lowestStopped !== undefined) byLevel[lowestStopped].push(toFailure(limiter))
  }
  return byLevel
}

export function scoreAssessment (input: ScoringInput): ScoringResult {
  const compiled = compileScheme(input.scheme)
  const { decisionDate, profile } = input
  const compliance = assessCompliance(compiled, profile.flags, input.evidence, decisionDate)
  const feedback = assessFeedback(compiled, input.responses, profile.activeClients)
  const limitersApplied = findLimitersApplying(input.scheme.limiters, input.concerns, input.cqcRating, decisionDate)
  const levelBeforeLimiters = lowerLevel(compliance.level, feedback.level)
  let computedLevel = levelBeforeLimiters
  for (const limiter of limitersApplied) computedLevel = lowerLevel(computedLevel, capLevel(limiter.cap))
  const sources = [compliance.failures, feedback.failures, placeLimiterFailures(limitersApplied)]
  const { quality } = feedback
  return {
    decisionDate,
    computedLevel,
    levelBeforeLimiters,
    complianceLevel: compliance.level,
    compliancePercent: compliance.percent,
    categories: compliance.categories,
    itemResults: compliance.itemResults,
    feedback: {
      responses: quality.responses,
      n: quality.n,
      q: quality.q,
      g: quality.g,
      meanSafe: quality.itemMeans.SAFE ?? null,
      meanDignity: quality.itemMeans.DIGNITY ?? null,
      itemMeans: quality.itemMeans,
      nMin: feedback.nMin,
      feedbackLevel: feedback.level,
      smallSample: isSmallSample(input.scheme.thresholds, computedLevel, quality.n)
    },
    limitersApplied,
    reasons: listLevelsAbove(computedLevel).flatMap((level) => collectReasons(level, sources))
  }
}

/**
 * Whether `level` may be awarded against this result: a co-ordinator may award lower, never higher
 * (src/domain/README.md).
 */
export const isLevelAllowed = (result: Pick<ScoringResult, 'computedLevel'>, level: ComputedLevel): boolean =>
  !isAboveLevel(level, result.computedLevel)
