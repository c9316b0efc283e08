// The co-ordinator's assessment review through the pages (README: Reviewing an assessment and deciding): the
// checklist with why each item applies, evidence files served so they never run, verify / reject / request
// information with notes the provider receives, the live score and its what-if, the version check, and another
// council's co-ordinator who sees nothing.
import { and, eq } from 'drizzle-orm'
import t from 'tap'
import { auditEvents, evidence, notificationMessages } from '../../src/db/schema/index.js'
import { runJobs } from '../../src/use-cases/jobs/run-jobs.js'
import { buildTestApp } from '../helpers/app.js'
import { assessmentDriver, multipartBody, tinyPdf } from '../helpers/assessments.js'
import { browserClient, csrfOf, setEmail, signInByEmail } from '../helpers/sign-in.js'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64'
)

const h = await buildTestApp(t)
const [north, south] = h.councils
const staff = north.coordinator.token
const d = assessmentDriver(h)
const p = await h.addProvider(north, { name: 'Bright Days' })
await setEmail(h, p.userId, 'owner@bright.example')
await setEmail(h, north.coordinator.id, 'co@northshire.example')
await setEmail(h, south.coordinator.id, 'co@southshire.example')
const id = await d.openUnderReview(p.token, staff)
const page = `/manage/assessments/${id}`
const today = h.clock.now.toISOString().slice(0, 10)

/** A document piece with one uploaded file; returns the piece's id. */
async function documentWith (itemCode: string, file: { name: string; type: string; content: Buffer }) {
  const given = { itemCode, kind: 'document', issuedOn: today }
  const res = await d.post(p.token, `/api/v1/assessments/${id}/evidence`, given)
  const evidenceId = res.json().id as string
  const body = multipartBody([file])
  const up = await h.app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${id}/evidence/${evidenceId}/files`,
    headers: { ...h.auth(p.token), 'content-type': body.contentType },
    payload: body.payload
  })
  if (up.statusCode !== 201) throw new Error(up.body)
  return { evidenceId, fileId: up.json().items[0].id as string }
}
const insurance = await documentWith('INS_PL', { name: 'insurance.pdf', type: 'application/pdf', content: tinyPdf() })
const risk = await documentWith('HS_RISK', { name: 'risk.png', type: 'image/png', content: PNG })
const declaration = (await d.post(p.token, `/api/v1/assessments/${id}/evidence`, {
  itemCode: 'SIZE_DECL',
  kind: 'declaration',
  narrative: 'We are a micro-enterprise'
})).json().id as string

const co = browserClient(h)
await signInByEmail(h, co, 'co@northshire.example')
const versionOf = (body: string, action: string) => {
  const form = body.slice(body.indexOf(`action="${action}"`))
  return /name="version" value="(\d+)"/.exec(form)![1]!
}

t.test('list and review page: checklist by category, why items apply, the live score and its reasons', async (t) => {
  const list = await co.get('/manage/assessments?state=under_review')
  t.equal(list.statusCode, 200)
  t.match(list.body, new RegExp(`href="${page}">Bright Days<`))
  const none = await co.get('/manage/assessments?state=decided')
  t.notMatch(none.body, /Bright Days/, 'filtered by state')
  t.equal((await co.get('/manage/assessments?state=nonsense')).statusCode, 400, 'a bad filter is a 400 page')

  const review = await co.get(page)
  t.equal(review.statusCode, 200)
  t.match(review.body, /<h3 class="govuk-heading-m">Insurance<\/h3>/, 'grouped by category')
  t.match(review.body, /SIZE_DECL: [^<]+<\/h4>[\s\S]*?Applies to every provider/)
  t.match(review.body, /LONE_WORK[\s\S]*?Applies because the provider&#39;s offering includes lone working/)
  t.match(review.body, /CQC_REG[\s\S]*?Does not apply: it needs personal care/)
  t.match(review.body, /govuk-tag--blue">To review</, 'given evidence waits for review')
  t.match(review.body, /INS_PL: [\s\S]*?Bronze: needed for bronze; a limiter[\s\S]*?Document given \d{4}-/,
    'the tier and the evidence in the scheme pages\' words')
  t.match(review.body, /SIZE_DECL: [\s\S]*?Declaration given \d{4}-/)
  t.match(review.body, /Live score/)
  t.match(review.body, /No level/)
  t.match(review.body, /<li>INS_PL not verified<\/li>/, 'the engine\'s reasons, in its words')
  t.match(review.body, /<li>n 0 &lt; \d+<\/li>/)
})

t.test('the review page leads to the assessment’s feedback pages, where its sample comes from', async (t) => {
  const review = await co.get(page)
  t.match(review.body, /n 0 &lt; 2|n 0 < 2/, 'the score says feedback is missing')
  t.match(review.body, `href="/manage/feedback/${id}">Feedback for this assessment</a>`)
  t.equal((await co.get(`/manage/feedback/${id}`)).statusCode, 200)
})

t.test('an evidence file is served so it never runs: attachment, or an image inline under a sandbox', async (t) => {
  const base = `${page}/evidence/${insurance.evidenceId}`
  const piece = await co.get(base)
  t.equal(piece.statusCode, 200)
  t.match(piece.body, /Download insurance\.pdf/)
  t.match(piece.body, /Kind\s*<\/dt>\s*<dd[^>]*>\s*Document\s*</)
  const pdf = await co.get(`${base}/files/${insurance.fileId}`)
  t.equal(pdf.statusCode, 200)
  t.equal(pdf.headers['content-type'], 'application/pdf')
  t.match(String(pdf.headers['content-disposition']), /^attachment; filename="?insurance\.pdf"?$/)
  t.equal(pdf.headers['x-content-type-options'], 'nosniff')
  t.match(String(pdf.headers['content-security-policy']), /default-src 'none'.*sandbox/)
  t.match(String(pdf.headers['cache-control']), /no-store/)

  const imageBase = `${page}/evidence/${risk.evidenceId}`
  const imagePage = await co.get(imageBase)
  t.match(imagePage.body, new RegExp(`<img class="app-evidence-image[^>]+src="${imageBase}/files/${risk.fileId}"`))
  const image = await co.get(`${imageBase}/files/${risk.fileId}`)
  t.equal(image.headers['content-type'], 'image/png')
  t.match(String(image.headers['content-disposition']), /^inline/)
  t.match(String(image.headers['content-security-policy']), /sandbox/)
  const download = await co.get(`${imageBase}/files/${risk.fileId}?download=1`)
  t.match(String(download.headers['content-disposition']), /^attachment/)
})

