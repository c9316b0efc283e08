// The co-ordinator's feedback pages (README: Feedback letters and interviews) through the pages, signed in by email:
// letters as a PDF with one page per link whose QR code decodes to the link written on it, interview entry, the
// moderation queue, the results (never under 3), and another council's assessment not found.
import t from 'tap'
import { concerns, feedbackInvitations, feedbackResponses } from '../../src/db/schema/index.js'
import { buildTestApp } from '../helpers/app.js'
import { addAssessment, bestAnswers, pathOf } from '../helpers/feedback.js'
import { readPdf } from '../helpers/pdf.js'
import { browserClient, csrfOf, setEmail, signInByEmail } from '../helpers/sign-in.js'

const h = await buildTestApp(t, { env: { SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: '100' } })
const [north, south] = h.councils
const provider = await h.addProvider(north)
const assessmentId = await addAssessment(h, north, provider.id)
const base = `/manage/feedback/${assessmentId}`
await setEmail(h, north.coordinator.id, 'co@northshire.example')
await setEmail(h, south.coordinator.id, 'co@southshire.example')
const co = browserClient(h)
await signInByEmail(h, co, 'co@northshire.example')

const pdfPost = async (form: Record<string, string>) => {
  const page = await co.get(`${base}/letters`)
  return await co.post(`${base}/letters`, { _csrf: csrfOf(page.body), ...form })
}

