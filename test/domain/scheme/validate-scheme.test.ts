// Validating an edited scheme document: every problem with its path, for a 422 (README: Scheme versions and scoring).
import t from 'tap'
import {
  createDefaultSchemeDocument,
  listSchemeProblems,
  validateSchemeDocument,
  type SchemeDocument
} from '../../../src/domain/scheme/index.js'

type Edit = (doc: SchemeDocument) => void
const scaleItem = (doc: SchemeDocument, code: string) => {
  const item = doc.instrument.items.find((i) => i.code === code)
  if (item?.kind !== 'scale') throw new Error(code)
  return item
}

const cases: Array<[string, Edit, string, RegExp]> = [
  [
    'unknown flag in appliesWhen',
    (d) => {
      ;(d.checklist[0]!.appliesWhen.allOf as string[]).push('swimming')
    },
    'checklist/0/appliesWhen/allOf/0',
    /Invalid option/
  ],
  [
    'award validity over 24 months',
    (d) => {
      d.settings.awardValidityMonths = 25
    },
    'settings/awardValidityMonths',
    /<=24/
  ],
  [
    'Q out of range',
    (d) => {
      d.thresholds.feedback.gold.qMin = 101
    },
    'thresholds/feedback/gold/qMin',
    /<=100/
  ],
  [
    'share out of range',
    (d) => {
      d.thresholds.compliance.goldWeightShare = 1.5
    },
    'thresholds/compliance/goldWeightShare',
    /<=1/
  ],
  [
    'duplicate item code',
    (d) => {
      d.checklist.push({ ...d.checklist[0]! })
    },
    'checklist/39/code',
    /duplicate item code SIZE_DECL/
  ],
  [
    'duplicate category code',
    (d) => {
      d.categories.push({ ...d.categories[0]! })
    },
    'categories/9/code',
    /duplicate category code eligibility/
  ],
  [
    'empty category',
    (d) => {
      d.categories.push({ code: 'extra', title: 'Extra' })
    },
    'categories/9',
    /category extra has no items/
  ],
  [
    'item in an unknown category',
    (d) => {
      d.checklist[0]!.category = 'nowhere'
    },
    'checklist/0/category',
    /unknown category nowhere/
  ],
  [
    'expiry waiver on an item that does not expire',
    (d) => {
      d.checklist[0]!.expiryWaivedBy = 'dbs_update_service'
    },
    'checklist/0/expiryWaivedBy',
    /needs validityMonths/
  ],
  [
    'duplicate evidence kind',
    (d) => {
      d.checklist[0]!.evidenceKinds = ['declaration', 'declaration']
    },
    'checklist/0/evidenceKinds/1',
    /duplicate evidence kind/
  ],
  [
    'flag in both allOf and anyOf',
    (d) => {
      d.checklist[0]!.appliesWhen = { allOf: ['transport'], anyOf: ['transport'] }
    },
    'checklist/0/appliesWhen',
    /both allOf and anyOf: transport/
  ],
  [
    'gold Q below silver Q',
    (d) => {
      d.thresholds.feedback.gold.qMin = 60
    },
    'thresholds/feedback/gold/qMin',
    /gold Q 60 is below silver Q 70/
  ],
  [
    'silver floor below bronze floor',
    (d) => {
      d.thresholds.feedback.bronze.sampleFloor = 4
    },
    'thresholds/feedback/silver/sampleFloor',
    /silver floor 3 is below bronze floor 4/
  ],
  [
    'gold share below silver share',
    (d) => {
      d.thresholds.feedback.gold.sampleShare = 0.4
    },
    'thresholds/feedback/gold/sampleShare',
    /below silver share/
  ],
  [
    'floor below the sample minimum',
    (d) => {
      d.thresholds.feedback.sampleMinimum = 3
    },
    'thresholds/feedback/bronze/sampleFloor',
    /floor 2 is below the sample minimum 3/
  ],
  [
    'gold drops a gain required for silver',
    (d) => {
      d.thresholds.feedback.silver.gainAbove = 0
      d.thresholds.feedback.gold.gainAbove = null
    },
    'thresholds/feedback/gold/gainAbove',
    /gain above at least 0/
  ],
  [
    'gold drops the SAFE minimum of silver',
    (d) => {
      d.thresholds.feedback.gold.itemMeanMinima = [{ item: 'DIGNITY', min: 2 }]
    },
    'thresholds/feedback/gold/itemMeanMinima',
    /mean SAFE ≥ 2 like silver/
  ],
  [
    'minimum on a question that is not scored',
    (d) => {
      d.thresholds.feedback.gold.itemMeanMinima.push({ item: 'OCC_AFFECT', min: 1 })
    },
    'thresholds/feedback/gold/itemMeanMinima/2/item',
    /OCC_AFFECT is not a scored question/
  ],
  [
    'minimum on an unknown question',
    (d) => {
      d.thresholds.feedback.bronze.itemMeanMinima.push({ item: 'HAPPY', min: 1 })
    },
    'thresholds/feedback/bronze/itemMeanMinima/0/item',
    /HAPPY is not a scored question/
  ],
  [
    'renewal lead longer than validity',
    (d) => {
      d.settings.awardValidityMonths = 1
      d.settings.renewalLeadDays = 60
    },
    'settings/renewalLeadDays',
    /not shorter than the award validity/
  ],
  [
    'duplicate reminder day',
    (d) => {
      d.settings.evidenceReminderDays = [30, 30]
    },
    'settings/evidenceReminderDays/1',
    /duplicate reminder day/
  ],
  [
    'duplicate severity',
    (d) => {
      d.limiters.upheldConcern.severities = ['high', 'high']
    },
    'limiters/upheldConcern/severities/1',
    /duplicate severity/
  ],
  [
    'duplicate outcome',
    (d) => {
      d.limiters.upheldConcern.outcomes = ['upheld', 'upheld']
    },
    'limiters/upheldConcern/outcomes/1',
    /duplicate outcome/
  ],
  [
    'duplicate scale',
    (d) => {
      d.instrument.scales.push({ ...d.instrument.scales[0]! })
    },
    'instrument/scales/8/code',
    /duplicate scale code OCCUPATION/
  ],
  [
    'duplicate question',
    (d) => {
      d.instrument.items.push({ ...d.instrument.items[0]! })
    },
    'instrument/items/13/code',
    /duplicate question code OCC_NOW/
  ],
  [
    'duplicate answer',
    (d) => {
      d.instrument.scales[0]!.answers[1]!.value = 'as_i_want'
    },
    'instrument/scales/0/answers/1/value',
    /duplicate answer as_i_want/
  ],
  [
    'question on an unknown scale',
    (d) => {
      scaleItem(d, 'SAFE').scale = 'NOPE'
    },
    'instrument/items/6/scale',
    /unknown scale NOPE/
  ],
  [
    'scored question on a scale without scores',
    (d) => {
      scaleItem(d, 'OCC_AFFECT').scored = true
    },
    'instrument/items/1/scored',
    /needs a score for every answer of YES_NO/
  ],
  [
    'condition on an unknown question',
    (d) => {
      scaleItem(d, 'OCC_WITHOUT').askedWhen!.item = 'NOPE'
    },
    'instrument/items/2/askedWhen/item',
    /unknown question NOPE/
  ],
  [
    'condition on an unknown answer',
    (d) => {
      scaleItem(d, 'OCC_WITHOUT').askedWhen!.answer = 'maybe'
    },
    'instrument/items/2/askedWhen/answer',
    /maybe is not an answer to OCC_AFFECT/
  ],
  [
    'copy from a question on another scale',
    (d) => {
      scaleItem(d, 'OCC_WITHOUT').askedWhen!.otherwiseSameAs = 'SAFE'
    },
    'instrument/items/2/askedWhen/otherwiseSameAs',
    /SAFE must be a question on scale OCCUPATION/
  ],
  [
    'gain pair on an unscored question',
    (d) => {
      d.instrument.gainPairs[0]!.without = 'OCC_AFFECT'
    },
    'instrument/gainPairs/0/without',
    /OCC_AFFECT must be a question on a scored scale/
  ],
  [
    'gain pair on an unknown question',
    (d) => {
      d.instrument.gainPairs[1]!.now = 'NOPE'
    },
    'instrument/gainPairs/1/now',
    /NOPE must be a question on a scored scale/
  ],
  [
    "gold gain rule weaker than silver's",
    (d) => {
      d.thresholds.feedback.silver.gainAbove = 0.5
    },
    'thresholds/feedback/gold/gainAbove',
    /gain above at least 0.5/
  ],
  [
    'more answers needed than questions scored',
    (d) => {
      d.instrument.minAnsweredScoredItems = 9
    },
    'instrument/minAnsweredScoredItems',
    /9 answers needed but only 8/
  ],
  [
    'too many gain pairs',
    (d) => {
      d.instrument.gainPairs = Array.from({ length: 7 }, () => ({ now: 'OCC_NOW', without: 'OCC_WITHOUT' }))
    },
    'instrument/gainPairs',
    /at most 6/
  ]
]

