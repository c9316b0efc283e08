// Evidence through the API: declarations and files, expiry from the item's validity and the DBS waiver, review with
// notes and resubmission, content-checked types (415), size limits (413), and private downloads.
import { createHash } from 'node:crypto'
import t from 'tap'
import { eq } from 'drizzle-orm'
import { evidenceFiles } from '../../src/db/schema/index.js'
import { buildTestApp } from '../helpers/app.js'
import { assessmentDriver, multipartBody, tinyPdf } from '../helpers/assessments.js'

const h = await buildTestApp(t)
const [north, south] = h.councils
const d = assessmentDriver(h)
const staff = north.coordinator.token
const limit = h.app.deps.config.UPLOAD_LIMIT_BYTES

const p = await h.addProvider(north)
const other = await h.addProvider(north, { name: 'Other Provider' })
const id = await d.openUnderReview(p.token, staff)
const base = `/api/v1/assessments/${id}`

async function upload (
  evidenceId: string,
  files: Array<{ name: string; type: string; content: Buffer }>,
  token = p.token
) {
  const body = multipartBody(files)
  return await h.app.inject({
    method: 'POST',
    url: `${base}/evidence/${evidenceId}/files`,
    headers: { ...h.auth(token), 'content-type': body.contentType },
    payload: body.payload
  })
}
const documentFor = async (itemCode: string, extra: object = { issuedOn: '2026-01-10' }) =>
  (await d.post(p.token, `${base}/evidence`, { itemCode, kind: 'document', ...extra })).json().id as string
const itemOf = async (code: string, token = p.token) =>
  (await h.app.inject({ url: base, headers: h.auth(token) }))
    .json()
    .checklist.find((i: { code: string }) => i.code === code)

t.test('a download is named for what the content is, not what the uploader called it', async (t) => {
  const evidenceId = await documentFor('SG_POLICY', {})
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489' +
      '0000000d4944415478da63f8cfc0f01f0005000201a0d5b1a30000000049454e44ae426082',
    'hex'
  )
  const res = await upload(evidenceId, [
    { name: 'report.html', type: 'text/html', content: tinyPdf() },
    { name: 'certificate.bat', type: 'application/octet-stream', content: tinyPdf() },
    { name: 'certificate.pdf', type: 'application/pdf', content: png }
  ])
  t.equal(res.statusCode, 201, res.body)
  const names: string[] = []
  for (const file of res.json().items) {
    const dl = await h.app.inject({ url: `${base}/evidence/${evidenceId}/files/${file.id}`, headers: h.auth(staff) })
    t.equal(dl.statusCode, 200)
    names.push(/filename="?([^"]+)"?$/.exec(dl.headers['content-disposition'] as string)![1]!)
  }
  t.same(names.sort(), ['certificate.pdf', 'certificate.png', 'report.pdf'])
})

t.test("a document with a PDF: type from content, SHA-256 kept, expiry from the item's validity", async (t) => {
  const evidenceId = await documentFor('INS_PL')
  const pdf = tinyPdf()
  const res = await upload(evidenceId, [{ name: 'insurance.pdf', type: 'application/octet-stream', content: pdf }])
  t.equal(res.statusCode, 201, res.body)
  const [file] = res.json().items
  t.match(file, {
    filename: 'insurance.pdf',
    mediaType: 'application/pdf',
    sizeBytes: pdf.length,
    sha256: createHash('sha256').update(pdf).digest('hex')
  })
  const item = await itemOf('INS_PL')
  t.equal(item.status, 'submitted')
  t.equal(item.evidence[0].expiresOn, '2027-01-10', 'issued 10 January, valid 12 months')

  for (const token of [p.token, staff]) {
    const dl = await h.app.inject({ url: `${base}/evidence/${evidenceId}/files/${file.id}`, headers: h.auth(token) })
    t.equal(dl.statusCode, 200)
    t.same(dl.rawPayload, pdf, 'the bytes as uploaded')
    t.equal(dl.headers['content-type'], 'application/pdf')
    t.match(dl.headers['content-disposition'], /^attachment; filename="?insurance\.pdf"?$/)
    t.equal(dl.headers['x-content-type-options'], 'nosniff')
    t.match(dl.headers['cache-control'], /no-store/)
  }
  for (const token of [other.token, south.coordinator.token]) {
    t.equal(
      (await h.app.inject({ url: `${base}/evidence/${evidenceId}/files/${file.id}`, headers: h.auth(token) }))
        .statusCode,
      404,
      'nobody else reaches the file'
    )
  }
  t.equal(
    (await h.app.inject({ url: `${base}/evidence/${evidenceId}/files/${file.id}` })).statusCode,
    401,
    'never public'
  )
  t.equal(
    (await upload(evidenceId, [{ name: 'x.pdf', type: 'application/pdf', content: pdf }], other.token)).statusCode,
    404,
    "B cannot attach to A's evidence"
  )
})

