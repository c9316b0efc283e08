// What the co-ordinator's feedback pages start from (README: Feedback letters and interviews): the council's
// assessments that still collect feedback, and one assessment's feedback target for a member of its council's staff
// (another council's assessment is not found, as in the API).
import { listFeedbackCollections as listCollections } from '../db/stores/feedback-collections.js'
import { AssessmentState } from '../domain/workflow/index.js'
import { assertStaffAccess, requireStaff } from './access.js'
import type { Ctx, Deps } from './context.js'
import { FEEDBACK_OPEN_STATES, loadFeedbackTarget, type FeedbackTarget } from './feedback-instrument.js'

export async function listFeedbackCollections (deps: Deps, ctx: Ctx) {
  const staff = requireStaff(ctx.actor)
  const open = AssessmentState.options.filter((s) => FEEDBACK_OPEN_STATES.includes(s))
  return await listCollections(deps.db, staff.councilId, open)
}

export async function getFeedbackTarget (deps: Deps, ctx: Ctx, assessmentId: string): Promise<FeedbackTarget> {
  return assertStaffAccess(ctx.actor, await loadFeedbackTarget(deps.db, assessmentId), 'Assessment')
}