for (const [name, edit, path, message] of cases) {
  t.test(name, async (t) => {
    const doc = createDefaultSchemeDocument()
    edit(doc)
    const problems = listSchemeProblems(doc)
    t.match(
      problems.find((p) => p.path === path),
      { path, message },
      JSON.stringify(problems)
    )
  })
}

t.test('more than 20 scored questions', async (t) => {
  const doc = createDefaultSchemeDocument()
  for (let i = 0; i < 13; i++) doc.instrument.items.push({ ...scaleItem(doc, 'SAFE'), code: `EXTRA_${i}` })
  t.match(listSchemeProblems(doc), [{ path: 'instrument/items', message: 'at most 20 scored questions (found 21)' }])
})

t.test('every problem is listed at once', async (t) => {
  const doc = createDefaultSchemeDocument()
  doc.thresholds.feedback.gold.qMin = 60
  doc.categories.push({ code: 'extra', title: 'Extra' })
  doc.checklist.push({ ...doc.checklist[1]! })
  t.equal(listSchemeProblems(doc).length, 3)
})

t.test('validateSchemeDocument: the parsed document, or SCHEME_DOCUMENT_INVALID with the problems', async (t) => {
  const valid = validateSchemeDocument(createDefaultSchemeDocument())
  t.ok(valid.ok)
  t.same(validateSchemeDocument({ title: 'x' }).ok, false)
  const invalid = validateSchemeDocument({
    ...createDefaultSchemeDocument(),
    settings: { ...createDefaultSchemeDocument().settings, awardValidityMonths: 36 }
  })
  t.match(invalid, {
    ok: false,
    error: { code: 'SCHEME_DOCUMENT_INVALID', kind: 'invalid', errors: [{ path: 'settings/awardValidityMonths' }] }
  })
})
