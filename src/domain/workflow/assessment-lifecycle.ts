// The assessment lifecycle: one cycle for one provider from application to a published decision
// (src/domain/README.md: Lifecycles, Assessment).
import { z } from 'zod'
import { defineLifecycle, type TransitionTable } from './lifecycle.js'

export const AssessmentKind = z.enum(['initial', 'renewal', 'upgrade', 'reassessment'])
export type AssessmentKind = z.infer<typeof AssessmentKind>

export const AssessmentState = z.enum([
  'draft',
  'submitted',
  'under_review',
  'info_requested',
  'ready_for_decision',
  'decision_proposed', // proposed to the provider, inside the factual-accuracy window
  'decided',
  'withdrawn'
])
export type AssessmentState = z.infer<typeof AssessmentState>

export const AssessmentEvent = z.enum([
  'submit',
  'start_review',
  'request_info',
  'respond_info',
  'mark_ready',
  'reopen_review',
  'propose_decision',
  'comment',
  'publish_decision',
  'withdraw'
])
export type AssessmentEvent = z.infer<typeof AssessmentEvent>

/** What a decided assessment concluded: the outcome is data on the record, the state is `decided`. */
export const AssessmentOutcome = z.enum(['awarded', 'not_awarded'])
export type AssessmentOutcome = z.infer<typeof AssessmentOutcome>

export const assessmentTransitions: TransitionTable<AssessmentState, AssessmentEvent> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { start_review: 'under_review', withdraw: 'withdrawn' },
  under_review: { request_info: 'info_requested', mark_ready: 'ready_for_decision', withdraw: 'withdrawn' },
  info_requested: { respond_info: 'under_review', withdraw: 'withdrawn' },
  ready_for_decision: { propose_decision: 'decision_proposed', reopen_review: 'under_review', withdraw: 'withdrawn' },
  // The provider's factual-accuracy comment leaves the state as it is; a comment that shows a real error
  // sends the assessment back to review, otherwise the co-ordinator publishes once the window has closed.
  decision_proposed: {
    comment: 'decision_proposed',
    reopen_review: 'under_review',
    publish_decision: 'decided',
    withdraw: 'withdrawn'
  },
  // src/domain/README.md: withdrawn from any state before decided; decided and withdrawn are final.
  decided: {},
  withdrawn: {}
}

export const assessmentLifecycle = defineLifecycle('assessment', AssessmentEvent.options, assessmentTransitions)

export const transitionAssessment = assessmentLifecycle.transition
export const allowedAssessmentActions = assessmentLifecycle.allowedActions
