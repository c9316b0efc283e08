// What level a co-ordinator may propose: the computed one, or lower with a recorded reason, never higher
// (src/domain/README.md: Scoring, "A co-ordinator may award lower than computed, with a recorded reason; never
// higher").
import { DomainError, err, ok, type Result } from '../errors.js'
import type { ComputedLevel } from '../scheme/enums.js'
import { isAboveLevel } from '../scoring/levels.js'

export interface CheckedDecisionLevel {
  level: ComputedLevel
  belowComputed: boolean
  /** The trimmed reason when the level is below the computed one, else null. */
  reason: string | null
}

export function checkDecisionLevel (
  computed: ComputedLevel,
  proposed: ComputedLevel,
  reason?: string | null
): Result<CheckedDecisionLevel> {
  if (isAboveLevel(proposed, computed)) {
    return err(
      new DomainError(
        'DECISION_ABOVE_COMPUTED',
        'invalid',
        `The proposed level ${proposed} is above the computed level ${computed}`,
        {
          errors: [{ path: 'level', message: `must be ${computed} or lower` }],
          details: { computed, proposed }
        }
      )
    )
  }
  if (proposed === computed) return ok({ level: proposed, belowComputed: false, reason: null })
  const given = reason?.trim() ?? ''
  if (given === '') {
    return err(
      new DomainError(
        'DECISION_REASON_REQUIRED',
        'invalid',
        `A reason is required to propose ${proposed} when ${computed} was computed`,
        {
          errors: [{ path: 'reason', message: 'required when the level is below the computed level' }],
          details: { computed, proposed }
        }
      )
    )
  }
  return ok({ level: proposed, belowComputed: true, reason: given })
}