t.test('the feedback pages list the assessment and what can be done with it', async (t) => {
  const index = await co.get('/manage/feedback')
  t.equal(index.statusCode, 200)
  t.match(index.body, `href="${base}"`)
  t.match(index.body, /Ann&#39;s Home Help/)
  t.match(index.body, /aria-current="page"[^>]*>\s*Feedback|Feedback/)
  const page = await co.get(base)
  t.equal(page.statusCode, 200)
  for (const task of ['letters', 'interview', 'comments', 'results']) t.match(page.body, `href="${base}/${task}"`)
  t.match(page.body, `href="/manage/assessments/${assessmentId}">The assessment’s review and live score</a>`,
    'and the way back to the review whose live score counts the responses')
})

t.test('letters: one page per link, the link written out, and a QR code that decodes to it', async (t) => {
  const res = await pdfPost({ count: '3', respondentType: 'carer', wording: 'easy_read', expiresInDays: '28' })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/pdf')
  t.match(res.headers['content-disposition'], /^attachment; filename="?feedback-letters-2026-03-02\.pdf"?$/)
  t.equal(res.headers['cache-control'], 'private, no-store')
  const pages = readPdf(res.rawPayload)
  t.equal(pages.length, 3, 'one page per letter')
  const links = new Set<string>()
  const linkShape = new RegExp(`^${h.app.deps.config.publicBaseUrl}/feedback/qmf_[\\w-]{43}$`)
  for (const page of pages) {
    t.equal(page.qrCodes.length, 1, 'one QR code on each page')
    const decoded = page.qrCodes[0]
    t.ok(linkShape.test(decoded ?? ''), `the QR code decodes to a feedback link: ${decoded}`)
    t.ok(page.text.replace(/\s+/g, '').includes(decoded ?? 'no code'), 'the same link is written on the page')
    t.match(page.text, /Tell us about your support/, 'easy-read wording')
    t.match(page.text, /It stops working on 30 March 2026/)
    links.add(decoded ?? '')
  }
  t.equal(links.size, 3, 'each letter has its own link')
  const opened = await co.get(pathOf([...links][0]!))
  t.equal(opened.statusCode, 200, 'the printed link opens the form')
  t.match(opened.body, /app-easy-read/, 'an easy-read letter opens the easy-read form')
  const rows = await h.db.db.select().from(feedbackInvitations)
  t.equal(rows.length, 3)
  t.ok(rows.every((r) => r.respondentType === 'carer' && r.mode === 'easy_read'))

  const plain = readPdf((await pdfPost({ count: '1', respondentType: 'person', wording: 'plain', expiresInDays: '7' }))
    .rawPayload)
  t.equal(plain.length, 1)
  t.match(plain[0]!.text, /Tell us what you think of Ann's Home Help/, 'plain wording')
})

t.test('letters: a bad form comes back with the error summary, the input kept and no link made', async (t) => {
  const before = (await h.db.db.select().from(feedbackInvitations)).length
  const res = await pdfPost({ count: '0', respondentType: 'nobody', wording: 'easy_read', expiresInDays: 'soon' })
  t.equal(res.statusCode, 400)
  t.match(res.headers['content-type'], /text\/html/)
  t.match(res.body, /<title>Error: /)
  for (const id of ['count', 'respondentType', 'expiresInDays']) t.match(res.body, `href="#${id}"`)
  t.notMatch(res.body, 'href="#wording"')
  t.match(res.body, /name="count" type="text" value="0"|value="0"/)
  t.match(res.body, /value="soon"/)
  t.match(res.body, /value="easy_read" checked/)
  t.equal((await h.db.db.select().from(feedbackInvitations)).length, before, 'nothing written')
  const noToken = await co.post(`${base}/letters`, { count: '1', respondentType: 'person', wording: 'plain' })
  t.equal(noToken.statusCode, 403, 'a post without the form token is refused')
  t.equal((await h.db.db.select().from(feedbackInvitations)).length, before)
})

const interview = async (form: Record<string, string>) => {
  const page = await co.get(`${base}/interview`)
  t.equal(page.statusCode, 200)
  return await co.post(`${base}/interview`, { _csrf: csrfOf(page.body), ...form })
}
const today = { 'receivedOn-day': '2', 'receivedOn-month': '3', 'receivedOn-year': '2026' }

t.test('interview entry: problems shown with every answer kept, nothing written', async (t) => {
  const page = await co.get(`${base}/interview`)
  t.match(page.body, /Question 1/, 'the public form’s questions')
  t.match(page.body, /name="OCC_NOW"/)
  const res = await interview({
    mode: 'interview',
    'receivedOn-day': '31',
    'receivedOn-month': '2',
    'receivedOn-year': '2026',
    SAFE: 'as_safe_as_i_want',
    RELIABLE: 'whenever',
    COMMENT: 'Kind and on time'
  })
  t.equal(res.statusCode, 400)
  t.match(res.body, 'href="#respondentType"')
  t.match(res.body, 'href="#receivedOn-day"')
  t.match(res.body, /must be a real date/)
  t.match(res.body, /Select one of the answers shown for question \d+/)
  t.match(res.body, /value="as_safe_as_i_want" checked/, 'a good answer is kept')
  t.match(res.body, /Kind and on time<\/textarea>/, 'the comment is kept')
  const tomorrow = { ...today, 'receivedOn-day': '3' }
  const person = { respondentType: 'person', mode: 'interview' }
  const future = await interview({ ...person, ...tomorrow, SAFE: 'as_safe_as_i_want' })
  t.equal(future.statusCode, 400)
  t.match(future.body, /must be today or in the past/)
  const none = await interview({ respondentType: 'person', mode: 'interview', ...today })
  t.equal(none.statusCode, 400)
  t.match(none.body, /Enter at least one answer/)
  t.equal((await h.db.db.select().from(feedbackResponses)).length, 0)
})

t.test('interviews show up in the results once there are 3; comments are moderated', async (t) => {
  const results = await co.get(`${base}/results`)
  t.equal(results.statusCode, 200)
  t.match(results.body, /fewer than 3 responses/)
  for (let i = 0; i < 3; i++) {
    const res = await interview({
      respondentType: 'person',
      mode: i === 0 ? 'assisted' : 'interview',
      ...today,
      ...bestAnswers(),
      ...(i === 0 ? { COMMENT: 'Always cheerful' } : {})
    })
    t.equal(res.statusCode, 303)
    t.equal(res.headers.location, `${base}?done=interview`)
  }
  t.match((await co.get(`${base}?done=interview`)).body, /The interview answers have been saved/)
  const rows = await h.db.db.select().from(feedbackResponses)
  t.equal(rows.length, 3)
  t.ok(rows.every((r) => r.enteredBy === north.coordinator.id))
  t.same(rows.map((r) => r.mode).sort(), ['assisted', 'interview', 'interview'])

  const shown = await co.get(`${base}/results`)
  t.notMatch(shown.body, /fewer than 3 responses/)
  t.match(shown.body, /Responses\s*<\/dt>\s*<dd[^>]*>\s*3/)
  t.match(shown.body, /Feedback quality \(Q, out of 100\)\s*<\/dt>\s*<dd[^>]*>\s*100/)
  t.notMatch(shown.body, /Always cheerful/, 'a comment waits for moderation')

  const queue = await co.get(`${base}/comments`)
  t.match(queue.body, /Always cheerful/)
  const action = new RegExp(`action="(${base}/comments/[0-9a-f-]{36})"`).exec(queue.body)![1]!
  const approved = await co.post(action, { _csrf: csrfOf(queue.body), status: 'approved' })
  t.equal(approved.statusCode, 303)
  t.match((await co.get(approved.headers.location as string)).body, /The comment is approved/)
  t.match((await co.get(`${base}/results`)).body, /Always cheerful/, 'approved: shown with the totals')
  const hidden = await co.post(action, { _csrf: csrfOf(queue.body), status: 'hidden' })
  t.equal(hidden.statusCode, 303)
  t.notMatch((await co.get(`${base}/results`)).body, /Always cheerful/, 'hidden again')
  const bad = await co.post(action, { _csrf: csrfOf(queue.body), status: 'deleted' })
  t.equal(bad.statusCode, 400)
})

t.test('another council’s co-ordinator gets "not found"; a provider gets a 403 page', async (t) => {
  const other = browserClient(h)
  await signInByEmail(h, other, 'co@southshire.example')
  t.notMatch((await other.get('/manage/feedback')).body, base)
  for (const path of ['', '/letters', '/interview', '/comments', '/results']) {
    const res = await other.get(`${base}${path}`)
    t.equal(res.statusCode, 404, `GET ${path || '/'}`)
    t.match(res.headers['content-type'], /text\/html/)
  }
  const form = await other.get('/manage/feedback')
  const post = await other.post(`${base}/letters`, {
    _csrf: csrfOf((await other.get('/account')).body),
    count: '1',
    respondentType: 'person',
    wording: 'plain',
    expiresInDays: '7'
  })
  t.equal(form.statusCode, 200)
  t.equal(post.statusCode, 404, 'no letters for another council’s assessment')
  await setEmail(h, provider.userId, 'owner@anns.example')
  const owner = browserClient(h)
  await signInByEmail(h, owner, 'owner@anns.example')
  t.equal((await owner.get(base)).statusCode, 403)
  const anonymous = await browserClient(h).get(base)
  t.equal(anonymous.statusCode, 303, 'signed out: to sign in')
})

t.test('a worry ticked in an interview opens a concern; a closed assessment makes no letters', async (t) => {
  const before = (await h.db.db.select().from(concerns)).length
  const worry = { SAFE: 'not_at_all', safeguarding: 'yes' }
  const res = await interview({ respondentType: 'carer', mode: 'interview', ...today, ...worry })
  t.equal(res.statusCode, 303)
  const opened = await h.db.db.select().from(concerns)
  t.equal(opened.length, before + 1, 'the worry opens a concern for the safeguarding team')

  const other = await h.addProvider(north, { name: 'Closed Care' })
  const decided = await addAssessment(h, north, other.id, 'decided')
  const invitations = (await h.db.db.select().from(feedbackInvitations)).length
  const page = await co.get(`/manage/feedback/${decided}/letters`)
  const refused = await co.post(`/manage/feedback/${decided}/letters`, {
    _csrf: csrfOf(page.body),
    count: '2',
    respondentType: 'person',
    wording: 'plain',
    expiresInDays: '28'
  })
  t.equal(refused.statusCode, 409)
  t.match(refused.body, /no longer collects feedback/)
  t.equal((await h.db.db.select().from(feedbackInvitations)).length, invitations, 'no link made')
})
