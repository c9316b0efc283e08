// "Met" = verified and not expired at the decision date; an expiry date is the last valid day (src/domain/README.md:
// scoring).
import t from 'tap'
import { DEFAULT_SCHEME, type ChecklistItem } from '../../../src/domain/scheme/index.js'
import { computeEvidenceExpiry, judgeEvidence, type EvidenceState } from '../../../src/domain/scoring/index.js'

const item = (code: string): ChecklistItem => {
  const found = DEFAULT_SCHEME.checklist.find((i) => i.code === code)
  if (found === undefined) throw new Error(code)
  return found
}

const cases: Array<[string, string, EvidenceState | undefined, boolean, string]> = [
  ['no evidence at all', 'SG_POLICY', undefined, false, 'no evidence'],
  ['evidence marked missing', 'SG_POLICY', { status: 'missing' }, false, 'no evidence'],
  ['submitted, not yet verified', 'SG_POLICY', { status: 'submitted' }, false, 'not verified'],
  ['information requested', 'SG_POLICY', { status: 'info_requested' }, false, 'not verified'],
  ['rejected', 'SG_POLICY', { status: 'rejected' }, false, 'evidence rejected'],
  ['verified, item never expires', 'SG_POLICY', { status: 'verified' }, true, 'met'],
  [
    'verified after the decision date',
    'SG_POLICY',
    { status: 'verified', verifiedAt: '2026-03-16T09:00:00Z' },
    false,
    'not verified by 2026-03-15'
  ],
  [
    'verified on the decision date',
    'SG_POLICY',
    { status: 'verified', verifiedAt: '2026-03-15T23:00:00Z' },
    true,
    'met'
  ],
  [
    'non-expiring item ignores an old expiry date',
    'SG_POLICY',
    { status: 'verified', expiresOn: '2020-01-01' },
    true,
    'met'
  ],
  [
    'expires ON the decision date: still valid that day',
    'INS_PL',
    { status: 'verified', expiresOn: '2026-03-15' },
    true,
    'met'
  ],
  ['expired the day before', 'INS_PL', { status: 'verified', expiresOn: '2026-03-14' }, false, 'expired on 2026-03-14'],
  ['expiring item without dates', 'INS_PL', { status: 'verified' }, false, 'no issue or expiry date recorded'],
  [
    'issue date + 12 months reaches the decision date',
    'INS_PL',
    { status: 'verified', issuedOn: '2025-03-15' },
    true,
    'met'
  ],
  [
    'issue date + 12 months is before it',
    'INS_PL',
    { status: 'verified', issuedOn: '2025-03-14' },
    false,
    'expired on 2026-03-14'
  ],
  ['DBS issued 3 years ago to the day', 'DBS_ENH', { status: 'verified', issuedOn: '2023-03-15' }, true, 'met'],
  ['DBS older than 3 years', 'DBS_ENH', { status: 'verified', issuedOn: '2023-03-14' }, false, 'expired on 2026-03-14'],
  [
    'DBS on the update service never expires',
    'DBS_ENH',
    { status: 'verified', issuedOn: '2015-01-01', noExpiry: true },
    true,
    'met'
  ],
  [
    'noExpiry is ignored without a waiver',
    'INS_PL',
    { status: 'verified', issuedOn: '2015-01-01', noExpiry: true },
    false,
    'expired on 2016-01-01'
  ]
]

for (const [name, code, evidence, met, reason] of cases) {
  t.test(name, async (t) => {
    const judgement = judgeEvidence(item(code), evidence, '2026-03-15')
    t.equal(judgement.met, met)
    t.equal(judgement.reason, reason)
  })
}

t.test("the evidence's own expiry date wins over issue date + validity", async (t) => {
  t.equal(computeEvidenceExpiry(item('INS_PL'), { issuedOn: '2025-01-01', expiresOn: '2025-06-30' }), '2025-06-30')
  t.equal(computeEvidenceExpiry(item('INS_PL'), { issuedOn: '2025-01-01' }), '2026-01-01')
})

t.test('month arithmetic clamps to the end of the month', async (t) => {
  t.equal(computeEvidenceExpiry({ validityMonths: 1, expiryWaivedBy: null }, { issuedOn: '2024-01-31' }), '2024-02-29')
  t.equal(computeEvidenceExpiry({ validityMonths: 36, expiryWaivedBy: null }, { issuedOn: '2024-02-29' }), '2027-02-28')
})

t.test('expiry is unknown without dates and null when the item does not expire', async (t) => {
  t.equal(computeEvidenceExpiry(item('INS_PL'), {}), undefined)
  t.equal(computeEvidenceExpiry(item('SG_POLICY'), { expiresOn: '2020-01-01' }), null)
})
