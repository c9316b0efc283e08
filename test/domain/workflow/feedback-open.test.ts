import t from 'tap'
import { AssessmentState } from '../../../src/domain/workflow/assessment-lifecycle.js'
import { FEEDBACK_OPEN_STATES, isFeedbackOpen } from '../../../src/domain/workflow/feedback-open.js'

t.test('feedback is collected until a decision is proposed', async (t) => {
  t.same(
    AssessmentState.options.filter(isFeedbackOpen),
    ['draft', 'submitted', 'under_review', 'info_requested', 'ready_for_decision']
  )
  t.equal(FEEDBACK_OPEN_STATES.length, 5)
  t.notOk(isFeedbackOpen('decision_proposed'))
  t.notOk(isFeedbackOpen('not a state'))
})
