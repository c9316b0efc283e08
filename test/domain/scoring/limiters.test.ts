// The limiters on their own (src/domain/README.md: Scoring, limiters): the upheld-concern cap names the most recent
// serious concern, whatever order the concerns come in; an open safeguarding concern blocks; CQC caps.
import t from 'tap'
import { findLimitersApplying } from '../../../src/domain/scoring/limiters.js'
import { DEFAULT_SCHEME } from '../../../src/domain/scheme/index.js'

const limiters = DEFAULT_SCHEME.limiters
const upheld = (closedOn: string) => ({
  severity: 'high' as const,
  status: 'closed' as const,
  outcome: 'upheld' as const,
  raisedOn: '2025-01-01',
  closedOn
})

t.test('the latest upheld serious concern is named, in either order', async (t) => {
  for (const concerns of [
    [upheld('2025-06-01'), upheld('2025-03-01')],
    [upheld('2025-03-01'), upheld('2025-06-01')]
  ]) {
    const [applied] = findLimitersApplying(limiters, concerns, null, '2025-09-01')
    t.match(applied, { code: 'UPHELD_CONCERN', cap: 'bronze', message: /upheld on 2025-06-01/ })
  }
  t.same(
    findLimitersApplying(limiters, [upheld('2024-08-31')], null, '2025-09-01'),
    [],
    'outside the 12-month look-back'
  )
  const undated = { ...upheld('2025-01-01'), raisedOn: '2025-05-01', closedOn: null }
  t.match(
    findLimitersApplying(limiters, [undated], null, '2025-09-01'),
    [{ message: /upheld on 2025-05-01/ }],
    'closed with no date: dated by when it was raised'
  )
  const ignored = [
    { ...upheld('2025-06-01'), severity: 'low' as const },
    { ...upheld('2025-06-01'), outcome: null },
    { ...upheld('2025-06-01'), outcome: 'partly_upheld' as const },
    { ...upheld('2025-06-01'), status: 'open' as const, closedOn: null }
  ]
  t.same(
    findLimitersApplying(limiters, ignored, null, '2025-09-01'),
    [],
    'low severity, undecided, partly upheld or still open: not counted'
  )
  t.equal(
    findLimitersApplying(limiters, [upheld('2024-09-01')], null, '2025-09-01').length,
    1,
    'the look-back includes its first day'
  )
})

t.test('open safeguarding blocks; CQC ratings cap or block', async (t) => {
  const open = {
    severity: 'safeguarding' as const,
    status: 'open' as const,
    outcome: null,
    raisedOn: '2025-08-01',
    closedOn: null
  }
  t.match(findLimitersApplying(limiters, [open], null, '2025-09-01'), [
    { code: 'SAFEGUARDING_CONCERN_OPEN', cap: 'block' }
  ])
  t.match(findLimitersApplying(limiters, [], 'inadequate', '2025-09-01'), [{ code: 'CQC_RATING', cap: 'block' }])
  t.match(findLimitersApplying(limiters, [], 'requires_improvement', '2025-09-01'), [
    { code: 'CQC_RATING', cap: 'bronze' }
  ])
  t.same(findLimitersApplying(limiters, [], 'good', '2025-09-01'), [])
})
