// Normalising a respondent's answers: known questions and answers only; *_WITHOUT only when *_AFFECT = yes
// (src/domain/README.md).
import t from 'tap'
import { DEFAULT_INSTRUMENT, normaliseFeedbackAnswers } from '../../../src/domain/feedback/index.js'

const normalise = (raw: unknown) => normaliseFeedbackAnswers(DEFAULT_INSTRUMENT, raw)

t.test('valid answers are kept, blanks dropped, text trimmed', async (t) => {
  const result = normalise({
    OCC_NOW: 'enough',
    SAFE: ' as_safe_as_i_want ',
    DIGNITY: '',
    CHOICE: null,
    RELIABLE: undefined,
    COMMENT: '  Lovely staff.  '
  })
  t.same(result, {
    ok: true,
    value: { OCC_NOW: 'enough', OCC_WITHOUT: 'enough', SAFE: 'as_safe_as_i_want', COMMENT: 'Lovely staff.' }
  })
})

t.test('WITHOUT is taken only when AFFECT = yes, otherwise it equals NOW', async (t) => {
  const cases: Array<[string, Record<string, string>, Record<string, string>]> = [
    [
      'affected: own answer',
      { OCC_NOW: 'as_i_want', OCC_AFFECT: 'yes', OCC_WITHOUT: 'nothing' },
      { OCC_NOW: 'as_i_want', OCC_AFFECT: 'yes', OCC_WITHOUT: 'nothing' }
    ],
    [
      'not affected: replaced by NOW',
      { OCC_NOW: 'as_i_want', OCC_AFFECT: 'no', OCC_WITHOUT: 'nothing' },
      { OCC_NOW: 'as_i_want', OCC_AFFECT: 'no', OCC_WITHOUT: 'as_i_want' }
    ],
    ['AFFECT unanswered: equals NOW', { CTL_NOW: 'adequate' }, { CTL_NOW: 'adequate', CTL_WITHOUT: 'adequate' }],
    [
      'affected but WITHOUT unanswered: stays unanswered',
      { CTL_NOW: 'adequate', CTL_AFFECT: 'yes' },
      { CTL_NOW: 'adequate', CTL_AFFECT: 'yes' }
    ],
    ['neither NOW nor AFFECT: WITHOUT dropped', { CTL_WITHOUT: 'none' }, {}]
  ]
  for (const [name, raw, expected] of cases) t.same(normalise(raw), { ok: true, value: expected }, name)
})

t.test('every problem is listed with its question code', async (t) => {
  const result = normalise({ NOPE: 'x', SAFE: 'very', OCC_NOW: 3, COMMENT: 'x'.repeat(2001), RECOMMEND: '__proto__' })
  t.equal(result.ok, false)
  if (result.ok) return
  t.equal(result.error.code, 'FEEDBACK_ANSWERS_INVALID')
  t.equal(result.error.kind, 'invalid')
  t.same(result.error.errors, [
    { path: 'COMMENT', message: 'must be at most 2000 characters' },
    { path: 'NOPE', message: 'unknown question' },
    { path: 'OCC_NOW', message: 'must be a string' },
    { path: 'RECOMMEND', message: 'not an answer to RECOMMEND; expected one of definitely, probably, not_sure, no' },
    {
      path: 'SAFE',
      message: 'not an answer to SAFE; expected one of as_safe_as_i_want, adequately, less_than_i_want, not_at_all'
    }
  ])
})

t.test('answers must be an object', async (t) => {
  for (const raw of [null, 'x', ['SAFE']]) {
    const result = normalise(raw)
    t.match(result, { ok: false, error: { errors: [{ path: '', message: /must be an object/ }] } })
  }
})
