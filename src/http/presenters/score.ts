// The API shape of a score (README: Architecture): the domain's result is deeply read-only; the response
// schema's arrays are plain ones, so the presenter copies the lists rather than casting them away.
import type { ScoringResult } from '../../domain/scoring/score-assessment.js'

/** A score as the API sends it (the same shape whether it answers the score, a decision or a what-if). */
export type ScoreBody = ReturnType<typeof presentScore>

export const presentScore = (s: ScoringResult) => ({
  ...s,
  categories: [...s.categories],
  itemResults: [...s.itemResults],
  limitersApplied: [...s.limitersApplied],
  reasons: s.reasons.map((r) => (r.items === undefined ? { ...r, items: undefined } : { ...r, items: [...r.items] }))
})

/** Anything that carries a score (a decision), with the score presented. */
export const withScore = <T extends { score: ScoringResult | null }>(
  v: T
): Omit<T, 'score'> & { score: ScoreBody | null } => ({ ...v, score: v.score === null ? null : presentScore(v.score) })
