// What deciding an appeal does, as a plan the use case carries out (src/domain/README.md: Appeal; README: Concerns,
// appeals and monitoring). Kept simple on purpose:
// - upheld against a suspension → the award is reinstated; against a revocation → reinstated on appeal;
// - upheld or partly upheld against a decision or downgrade with a `level` → a new award at that level (never above
//   the computed level), which supersedes the live award and keeps its end date (an appeal corrects, it does not
//   extend);
// - upheld against a decision or downgrade without a level → a reassessment opens for a fresh decision;
// - anything else (dismissed, or partly upheld against a suspension/revocation) changes nothing automatically: the
//   reviewer's reason says what the co-ordinator should do.
import { DomainError, err, ok, type Result } from '../errors.js'
import type { AwardLevel, ComputedLevel } from '../scheme/enums.js'
import { isAboveLevel } from '../scoring/levels.js'
import type { AppealOutcome, AppealSubject } from './appeal-lifecycle.js'

export type AppealOutcomePlan =
  | { action: 'none' }
  | { action: 'reinstate_award'; event: 'reinstate' | 'reinstate_on_appeal' }
  | { action: 'issue_award'; level: AwardLevel }
  | { action: 'open_reassessment' }

export function planAppealOutcome (
  subject: AppealSubject,
  outcome: AppealOutcome,
  level?: AwardLevel
): Result<AppealOutcomePlan> {
  const againstAward = subject === 'suspension' || subject === 'revocation'
  if (level !== undefined && (againstAward || outcome === 'dismissed')) {
    return err(
      new DomainError(
        'APPEAL_LEVEL_NOT_APPLICABLE',
        'invalid',
        'A level is set only when upholding an appeal against a decision or a downgrade',
        { errors: [{ path: 'body.level', message: 'not applicable here' }] }
      )
    )
  }
  if (outcome === 'dismissed') return ok({ action: 'none' })
  if (againstAward) {
    if (outcome !== 'upheld') return ok({ action: 'none' })
    return ok({ action: 'reinstate_award', event: subject === 'suspension' ? 'reinstate' : 'reinstate_on_appeal' })
  }
  if (level !== undefined) return ok({ action: 'issue_award', level })
  return ok(outcome === 'upheld' ? { action: 'open_reassessment' } : { action: 'none' })
}

/** An appeal's award is never above the level the appealed assessment computed. */
export function checkAppealLevel (level: AwardLevel, computed: ComputedLevel): Result<AwardLevel> {
  if (!isAboveLevel(level, computed)) return ok(level)
  return err(
    new DomainError(
      'APPEAL_LEVEL_ABOVE_COMPUTED',
      'invalid',
      `An appeal cannot award ${level}: the computed level was ${computed}`,
      { errors: [{ path: 'body.level', message: `must be ${computed} or lower` }], details: { computed, level } }
    )
  )
}
