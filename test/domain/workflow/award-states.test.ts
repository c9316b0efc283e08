import t from 'tap'
import fc from 'fast-check'
import { AwardState, awardTransitions, transitionAward } from '../../../src/domain/workflow/award-lifecycle.js'
import {
  CURRENT_MARK_STATES,
  isLiveAward,
  isSuspendable,
  LIVE_AWARD_STATES,
  SUSPENDABLE_AWARD_STATES
} from '../../../src/domain/workflow/award-states.js'

t.test('the named award-state sets', async (t) => {
  t.same([...LIVE_AWARD_STATES], ['active', 'renewal_due', 'suspended'])
  t.same([...CURRENT_MARK_STATES], ['active', 'renewal_due'])
  // src/domain/README.md: Award, "From active or renewal_due: suspended"
  t.same([...SUSPENDABLE_AWARD_STATES], ['active', 'renewal_due'])
  t.ok(isLiveAward('suspended'))
  t.notOk(isLiveAward('superseded'))
  t.ok(isSuspendable('renewal_due'))
  t.notOk(isSuspendable('suspended'))
})

t.test('property: a current mark is live, and a live award can always be withdrawn', async (t) => {
  fc.assert(
    fc.property(fc.constantFrom(...AwardState.options), (state) => {
      if ((CURRENT_MARK_STATES as readonly string[]).includes(state)) t.ok(isLiveAward(state))
      t.equal(isLiveAward(state), transitionAward(state, 'withdraw').ok)
      t.equal(isSuspendable(state), awardTransitions[state].suspend === 'suspended')
    })
  )
})
