// Named sets of award states (src/domain/README.md: Lifecycles, Award; Publication): one place for each.
import { AwardState, awardTransitions } from './award-lifecycle.js'

/** The provider's live mark: shown in the directory (possibly as suspended), superseded by a new award. */
export const LIVE_AWARD_STATES = ['active', 'renewal_due', 'suspended'] as const satisfies readonly AwardState[]

/** A current, unsuspended mark: what the public listings count as holding the Quality Mark. */
export const CURRENT_MARK_STATES = ['active', 'renewal_due'] as const satisfies readonly AwardState[]

/** The states a suspension can come from, read off the transition table ("From active or renewal_due: suspended"). */
export const SUSPENDABLE_AWARD_STATES: readonly AwardState[] = AwardState.options.filter(
  (s) => awardTransitions[s].suspend !== undefined
)

export const isLiveAward = (state: AwardState): boolean => (LIVE_AWARD_STATES as readonly AwardState[]).includes(state)
export const isSuspendable = (state: AwardState): boolean => SUSPENDABLE_AWARD_STATES.includes(state)
