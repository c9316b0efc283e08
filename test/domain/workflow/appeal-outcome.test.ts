import t from 'tap'
import fc from 'fast-check'
import { AwardLevelSchema, ComputedLevelSchema } from '../../../src/domain/scheme/enums.js'
import { isAboveLevel, rankLevel } from '../../../src/domain/scoring/levels.js'
import { AppealSubject } from '../../../src/domain/workflow/appeal-lifecycle.js'
import { checkAppealLevel, planAppealOutcome } from '../../../src/domain/workflow/appeal-outcome.js'

t.test('upheld against a suspension or revocation reinstates the award', async (t) => {
  t.same(planAppealOutcome('suspension', 'upheld'), {
    ok: true,
    value: { action: 'reinstate_award', event: 'reinstate' }
  })
  t.same(planAppealOutcome('revocation', 'upheld'), {
    ok: true,
    value: { action: 'reinstate_award', event: 'reinstate_on_appeal' }
  })
  t.same(planAppealOutcome('revocation', 'partly_upheld'), { ok: true, value: { action: 'none' } })
})

t.test('against a decision or downgrade: a level issues an award, none reopens (upheld only)', async (t) => {
  t.same(planAppealOutcome('decision', 'partly_upheld', 'silver'), {
    ok: true,
    value: { action: 'issue_award', level: 'silver' }
  })
  t.same(planAppealOutcome('downgrade', 'upheld'), { ok: true, value: { action: 'open_reassessment' } })
  t.same(planAppealOutcome('decision', 'partly_upheld'), { ok: true, value: { action: 'none' } })
  t.same(planAppealOutcome('decision', 'dismissed'), { ok: true, value: { action: 'none' } })
})

t.test('a level where none applies is refused with the field named', async (t) => {
  for (const [subject, outcome] of [
    ['suspension', 'upheld'],
    ['revocation', 'upheld'],
    ['decision', 'dismissed']
  ] as const) {
    const r = planAppealOutcome(subject, outcome, 'gold')
    t.notOk(r.ok)
    if (!r.ok) {
      t.equal(r.error.code, 'APPEAL_LEVEL_NOT_APPLICABLE')
      t.same(r.error.errors, [{ path: 'body.level', message: 'not applicable here' }])
    }
  }
})

t.test('property: a dismissed appeal never changes anything', async (t) => {
  fc.assert(
    fc.property(fc.constantFrom(...AppealSubject.options), (subject) => {
      t.same(planAppealOutcome(subject, 'dismissed'), { ok: true, value: { action: 'none' } })
    })
  )
})

t.test('property: an appeal award is allowed exactly when it is not above the computed level', async (t) => {
  fc.assert(
    fc.property(
      fc.constantFrom(...AwardLevelSchema.options),
      fc.constantFrom(...ComputedLevelSchema.options),
      (level, computed) => {
        const r = checkAppealLevel(level, computed)
        t.equal(r.ok, rankLevel(level) <= rankLevel(computed))
        t.equal(isAboveLevel(level, computed), !r.ok)
        if (!r.ok) {
          t.equal(r.error.code, 'APPEAL_LEVEL_ABOVE_COMPUTED')
          t.same(r.error.details, { computed, level })
        }
      }
    )
  )
})
