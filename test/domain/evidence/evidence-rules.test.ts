// Pure evidence rules: what a submission must carry, the expiry it records, which piece speaks for an item.
import t from 'tap'
import { checkEvidenceSubmission, pickItemEvidence } from '../../../src/domain/evidence/evidence-rules.js'
import { DEFAULT_SCHEME } from '../../../src/domain/scheme/index.js'

const item = (code: string) => DEFAULT_SCHEME.checklist.find((i) => i.code === code)!
const flags = {
  personalCare: false,
  medication: false,
  foodPreparation: false,
  transport: false,
  loneWorking: false,
  handlesMoney: false,
  employsStaff: false
}
const codeOf = (r: ReturnType<typeof checkEvidenceSubmission>) => (r.ok ? 'OK' : r.error.code)

t.test('each refusal names its field', async (t) => {
  t.equal(codeOf(checkEvidenceSubmission(item('MEDS'), flags, { kind: 'document' }, false)), 'ITEM_NOT_APPLICABLE')
  t.equal(
    codeOf(checkEvidenceSubmission(item('INS_PL'), flags, { kind: 'declaration', narrative: 'yes' }, false)),
    'EVIDENCE_KIND_NOT_ACCEPTED'
  )
  t.equal(
    codeOf(checkEvidenceSubmission(item('TRADING'), flags, { kind: 'observation', narrative: 'seen' }, false)),
    'OBSERVATION_BY_STAFF_ONLY'
  )
  t.equal(
    codeOf(checkEvidenceSubmission(item('SIZE_DECL'), flags, { kind: 'declaration', narrative: '  ' }, false)),
    'EVIDENCE_TEXT_REQUIRED'
  )
  t.equal(
    codeOf(checkEvidenceSubmission(item('SIZE_DECL'), flags, { kind: 'declaration' }, false)),
    'EVIDENCE_TEXT_REQUIRED',
    'no text at all'
  )
  t.equal(
    codeOf(
      checkEvidenceSubmission(
        item('INS_PL'),
        flags,
        { kind: 'document', issuedOn: '2026-01-01', noExpiry: true },
        false
      )
    ),
    'EXPIRY_WAIVER_NOT_ALLOWED'
  )
  const inverted = checkEvidenceSubmission(
    item('INS_PL'),
    flags,
    { kind: 'document', issuedOn: '2026-03-01', expiresOn: '2026-02-01' },
    false
  )
  t.equal(codeOf(inverted), 'EVIDENCE_DATES_INVERTED')
  t.same(inverted.ok ? [] : inverted.error.errors, [{ path: 'expiresOn', message: 'must not be before issuedOn' }])
  t.equal(codeOf(checkEvidenceSubmission(item('INS_PL'), flags, { kind: 'document' }, false)), 'EVIDENCE_DATE_REQUIRED')
})

t.test('the expiry recorded: given, computed from validity, waived, or none', async (t) => {
  t.same(checkEvidenceSubmission(item('INS_PL'), flags, { kind: 'document', issuedOn: '2026-01-31' }, false), {
    ok: true,
    value: { expiresOn: '2027-01-31', noExpiry: false }
  })
  t.same(checkEvidenceSubmission(item('INS_PL'), flags, { kind: 'document', expiresOn: '2026-06-30' }, false), {
    ok: true,
    value: { expiresOn: '2026-06-30', noExpiry: false }
  })
  t.same(
    checkEvidenceSubmission(
      item('DBS_ENH'),
      flags,
      { kind: 'observation', narrative: 'On the update service', noExpiry: true },
      true
    ),
    { ok: true, value: { expiresOn: null, noExpiry: true } }
  )
  t.same(
    checkEvidenceSubmission(
      item('SIZE_DECL'),
      flags,
      { kind: 'declaration', narrative: 'One FTE, independent' },
      false
    ),
    { ok: true, value: { expiresOn: null, noExpiry: false } }
  )
})

