// Public surface of the scoring engine.
export { scoreAssessment, isLevelAllowed, type ScoringResult, type FeedbackResult } from './score-assessment.js'
export { compileScheme, type CompiledScheme, type ItemResult } from './compile-scheme.js'
export {
  computeEvidenceExpiry,
  judgeEvidence,
  type EvidenceJudgement,
  type ItemReasonCode
} from './evidence-validity.js'
export { computeSampleMinimum } from './feedback-level.js'
export { findLapsedLimiters, type LapsedLimiter } from './lapsed-limiters.js'
export { isSmallSample } from './small-sample.js'
export { isAboveLevel, rankLevel, lowerLevel } from './levels.js'
export type { CategoryResult } from './compliance.js'
export type { LimiterApplied } from './limiters.js'
export type { Reason, ReasonCode } from './reasons.js'
export * from './scoring-input.js'
