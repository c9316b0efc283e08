import t from 'tap'
import {
  AwardEvent,
  AwardState,
  allowedAwardActions,
  awardLifecycle,
  transitionAward
} from '../../../src/domain/workflow/award-lifecycle.js'
import { checkLifecycleTable, walk } from './lifecycle-cases.js'

checkLifecycleTable(t, awardLifecycle, AwardState.options, AwardEvent.options, 'active')

t.test('renewal, suspension and reinstatement paths', async (t) => {
  t.same(walk(awardLifecycle, 'active', ['open_renewal', 'supersede']), ['active', 'renewal_due', 'superseded'])
  t.same(walk(awardLifecycle, 'renewal_due', ['suspend', 'reinstate']), ['renewal_due', 'suspended', 'active'])
  t.same(walk(awardLifecycle, 'active', ['suspend', 'revoke', 'reinstate_on_appeal']), [
    'active',
    'suspended',
    'revoked',
    'active'
  ])
})

t.test('a suspended award still expires at its end date but cannot be superseded', async (t) => {
  t.same(transitionAward('suspended', 'expire'), { ok: true, value: 'expired' })
  t.notOk(transitionAward('suspended', 'supersede').ok)
})

t.test('suspension is possible from active and renewal_due only; revocation follows a suspension', async (t) => {
  t.same(
    AwardState.options.filter((s) => allowedAwardActions(s).includes('suspend')),
    ['active', 'renewal_due']
  )
  t.same(
    AwardState.options.filter((s) => allowedAwardActions(s).includes('revoke')),
    ['suspended']
  )
  t.same(
    AwardState.options.filter((s) => allowedAwardActions(s).includes('withdraw')),
    ['active', 'renewal_due', 'suspended']
  )
})