t.test('a file declared as PDF whose content is not an allowed type is a 415, and nothing is stored', async (t) => {
  const evidenceId = await documentFor('INS_PI')
  for (const content of [
    Buffer.from('just some text pretending'),
    Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'),
    Buffer.from('<html><script>alert(1)</script></html>')
  ]) {
    const res = await upload(evidenceId, [{ name: 'policy.pdf', type: 'application/pdf', content }])
    t.equal(res.statusCode, 415, res.body)
    t.equal(res.json().code, 'FILE_TYPE_NOT_ALLOWED')
  }
  const mixed = await upload(evidenceId, [
    { name: 'ok.pdf', type: 'application/pdf', content: tinyPdf() },
    { name: 'bad.pdf', type: 'application/pdf', content: Buffer.from('nope') }
  ])
  t.equal(mixed.statusCode, 415, 'one bad file refuses the whole request')
  t.equal((await h.db.db.select().from(evidenceFiles).where(eq(evidenceFiles.evidenceId, evidenceId))).length, 0)
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
  t.equal(
    (await upload(evidenceId, [{ name: 'photo.png', type: 'text/plain', content: png }])).json().items[0].mediaType,
    'image/png',
    'a PNG is a PNG whatever was declared'
  )
})

t.test('a file over the limit is a 413; so are files that together exceed it', async (t) => {
  const evidenceId = await documentFor('FIRST_AID')
  const big = Buffer.concat([tinyPdf(), Buffer.alloc(limit)])
  const one = await upload(evidenceId, [{ name: 'big.pdf', type: 'application/pdf', content: big }])
  t.equal(one.statusCode, 413, one.body)
  const part = Buffer.concat([tinyPdf(), Buffer.alloc(Math.ceil(limit * 0.6))])
  const two = await upload(evidenceId, [
    { name: 'a.pdf', type: 'application/pdf', content: part },
    { name: 'b.pdf', type: 'application/pdf', content: part }
  ])
  t.equal(two.statusCode, 413, two.body)
  t.equal((await h.db.db.select().from(evidenceFiles).where(eq(evidenceFiles.evidenceId, evidenceId))).length, 0)
  const json = await h.app.inject({
    method: 'POST',
    url: `${base}/evidence/${evidenceId}/files`,
    headers: h.auth(p.token),
    payload: { file: 'x' }
  })
  t.equal(json.statusCode, 415, 'files come as multipart only')
})

t.test('what evidence must carry', async (t) => {
  const bad = async (payload: object, token = p.token) => (await d.post(token, `${base}/evidence`, payload)).json().code
  t.equal(
    await bad({ itemCode: 'CQC_REG', kind: 'document' }),
    'ITEM_NOT_APPLICABLE',
    'no personal care → CQC registration does not apply'
  )
  t.equal(await bad({ itemCode: 'NOPE', kind: 'declaration', narrative: 'x' }), 'ITEM_UNKNOWN')
  t.equal(
    await bad({ itemCode: 'INS_PL', kind: 'declaration', narrative: 'I am insured' }),
    'EVIDENCE_KIND_NOT_ACCEPTED'
  )
  t.equal(
    await bad({ itemCode: 'INS_PL', kind: 'document' }),
    'EVIDENCE_DATE_REQUIRED',
    'an expiring item needs a date'
  )
  t.equal(
    await bad({ itemCode: 'INS_PL', kind: 'document', noExpiry: true, issuedOn: '2026-01-01' }),
    'EXPIRY_WAIVER_NOT_ALLOWED'
  )
  t.equal(await bad({ itemCode: 'TRADING', kind: 'observation', narrative: 'Seen' }), 'OBSERVATION_BY_STAFF_ONLY')
  t.equal(await bad({ itemCode: 'SIZE_DECL', kind: 'declaration' }), 'EVIDENCE_TEXT_REQUIRED')
  const dbs = await d.post(p.token, `${base}/evidence`, {
    itemCode: 'DBS_ENH',
    kind: 'document',
    issuedOn: '2020-05-01',
    noExpiry: true
  })
  t.equal(dbs.statusCode, 201, dbs.body)
  t.equal(dbs.json().expiresOn, null, 'DBS on the update service does not expire')
  const observed = await d.post(staff, `${base}/evidence`, {
    itemCode: 'TRADING',
    kind: 'observation',
    narrative: 'Saw HMRC letter on visit'
  })
  t.equal(observed.statusCode, 201, 'a co-ordinator records an observation')
})

