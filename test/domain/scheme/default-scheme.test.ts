// Default scheme v1 and instrument v1 are exactly what src/domain/README.md lists ("The default scheme", "The feedback
// instrument").
import t from 'tap'
import {
  createDefaultSchemeDocument,
  DEFAULT_SCHEME,
  isItemApplicable,
  listApplicableItems,
  listSchemeProblems,
  type ChecklistItem
} from '../../../src/domain/scheme/index.js'

// code: category, tier, flag it applies when, expires, limiter (src/domain/README.md, item by item)
const EXPECTED: Record<string, [string, string, string | null, boolean, boolean]> = {
  SIZE_DECL: ['eligibility', 'B', null, false, false],
  TRADING: ['eligibility', 'B', null, false, false],
  CQC_REG: ['eligibility', 'B', 'personalCare', false, true],
  ICO_FEE: ['eligibility', 'S', null, false, false],
  CCJ_DECL: ['eligibility', 'B', null, false, false],
  INS_PL: ['insurance', 'B', null, true, true],
  INS_EL: ['insurance', 'B', 'employsStaff', true, true],
  INS_PI: ['insurance', 'S', null, true, false],
  INS_MOTOR: ['insurance', 'B', 'transport', true, false],
  DBS_ENH: ['safe_recruitment', 'B', null, true, true],
  REFS: ['safe_recruitment', 'S', 'employsStaff', false, false],
  SG_POLICY: ['safeguarding', 'B', null, false, false],
  SG_TRAIN: ['safeguarding', 'B', null, true, false],
  WHISTLE: ['safeguarding', 'S', 'employsStaff', false, false],
  MCA: ['safeguarding', 'S', null, false, false],
  COMPLAINTS: ['policies', 'B', null, false, false],
  DATA_PROT: ['policies', 'B', null, false, false],
  HS_RISK: ['policies', 'B', null, false, false],
  IND_RISK: ['policies', 'S', null, false, false],
  LONE_WORK: ['policies', 'S', 'loneWorking', false, false],
  IPC: ['policies', 'B', 'personalCare', false, false],
  MEDS: ['policies', 'B', 'medication', false, true],
  FOOD_HYG: ['policies', 'B', 'foodPreparation', true, false],
  MONEY: ['policies', 'S', 'handlesMoney', false, false],
  INCIDENTS: ['policies', 'S', null, false, false],
  EQUALITY: ['policies', 'S', null, false, false],
  CONTINUITY: ['continuity', 'S', null, false, false],
  EMERGENCY: ['continuity', 'S', null, false, false],
  FIRST_AID: ['training', 'S', null, true, false],
  MOVING: ['training', 'B', 'personalCare', true, false],
  CARE_CERT: ['training', 'S', 'personalCare', false, false],
  CPD: ['training', 'G', null, false, false],
  AGREEMENT: ['person_centred', 'S', null, false, false],
  SUPPORT_PLAN: ['person_centred', 'S', null, false, false],
  REVIEWS: ['person_centred', 'G', null, false, false],
  COMPLAINT_LOG: ['quality', 'S', null, false, false],
  OWN_FEEDBACK: ['quality', 'S', null, false, false],
  STORY: ['quality', 'G', null, false, false],
  PEER_NETWORK: ['quality', 'G', null, false, false]
}

t.test("the checklist is src/domain/README.md's, item by item and in order", async (t) => {
  t.same(
    DEFAULT_SCHEME.checklist.map((i) => i.code),
    Object.keys(EXPECTED)
  )
  for (const item of DEFAULT_SCHEME.checklist) {
    const flag = item.appliesWhen.allOf[0] ?? null
    t.same([item.category, item.tier, flag, item.validityMonths !== null, item.limiter], EXPECTED[item.code], item.code)
    t.ok(
      item.title.length > 0 && item.guidance.length > 0 && item.evidenceKinds.length > 0,
      `${item.code} has wording and evidence kinds`
    )
  }
  const dbs = DEFAULT_SCHEME.checklist.find((i) => i.code === 'DBS_ENH')
  t.match(dbs, { validityMonths: 36, expiryWaivedBy: 'dbs_update_service' })
})

