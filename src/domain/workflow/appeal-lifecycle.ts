// The appeal lifecycle: a provider contests a decision, downgrade, suspension or revocation
// (src/domain/README.md: Lifecycles, Appeal).
import { z } from 'zod'
import { defineLifecycle, type TransitionTable } from './lifecycle.js'

export const AppealSubject = z.enum(['decision', 'downgrade', 'suspension', 'revocation'])
export type AppealSubject = z.infer<typeof AppealSubject>

/** What the reviewer decided (src/domain/README.md: Appeal). */
export const AppealOutcome = z.enum(['upheld', 'partly_upheld', 'dismissed'])
export type AppealOutcome = z.infer<typeof AppealOutcome>

export const AppealState = z.enum([
  'lodged',
  'acknowledged',
  'under_review',
  'upheld',
  'partly_upheld',
  'dismissed',
  'withdrawn',
  'closed'
])
export type AppealState = z.infer<typeof AppealState>

export const AppealEvent = z.enum([
  'acknowledge',
  'start_review',
  'uphold',
  'partly_uphold',
  'dismiss',
  'withdraw',
  'close'
])
export type AppealEvent = z.infer<typeof AppealEvent>

export const appealTransitions: TransitionTable<AppealState, AppealEvent> = {
  // A provider may drop its own appeal until a reviewer has decided it.
  lodged: { acknowledge: 'acknowledged', withdraw: 'withdrawn' },
  acknowledged: { start_review: 'under_review', withdraw: 'withdrawn' },
  under_review: { uphold: 'upheld', partly_uphold: 'partly_upheld', dismiss: 'dismissed', withdraw: 'withdrawn' },
  // The outcome is applied (README: Concerns, appeals and monitoring: an upheld appeal applies its outcome), then the
  // appeal is closed.
  upheld: { close: 'closed' },
  partly_upheld: { close: 'closed' },
  dismissed: { close: 'closed' },
  withdrawn: {},
  closed: {}
}

export const appealLifecycle = defineLifecycle('appeal', AppealEvent.options, appealTransitions)

export const transitionAppeal = appealLifecycle.transition
export const allowedAppealActions = appealLifecycle.allowedActions