t.test('review: reject, query and verify with notes the provider sees; resubmission', async (t) => {
  const first = (
    await d.post(p.token, `${base}/evidence`, {
      itemCode: 'CONTINUITY',
      kind: 'narrative',
      narrative: 'We would manage'
    })
  ).json().id
  t.equal((await d.post(p.token, `${base}/evidence/${first}/verify`)).statusCode, 403, 'a provider cannot verify')
  t.equal((await d.post(staff, `${base}/evidence/${first}/reject`, {})).statusCode, 400, 'a rejection needs a note')
  const rejected = await d.post(staff, `${base}/evidence/${first}/reject`, { note: 'Say who covers when you are ill' })
  t.equal(rejected.statusCode, 200, rejected.body)
  let item = await itemOf('CONTINUITY')
  t.match(item, { status: 'rejected', note: 'Say who covers when you are ill' })
  t.equal(
    (await d.post(staff, `${base}/evidence/${first}/verify`)).json().code,
    'EVIDENCE_TRANSITION_NOT_ALLOWED',
    'a rejected piece stays rejected'
  )
  h.clock.set('2026-03-02T10:05:00Z') // the provider answers a few minutes later
  const second = (
    await d.post(p.token, `${base}/evidence`, {
      itemCode: 'CONTINUITY',
      kind: 'narrative',
      narrative: 'Jo covers when I am ill'
    })
  ).json().id
  t.equal((await itemOf('CONTINUITY')).status, 'submitted', 'the resubmission is what counts now')
  t.equal(
    (await d.post(staff, `${base}/evidence/${second}/request-info`, { note: 'Is Jo DBS-checked?' })).json().status,
    'info_requested'
  )
  t.equal((await itemOf('CONTINUITY')).note, 'Is Jo DBS-checked?')
  t.equal((await d.post(staff, `${base}/evidence/${second}/verify`, { note: 'Fine' })).json().status, 'verified')
  item = await itemOf('CONTINUITY', staff)
  t.match(item, { status: 'verified', note: 'Fine' })
  t.equal(item.evidence.length, 2, 'history kept')

  const sgTrain = await documentFor('SG_TRAIN')
  t.equal((await d.post(staff, `${base}/evidence/${sgTrain}/verify`)).json().code, 'EVIDENCE_HAS_NO_FILES')
  t.equal(
    (await d.post(south.coordinator.token, `${base}/evidence/${second}/reject`, { note: 'x' })).statusCode,
    404,
    'another council cannot review'
  )

  const audit = await h.app.inject({
    url: `/api/v1/audit?entityType=evidence&entityId=${second}`,
    headers: h.auth(staff)
  })
  t.same(
    audit.json().items.map((e: { action: string }) => e.action),
    ['submit', 'request_info', 'verify']
  )
})

t.test('evidence is given while the assessment is open and reviewed only under review', async (t) => {
  const q = await h.addProvider(north, { name: 'Draft Stage Care' })
  const draft = (await d.post(q.token, '/api/v1/assessments', {})).json().id
  const piece = (
    await d.post(q.token, `/api/v1/assessments/${draft}/evidence`, {
      itemCode: 'SIZE_DECL',
      kind: 'declaration',
      narrative: 'One person, independent'
    })
  ).json()
  t.equal(piece.status, 'submitted', 'evidence can be given in draft')
  const early = await d.post(staff, `/api/v1/assessments/${draft}/evidence/${piece.id}/verify`)
  t.equal(early.statusCode, 409)
  t.match(early.json().detail, /review_evidence.*draft/)
  await d.post(q.token, `/api/v1/assessments/${draft}/withdraw`, { note: 'not now' })
  const late = await d.post(q.token, `/api/v1/assessments/${draft}/evidence`, {
    itemCode: 'CCJ_DECL',
    kind: 'declaration',
    narrative: 'None'
  })
  t.equal(late.statusCode, 409)
})
