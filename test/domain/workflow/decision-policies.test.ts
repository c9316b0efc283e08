import t from 'tap'
import { ComputedLevelSchema } from '../../../src/domain/scheme/enums.js'
import { checkAppealWindow } from '../../../src/domain/workflow/appeal-window.js'
import { checkDecisionLevel } from '../../../src/domain/workflow/decision-level.js'
import {
  checkDecisionPublishable,
  checkFactualAccuracyComment,
  factualAccuracyEndsOn
} from '../../../src/domain/workflow/factual-accuracy.js'
import { checkReviewerIndependence } from '../../../src/domain/workflow/reviewer-independence.js'

t.test('appeal window: day 28 is in time, day 29 is not', async (t) => {
  t.same(checkAppealWindow('2025-01-01', '2025-01-01', 28), { ok: true, value: { lastDay: '2025-01-29' } })
  t.same(checkAppealWindow('2025-01-01', '2025-01-29', 28), { ok: true, value: { lastDay: '2025-01-29' } })
  const late = checkAppealWindow('2025-01-01', '2025-01-30', 28)
  t.notOk(late.ok)
  if (!late.ok) {
    t.equal(late.error.code, 'APPEAL_WINDOW_CLOSED')
    t.equal(late.error.kind, 'invalid')
    t.match(late.error.message, '2025-01-29')
    t.same(late.error.details, {
      subjectDate: '2025-01-01',
      lodgedOn: '2025-01-30',
      windowDays: 28,
      lastDay: '2025-01-29'
    })
  }
  const early = checkAppealWindow('2025-01-10', '2025-01-09', 28)
  t.equal(early.ok ? '' : early.error.code, 'APPEAL_BEFORE_SUBJECT')
  // a leap year moves the last day, not the rule
  t.same(checkAppealWindow('2024-02-10', '2024-03-09', 28), { ok: true, value: { lastDay: '2024-03-09' } })
})

t.test('reviewer independence', async (t) => {
  t.same(checkReviewerIndependence('rev-1', ['coord-1', 'coord-2']), { ok: true, value: undefined })
  t.same(checkReviewerIndependence('rev-1', []), { ok: true, value: undefined })
  const own = checkReviewerIndependence('coord-2', ['coord-1', 'coord-2'])
  t.notOk(own.ok)
  if (!own.ok) {
    t.equal(own.error.code, 'REVIEWER_NOT_INDEPENDENT')
    t.equal(own.error.kind, 'forbidden')
  }
})

t.test('decision level: never above computed; below needs a reason', async (t) => {
  t.same(checkDecisionLevel('silver', 'silver'), {
    ok: true,
    value: { level: 'silver', belowComputed: false, reason: null }
  })
  t.same(checkDecisionLevel('none', 'none'), { ok: true, value: { level: 'none', belowComputed: false, reason: null } })
  t.same(checkDecisionLevel('gold', 'bronze', '  open complaint pattern  '), {
    ok: true,
    value: { level: 'bronze', belowComputed: true, reason: 'open complaint pattern' }
  })
  const above = checkDecisionLevel('bronze', 'silver', 'they deserve it')
  t.equal(above.ok ? '' : above.error.code, 'DECISION_ABOVE_COMPUTED')
  t.equal(above.ok ? '' : above.error.kind, 'invalid')
  t.same(above.ok ? [] : above.error.errors, [{ path: 'level', message: 'must be bronze or lower' }])
  for (const reason of [undefined, null, '', '   ']) {
    const missing = checkDecisionLevel('gold', 'silver', reason)
    t.equal(missing.ok ? '' : missing.error.code, 'DECISION_REASON_REQUIRED', `reason ${JSON.stringify(reason)}`)
    t.same(missing.ok ? [] : missing.error.errors?.map((e) => e.path), ['reason'])
  }
})

t.test('decision level: every pair of levels', async (t) => {
  for (const [ci, computed] of ComputedLevelSchema.options.entries()) {
    for (const [pi, proposed] of ComputedLevelSchema.options.entries()) {
      const result = checkDecisionLevel(computed, proposed, 'a reason')
      t.equal(result.ok, pi <= ci, `${computed} → ${proposed}`)
    }
  }
})

t.test('factual-accuracy window: 14 days from proposal; 0 means publish at once', async (t) => {
  t.equal(factualAccuracyEndsOn('2025-03-01', 14), '2025-03-15')
  t.same(checkFactualAccuracyComment('2025-03-01', '2025-03-14', 14), { ok: true, value: { endsOn: '2025-03-15' } })
  const late = checkFactualAccuracyComment('2025-03-01', '2025-03-15', 14)
  t.equal(late.ok ? '' : late.error.code, 'FACTUAL_ACCURACY_WINDOW_CLOSED')
  t.equal(late.ok ? '' : late.error.kind, 'conflict')
  const early = checkDecisionPublishable('2025-03-01', '2025-03-14', 14)
  t.equal(early.ok ? '' : early.error.code, 'FACTUAL_ACCURACY_WINDOW_OPEN')
  t.same(early.ok ? {} : early.error.details, { proposedOn: '2025-03-01', endsOn: '2025-03-15' })
  t.ok(checkDecisionPublishable('2025-03-01', '2025-03-15', 14).ok)
  t.ok(checkDecisionPublishable('2025-03-01', '2025-03-01', 0).ok)
  t.notOk(checkFactualAccuracyComment('2025-03-01', '2025-03-01', 0).ok)
})
