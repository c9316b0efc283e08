import t from 'tap'
import fc from 'fast-check'
import {
  AssessmentEvent,
  AssessmentState,
  allowedAssessmentActions,
  assessmentLifecycle,
  transitionAssessment
} from '../../../src/domain/workflow/assessment-lifecycle.js'
import { checkLifecycleTable, walk } from './lifecycle-cases.js'

checkLifecycleTable(t, assessmentLifecycle, AssessmentState.options, AssessmentEvent.options, 'draft')

t.test('the whole path from draft to decided, with one round of information requests and a comment', async (t) => {
  const path = walk(assessmentLifecycle, 'draft', [
    'submit',
    'start_review',
    'request_info',
    'respond_info',
    'mark_ready',
    'propose_decision',
    'comment',
    'publish_decision'
  ])
  t.same(path, [
    'draft',
    'submitted',
    'under_review',
    'info_requested',
    'under_review',
    'ready_for_decision',
    'decision_proposed',
    'decision_proposed',
    'decided'
  ])
})

t.test('a refusal names the state, the action and what is allowed', async (t) => {
  const result = transitionAssessment('draft', 'publish_decision')
  t.notOk(result.ok)
  if (!result.ok) {
    t.equal(result.error.code, 'ASSESSMENT_TRANSITION_NOT_ALLOWED')
    t.equal(result.error.message, 'Cannot publish_decision: the assessment is draft (allowed: submit, withdraw)')
  }
  const final = transitionAssessment('decided', 'withdraw')
  t.equal(final.ok ? '' : final.error.message, 'Cannot withdraw: the assessment is decided (allowed: none)')
})

t.test('comments are accepted only while a decision is proposed', async (t) => {
  const commentable = AssessmentState.options.filter((s) => allowedAssessmentActions(s).includes('comment'))
  t.same(commentable, ['decision_proposed'])
})

t.test('withdraw is allowed from every state before decided and from no other', async (t) => {
  const withdrawable = AssessmentState.options.filter((s) => allowedAssessmentActions(s).includes('withdraw'))
  t.same(withdrawable, [
    'draft',
    'submitted',
    'under_review',
    'info_requested',
    'ready_for_decision',
    'decision_proposed'
  ])
})

t.test('property: withdrawn is never reached after decided', async () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...AssessmentEvent.options), { maxLength: 40 }), (seq) => {
      const visited = walk(assessmentLifecycle, 'draft', seq)
      const decidedAt = visited.indexOf('decided')
      return decidedAt === -1 || !visited.slice(decidedAt).includes('withdrawn')
    })
  )
})