t.test('the piece that speaks for an item', async (t) => {
  const at = (iso: string) => new Date(iso)
  const pieces = [
    { id: 'a', status: 'verified', createdAt: at('2026-01-01'), expiresOn: '2026-06-01', noExpiry: false },
    { id: 'b', status: 'verified', createdAt: at('2026-02-01'), expiresOn: '2027-01-01', noExpiry: false },
    { id: 'c', status: 'submitted', createdAt: at('2026-03-01'), expiresOn: '2028-01-01', noExpiry: false }
  ]
  t.equal(pickItemEvidence(pieces)?.id, 'b', 'the verified piece lasting longest, not the newer one awaiting review')
  t.equal(
    pickItemEvidence([
      ...pieces,
      { id: 'd', status: 'verified', createdAt: at('2025-01-01'), expiresOn: null, noExpiry: true }
    ])?.id,
    'd',
    'no expiry lasts longest'
  )
  const unverified = [
    { id: 'x', status: 'rejected', createdAt: at('2026-03-01'), expiresOn: null, noExpiry: false },
    { id: 'y', status: 'submitted', createdAt: at('2026-03-01'), expiresOn: null, noExpiry: false },
    { id: 'z', status: 'info_requested', createdAt: at('2026-02-01'), expiresOn: null, noExpiry: false }
  ]
  t.equal(pickItemEvidence(unverified)?.id, 'y', 'latest; on a tie the piece awaiting review')
  t.equal(pickItemEvidence([unverified[0]!, { ...unverified[0]!, id: 'w' }])?.id, 'x', 'then by id, whatever the order')
  t.equal(pickItemEvidence([{ ...unverified[0]!, id: 'w' }, unverified[0]!])?.id, 'x')
  t.equal(pickItemEvidence([]), undefined)
})

t.test('evidence is given until the review ends and reviewed only while under review', async (t) => {
  const { AssessmentState } = await import('../../../src/domain/workflow/index.js')
  const { checkEvidenceSubmittable, checkEvidenceReviewable, evidenceLifecycle } =
    await import('../../../src/domain/evidence/evidence-rules.js')
  const open = (check: typeof checkEvidenceSubmittable) => AssessmentState.options.filter((s) => check(s).ok)
  t.same(open(checkEvidenceSubmittable), ['draft', 'submitted', 'under_review', 'info_requested'])
  t.same(open(checkEvidenceReviewable), ['under_review', 'info_requested'])
  const refused = checkEvidenceReviewable('decided')
  t.equal(refused.ok ? '' : refused.error.code, 'ASSESSMENT_TRANSITION_NOT_ALLOWED')
  t.equal(refused.ok ? '' : refused.error.kind, 'conflict')
  t.equal(evidenceLifecycle.transition('submitted', 'verify').ok, true)
  t.equal(
    evidenceLifecycle.transition('verified', 'reject').ok,
    false,
    'a verified piece stays verified: the provider resubmits instead'
  )
})

t.test('between assessments a live mark is kept by renewing what runs out', async (t) => {
  const { AssessmentState, AwardState } = await import('../../../src/domain/workflow/index.js')
  const { acceptsEvidence, checkEvidenceReviewable, checkEvidenceSubmittable, isRenewableItem } =
    await import('../../../src/domain/evidence/evidence-rules.js')
  const insurance = { validityMonths: 12 }
  const policy = { validityMonths: null }
  t.equal(isRenewableItem(insurance), true)
  t.equal(isRenewableItem(policy), false, 'a policy is not renewed between assessments')
  const live = AwardState.options.filter(
    (s) => checkEvidenceSubmittable('decided', { awardState: s, item: insurance }).ok)
  t.same(live, ['active', 'renewal_due', 'suspended'], 'only behind a live mark')
  t.same(AwardState.options.filter((s) => checkEvidenceReviewable('decided', { awardState: s }).ok), live)
  t.same(AwardState.options.filter((s) => acceptsEvidence('decided', { awardState: s })), live)
  t.equal(checkEvidenceSubmittable('decided', { awardState: 'active', item: policy }).ok, false,
    'an item without a validity period waits for the next assessment')
  t.equal(checkEvidenceSubmittable('decided', { awardState: null, item: insurance }).ok, false, 'no award: no mark')
  t.equal(checkEvidenceSubmittable('decided').ok, false)
  t.equal(acceptsEvidence('decided'), false)
  t.equal(checkEvidenceReviewable('decided', { awardState: null }).ok, false)
  const others = AssessmentState.options.filter((s) => s !== 'decided')
  t.same(others.filter((s) => checkEvidenceSubmittable(s, { awardState: 'active', item: policy }).ok),
    ['draft', 'submitted', 'under_review', 'info_requested'], 'an open assessment takes any item, as before')
  t.same(others.filter((s) => acceptsEvidence(s)), ['draft', 'submitted', 'under_review', 'info_requested'])
  t.same(others.filter((s) => checkEvidenceReviewable(s, { awardState: 'active' }).ok),
    ['under_review', 'info_requested'], 'a live mark does not open a withdrawn or proposed assessment')
})
