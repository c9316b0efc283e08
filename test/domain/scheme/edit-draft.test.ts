// Edits to a draft scheme document one piece at a time (README: For co-ordinators, the scheme pages).
import t from 'tap'
import {
  addCategory,
  categoryEmptiedBy,
  createDefaultSchemeDocument,
  putCategoryTitle,
  putChecklistItem,
  putQuestionWording,
  putRules,
  putScaleWording,
  removeChecklistItem,
  validateSchemeDocument
} from '../../../src/domain/scheme/index.js'

const codes = (d: { checklist: Array<{ code: string }> }) => d.checklist.map((i) => i.code)

t.test('an item replaced keeps its place; the given document is unchanged', async (t) => {
  const doc = createDefaultSchemeDocument()
  const before = structuredClone(doc)
  const pi = doc.checklist.find((i) => i.code === 'INS_PI')!
  const next = putChecklistItem(doc, 'INS_PI', { ...pi, code: 'INS_PROF', weight: 3 })
  t.equal(codes(next).indexOf('INS_PROF'), codes(doc).indexOf('INS_PI'))
  t.notOk(codes(next).includes('INS_PI'))
  t.equal(next.checklist.length, doc.checklist.length)
  t.same(doc, before, 'the draft given is not changed')
  t.ok(validateSchemeDocument(next).ok)
})

t.test('a new item goes after the last of its category, or at the end for a category with none', async (t) => {
  const doc = createDefaultSchemeDocument()
  const template = doc.checklist.find((i) => i.code === 'INS_PL')!
  const added = putChecklistItem(doc, null, { ...template, code: 'INS_CYBER' })
  const insurance = added.checklist.map((i, n) => [i.category, n] as const).filter(([c]) => c === template.category)
  t.equal(added.checklist[insurance.at(-1)![1]]!.code, 'INS_CYBER', 'last of the insurance items')
  t.equal(added.checklist.length, doc.checklist.length + 1)
  const unknown = putChecklistItem(doc, 'NOT_THERE', { ...template, code: 'ODD', category: 'new_category' })
  t.equal(unknown.checklist.at(-1)!.code, 'ODD', 'a category with no items yet: at the end')
})

t.test('an item removed', async (t) => {
  const doc = createDefaultSchemeDocument()
  const next = removeChecklistItem(doc, 'STORY')
  t.notOk(codes(next).includes('STORY'))
  t.equal(next.checklist.length, doc.checklist.length - 1)
  t.same(removeChecklistItem(doc, 'NOT_THERE').checklist, doc.checklist)
})

t.test('a question reworded; the others and the thresholds as they were', async (t) => {
  const doc = createDefaultSchemeDocument()
  const wording = { plain: 'Do you feel safe?', easyRead: 'Safe?' }
  const next = putQuestionWording(doc, 'SAFE', wording)
  t.same(next.instrument.items.find((q) => q.code === 'SAFE')!.wording, wording)
  t.same(next.instrument.items.filter((q) => q.code !== 'SAFE'), doc.instrument.items.filter((q) => q.code !== 'SAFE'))
  const rules = putRules(doc, { ...doc.thresholds, compliance: { goldWeightShare: 0.9 } },
    { ...doc.settings, awardValidityMonths: 24 })
  t.equal(rules.thresholds.compliance.goldWeightShare, 0.9)
  t.equal(rules.settings.awardValidityMonths, 24)
  t.same(rules.checklist, doc.checklist)
})

t.test('a category renamed: its code, its items and the other categories unchanged', async (t) => {
  const doc = createDefaultSchemeDocument()
  const [first, second] = doc.categories
  const next = putCategoryTitle(doc, first!.code, 'Insurance and cover')
  t.equal(next.categories[0]!.title, 'Insurance and cover')
  t.equal(next.categories[0]!.code, first!.code)
  t.same(next.categories[1], second)
  t.same(next.checklist, doc.checklist)
  t.equal(doc.categories[0]!.title, first!.title, 'the draft given is not changed')
  t.ok(validateSchemeDocument(next).ok)
  t.notOk(validateSchemeDocument(putCategoryTitle(doc, first!.code, ' ')).ok, 'a blank title is refused')
})

t.test("a scale's answers reworded in order: values and scores kept, other scales unchanged", async (t) => {
  const doc = createDefaultSchemeDocument()
  const [scale, other] = doc.instrument.scales
  const wording = { plain: 'Always', easyRead: 'All the time' }
  const next = putScaleWording(doc, scale!.code, [wording])
  const answers = next.instrument.scales[0]!.answers
  t.same(answers[0]!.wording, wording)
  t.equal(answers[0]!.value, scale!.answers[0]!.value)
  t.equal(answers[0]!.score, scale!.answers[0]!.score)
  t.same(answers.slice(1), scale!.answers.slice(1), 'answers beyond those given keep their wording')
  t.same(next.instrument.scales[1], other)
  t.same(doc.instrument.scales[0], scale, 'the draft given is not changed')
  t.ok(validateSchemeDocument(next).ok)
})

t.test("a category's last item removed takes the category with it; any other item leaves them all", async (t) => {
  const doc = createDefaultSchemeDocument()
  const template = doc.checklist.find((i) => i.code === 'INS_PL')!
  const withNew = putChecklistItem(addCategory(doc, { code: 'digital', title: 'Digital safety' }), null,
    { ...template, code: 'DIG_CYBER', category: 'digital' })
  t.ok(validateSchemeDocument(withNew).ok, 'a new category with its first item is a valid scheme')
  t.equal(withNew.categories.at(-1)!.code, 'digital', 'added after the others')
  t.equal(categoryEmptiedBy(withNew, 'DIG_CYBER')?.code, 'digital')
  t.equal(categoryEmptiedBy(withNew, 'INS_PL'), undefined, 'insurance has other items')
  t.equal(categoryEmptiedBy(withNew, 'NOT_THERE'), undefined)
  const removed = removeChecklistItem(withNew, 'DIG_CYBER')
  t.notOk(removed.categories.some((c) => c.code === 'digital'), 'the emptied category is gone')
  t.same(removed.categories, doc.categories)
  t.ok(validateSchemeDocument(removed).ok)
  t.same(removeChecklistItem(withNew, 'INS_PL').categories, withNew.categories, 'no category emptied')
  t.notOk(validateSchemeDocument(addCategory(doc, { code: 'digital', title: 'Digital safety' })).ok,
    'a category with no items is refused')
  t.notOk(validateSchemeDocument(putChecklistItem(addCategory(doc, doc.categories[0]!), null,
    { ...template, code: 'DUP' })).ok, 'a code used twice is refused')
})