t.test('verify: the live score loses its reason; a stale form says someone else changed it', async (t) => {
  const base = `${page}/evidence/${insurance.evidenceId}`
  const form = await co.get(base)
  const version = versionOf(form.body, base)
  const csrf = csrfOf(form.body)
  const done = await co.post(base, { _csrf: csrf, version, action: 'verify', note: '' })
  t.equal(done.statusCode, 303)
  t.equal(done.headers.location, `${page}?done=verified`)
  const after = await co.get(String(done.headers.location))
  t.match(after.body, /The evidence is verified\./)
  t.notMatch(after.body, /INS_PL not verified/, 'the live score changed')
  const [row] = await h.db.db.select().from(evidence).where(eq(evidence.id, insurance.evidenceId))
  t.equal(row!.status, 'verified')
  const [audit] = await h.db.db.select().from(auditEvents)
    .where(and(eq(auditEvents.entityId, insurance.evidenceId), eq(auditEvents.action, 'verify')))
  t.equal(audit!.actorUserId, north.coordinator.id, 'audited as the signed-in co-ordinator')

  const stale = await co.post(`${page}/evidence/${declaration}`, { _csrf: csrf, version: '7', action: 'verify' })
  t.equal(stale.statusCode, 409)
  t.match(stale.body, /Someone else changed this/)
  const [untouched] = await h.db.db.select().from(evidence).where(eq(evidence.id, declaration))
  t.equal(untouched!.status, 'submitted', 'nothing was written')
})

