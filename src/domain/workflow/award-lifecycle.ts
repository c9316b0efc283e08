// The award lifecycle: a granted level from issue to its end (src/domain/README.md: Lifecycles, Award).
import { z } from 'zod'
import { defineLifecycle, type TransitionTable } from './lifecycle.js'

export const AwardState = z.enum([
  'active',
  'renewal_due',
  'suspended',
  'superseded',
  'expired',
  'revoked',
  'withdrawn'
])
export type AwardState = z.infer<typeof AwardState>

export const AwardEvent = z.enum([
  'open_renewal', // renewal due: a renewal assessment opens
  'supersede', // the renewal's (or an upgrade's) award replaces this one
  'expire',
  'suspend',
  'reinstate',
  'revoke',
  'reinstate_on_appeal',
  'withdraw' // the provider leaves the scheme
])
export type AwardEvent = z.infer<typeof AwardEvent>

/** Why an award was suspended (src/domain/README.md: Award); never published (src/domain/README.md: Publication). */
export const SuspensionReason = z.enum([
  'evidence_lapsed',
  'safeguarding_investigation',
  'serious_complaint',
  'non_engagement'
])
export type SuspensionReason = z.infer<typeof SuspensionReason>

export const awardTransitions: TransitionTable<AwardState, AwardEvent> = {
  active: {
    open_renewal: 'renewal_due',
    supersede: 'superseded',
    expire: 'expired',
    suspend: 'suspended',
    withdraw: 'withdrawn'
  },
  renewal_due: { supersede: 'superseded', expire: 'expired', suspend: 'suspended', withdraw: 'withdrawn' },
  // A suspension never outlives the award: it still expires at its end date, and it cannot be superseded
  // until it is reinstated (a new award must not bypass an open safeguarding matter). Revocation follows a
  // suspension, as src/domain/README.md orders it. Reinstating returns to active; the daily planner then re-opens
  // the renewal if it is already due.
  suspended: { reinstate: 'active', revoke: 'revoked', expire: 'expired', withdraw: 'withdrawn' },
  // Revocation is final unless an appeal against it is upheld (src/domain/README.md: Appeal).
  revoked: { reinstate_on_appeal: 'active' },
  superseded: {},
  expired: {},
  withdrawn: {}
}

export const awardLifecycle = defineLifecycle('award', AwardEvent.options, awardTransitions)

export const transitionAward = awardLifecycle.transition
export const allowedAwardActions = awardLifecycle.allowedActions
