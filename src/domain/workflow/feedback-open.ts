// When an assessment collects feedback (src/domain/README.md: feedback collection runs in parallel with the review,
// and stops once a decision is proposed).
import type { AssessmentState } from './assessment-lifecycle.js'

export const FEEDBACK_OPEN_STATES = [
  'draft',
  'submitted',
  'under_review',
  'info_requested',
  'ready_for_decision'
] as const satisfies readonly AssessmentState[]

export const isFeedbackOpen = (state: string): boolean => (FEEDBACK_OPEN_STATES as readonly string[]).includes(state)