t.test('reject needs a note (kept with the choice on error); the provider is told', async (t) => {
  const base = `${page}/evidence/${risk.evidenceId}`
  const form = await co.get(base)
  const fields = { _csrf: csrfOf(form.body), version: versionOf(form.body, base), action: 'reject' }
  const missing = await co.post(base, { ...fields, note: '  ' })
  t.equal(missing.statusCode, 400)
  t.match(missing.body, /govuk-error-summary/)
  t.match(missing.body, /href="#note">Enter a note telling the provider why the evidence is rejected/)
  t.match(missing.body, /value="reject" checked/, 'the choice is kept')
  t.match(missing.body, /<title>Error: /)
  const noChoice = await co.post(base, { ...fields, action: '', note: 'Blurred' })
  t.match(noChoice.body, /Select what you want to do with this evidence/)
  t.match(noChoice.body, />Blurred<\/textarea>/, 'the note is kept')

  const done = await co.post(base, { ...fields, note: 'The photo is blurred; send a scan' })
  t.equal(done.statusCode, 303)
  const [row] = await h.db.db.select().from(evidence).where(eq(evidence.id, risk.evidenceId))
  t.equal(row!.status, 'rejected')
  t.equal(row!.reviewerNote, 'The photo is blurred; send a scan')
  const review = await co.get(page)
  t.match(review.body, /govuk-tag--red">Rejected</)
})

t.test('an assessment-level request for information reaches the provider by email', async (t) => {
  const form = await co.get(`${page}/request-info`)
  t.equal(form.statusCode, 200)
  const fields = { _csrf: csrfOf(form.body), version: versionOf(form.body, `${page}/request-info`) }
  const empty = await co.post(`${page}/request-info`, { ...fields, note: '' })
  t.equal(empty.statusCode, 400)
  t.match(empty.body, /Enter what you need the provider to tell you/)
  const sent = await co.post(`${page}/request-info`, { ...fields, note: 'Which days do you work?' })
  t.equal(sent.statusCode, 303)
  const review = await co.get(String(sent.headers.location))
  t.match(review.body, /Your request for information has been sent to the provider\./)
  t.match(review.body, /govuk-tag--yellow">Information requested</)
  t.match(review.body, /Which days do you work\?/)
  await runJobs(h.app.deps)
  const mail = await h.db.db.select().from(notificationMessages)
    .where(eq(notificationMessages.recipientUserId, p.userId))
  t.ok(mail.some((m) => m.kind === 'information_requested' && m.body.includes('Which days do you work?')),
    'the note is in the message to the provider')
})

t.test('what-if: the level if chosen items were verified', async (t) => {
  const res = await co.get(`${page}?whatif=SIZE_DECL&whatif=NOT_AN_ITEM`)
  t.equal(res.statusCode, 200)
  t.match(res.body, /If SIZE_DECL were verified, the level would be/)
  t.match(res.body, /value="SIZE_DECL" checked/)
})

t.test("another council's co-ordinator finds nothing; a provider is sent to its own pages", async (t) => {
  const other = browserClient(h)
  await signInByEmail(h, other, 'co@southshire.example')
  t.equal((await other.get(page)).statusCode, 404)
  t.equal((await other.get(`${page}/evidence/${insurance.evidenceId}`)).statusCode, 404)
  t.equal((await other.get(`${page}/evidence/${insurance.evidenceId}/files/${insurance.fileId}`)).statusCode, 404)
  const list = await other.get('/manage/assessments')
  t.notMatch(list.body, /Bright Days/)
  const csrf = csrfOf((await other.get('/account')).body)
  const post = await other.post(`${page}/evidence/${declaration}`, { _csrf: csrf, version: '1', action: 'verify' })
  t.equal(post.statusCode, 404)
  t.notMatch(post.body, /Bright Days/)

  const provider = browserClient(h)
  await signInByEmail(h, provider, 'owner@bright.example')
  t.equal((await provider.get(page)).statusCode, 403)
  t.equal((await browserClient(h).get(page)).statusCode, 303, 'signed out: to sign-in')
})
