// Diff between two scheme versions, field by field (README: Scheme versions and scoring).
import t from 'tap'
import { createDefaultSchemeDocument, DEFAULT_SCHEME, diffSchemeDocuments } from '../../../src/domain/scheme/index.js'

t.test('identical documents', async (t) => {
  const diff = diffSchemeDocuments(DEFAULT_SCHEME, createDefaultSchemeDocument())
  t.equal(diff.identical, true)
  t.same(diff.items, { added: [], removed: [], changed: [] })
})

t.test('items added, removed and changed field by field', async (t) => {
  const next = createDefaultSchemeDocument()
  next.checklist = next.checklist.filter((i) => i.code !== 'STORY')
  next.checklist.push({ ...next.checklist[0]!, code: 'NEW_ITEM' })
  const pi = next.checklist.find((i) => i.code === 'INS_PI')!
  pi.tier = 'B'
  pi.appliesWhen.anyOf = ['transport']
  const diff = diffSchemeDocuments(DEFAULT_SCHEME, next)
  t.equal(diff.identical, false)
  t.same(diff.items.added, ['NEW_ITEM'])
  t.same(diff.items.removed, ['STORY'])
  t.same(diff.items.changed, [
    {
      code: 'INS_PI',
      changes: [
        { path: 'appliesWhen/anyOf', from: [], to: ['transport'] },
        { path: 'tier', from: 'S', to: 'B' }
      ]
    }
  ])
})

t.test('thresholds, settings, limiters, title and categories', async (t) => {
  const next = createDefaultSchemeDocument()
  next.title = 'Quality Mark 2027'
  next.thresholds.feedback.gold.qMin = 90
  next.settings.evidenceReminderDays = [30, 7]
  next.limiters.cqcCaps = { inadequate: 'block' }
  next.categories[0]!.title = 'Legal'
  const diff = diffSchemeDocuments(DEFAULT_SCHEME, next)
  t.same(diff.title, [{ path: 'title', from: DEFAULT_SCHEME.title, to: 'Quality Mark 2027' }])
  t.same(diff.thresholds, [{ path: 'feedback/gold/qMin', from: 85, to: 90 }])
  t.same(diff.settings, [{ path: 'evidenceReminderDays', from: [60, 30, 7], to: [30, 7] }])
  t.same(diff.limiters, [{ path: 'cqcCaps/requires_improvement', from: 'bronze', to: undefined }])
  t.same(diff.categories.changed, [
    { code: 'eligibility', changes: [{ path: 'title', from: 'Eligibility & legal', to: 'Legal' }] }
  ])
})

t.test('instrument changes: version, questions and scales', async (t) => {
  const next = createDefaultSchemeDocument()
  next.instrument.version = 2
  next.instrument.items[6]!.wording.easyRead = 'Are you safe with them?'
  next.instrument.scales.push({ code: 'EXTRA', answers: next.instrument.scales[0]!.answers })
  const diff = diffSchemeDocuments(DEFAULT_SCHEME, next)
  t.same(diff.instrument.fields, [{ path: 'version', from: 1, to: 2 }])
  t.same(diff.instrument.questions.changed, [
    {
      code: 'SAFE',
      changes: [
        { path: 'wording/easyRead', from: 'Do you feel safe when they help you?', to: 'Are you safe with them?' }
      ]
    }
  ])
  t.same(diff.instrument.scales.added, ['EXTRA'])
})

t.test('reordering the checklist is a change', async (t) => {
  const next = createDefaultSchemeDocument()
  next.checklist.reverse()
  const diff = diffSchemeDocuments(DEFAULT_SCHEME, next)
  t.equal(diff.identical, false)
  t.same(diff.items.changed, [])
})