t.test("thresholds and settings are src/domain/README.md's defaults, and the document is valid", async (t) => {
  t.same(listSchemeProblems(DEFAULT_SCHEME), [])
  t.match(DEFAULT_SCHEME.thresholds, {
    compliance: { goldWeightShare: 0.8 },
    feedback: {
      sampleMinimum: 2,
      bronze: { qMin: 50, gainAbove: null, sampleFloor: 2, sampleShare: 0.5 },
      silver: {
        qMin: 70,
        gainAbove: null,
        itemMeanMinima: [{ item: 'SAFE', min: 2 }],
        sampleFloor: 3,
        sampleShare: 0.5
      },
      gold: {
        qMin: 85,
        gainAbove: 0,
        itemMeanMinima: [
          { item: 'SAFE', min: 2 },
          { item: 'DIGNITY', min: 2 }
        ],
        sampleFloor: 5,
        sampleShare: 0.6
      }
    }
  })
  t.same(DEFAULT_SCHEME.settings, {
    awardValidityMonths: 12,
    gracePeriodDays: 14,
    factualAccuracyDays: 14,
    appealWindowDays: 28,
    renewalLeadDays: 60,
    evidenceReminderDays: [60, 30, 7],
    commentRetentionDays: 365
  })
  t.match(DEFAULT_SCHEME.limiters, {
    openSafeguardingConcern: 'block',
    cqcCaps: { inadequate: 'block', requires_improvement: 'bronze' },
    upheldConcern: { cap: 'bronze', lookbackMonths: 12 }
  })
})

t.test('the instrument: every question and answer in plain and easy-read wording', async (t) => {
  const { instrument } = DEFAULT_SCHEME
  t.same(
    instrument.items.map((i) => i.code),
    [
      'OCC_NOW',
      'OCC_AFFECT',
      'OCC_WITHOUT',
      'CTL_NOW',
      'CTL_AFFECT',
      'CTL_WITHOUT',
      'SAFE',
      'DIGNITY',
      'RELIABLE',
      'CHOICE',
      'CONTINUITY_STAFF',
      'RECOMMEND',
      'COMMENT'
    ]
  )
  t.same(
    instrument.items.filter((i) => i.kind === 'scale' && i.scored).map((i) => i.code),
    ['OCC_NOW', 'CTL_NOW', 'SAFE', 'DIGNITY', 'RELIABLE', 'CHOICE', 'CONTINUITY_STAFF', 'RECOMMEND']
  )
  for (const item of instrument.items) {
    t.not(item.wording.easyRead, item.wording.plain, `${item.code} has its own easy-read wording`)
  }
  for (const scale of instrument.scales) {
    for (const answer of scale.answers) {
      t.ok(answer.wording.plain.length > 0 && answer.wording.easyRead.length > 0, `${scale.code}.${answer.value}`)
    }
    if (scale.code !== 'YES_NO') {
      t.same(
        scale.answers.map((a) => a.score),
        [3, 2, 1, 0],
        `${scale.code} scores 3 → 0`
      )
    }
  }
  t.match(
    instrument.items.find((i) => i.code === 'OCC_WITHOUT'),
    { askedWhen: { item: 'OCC_AFFECT', answer: 'yes', otherwiseSameAs: 'OCC_NOW' } }
  )
  t.match(
    instrument.items.find((i) => i.code === 'CTL_WITHOUT'),
    { askedWhen: { item: 'CTL_AFFECT', answer: 'yes', otherwiseSameAs: 'CTL_NOW' } }
  )
  t.match(
    instrument.items.find((i) => i.code === 'COMMENT'),
    { kind: 'text', moderated: true }
  )
  t.same(instrument.respondentTypes, ['person', 'carer', 'proxy'])
  t.same(instrument.modes, ['self', 'interview', 'assisted', 'easy_read'])
  t.equal(instrument.minAnsweredScoredItems, 5)
})

t.test('the shipped default is frozen; createDefaultSchemeDocument gives an editable copy', async (t) => {
  t.ok(Object.isFrozen(DEFAULT_SCHEME.checklist[0]))
  const copy = createDefaultSchemeDocument()
  t.same(copy, DEFAULT_SCHEME)
  copy.thresholds.feedback.gold.qMin = 90
  t.equal(DEFAULT_SCHEME.thresholds.feedback.gold.qMin, 85)
})

t.test('applicability: allOf and anyOf over offering flags', async (t) => {
  const item = (
    allOf: ChecklistItem['appliesWhen']['allOf'],
    anyOf: ChecklistItem['appliesWhen']['anyOf']
  ): ChecklistItem => ({ ...(DEFAULT_SCHEME.checklist[0] as ChecklistItem), appliesWhen: { allOf, anyOf } })
  t.ok(isItemApplicable(item([], []), {}))
  t.ok(isItemApplicable(item(['personalCare'], []), { personalCare: true }))
  t.notOk(isItemApplicable(item(['personalCare', 'medication'], []), { personalCare: true }))
  t.ok(isItemApplicable(item([], ['transport', 'loneWorking']), { loneWorking: true }))
  t.notOk(isItemApplicable(item([], ['transport', 'loneWorking']), { personalCare: true, transport: false }))
  t.equal(listApplicableItems(DEFAULT_SCHEME.checklist, {}).length, 39 - 12)
})
