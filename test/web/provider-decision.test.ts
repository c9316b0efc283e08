// The decision page of the provider's portal (README: For providers): the proposed level with the co-ordinator's
// reasons and what was missing above it; a comment on its accuracy or acceptance within the window, then none.
import t from 'tap'
import { buildTestApp, sampleProvider } from '../helpers/app.js'
import { assessmentDriver } from '../helpers/assessments.js'
import { signedInProvider } from '../helpers/provider-portal.js'
import { csrfOf } from '../helpers/sign-in.js'

t.test('a provider reads the proposed decision, comments on it and accepts it', async (t) => {
  const h = await buildTestApp(t)
  const [north] = h.councils
  const p = await h.addProvider(north)
  const drive = assessmentDriver(h)
  const staff = north.coordinator.token
  const b = await signedInProvider(h, p, 'ann@anns.example')

  const none = await b.get('/provider/decision')
  t.equal(none.statusCode, 200)
  t.match(none.body, /There is no decision yet/)

  const id = await drive.openUnderReview(p.token, staff)
  await drive.meetItems(id, sampleProvider().flags, 'B', p.token, staff)
  await drive.addGlowingFeedback(id, north.id, p.id, 3)
  await drive.post(staff, `/api/v1/assessments/${id}/mark-ready`)
  const proposed = await drive.post(staff, `/api/v1/assessments/${id}/propose-decision`, { level: 'bronze' })
  t.equal(proposed.statusCode, 200, proposed.body)

  t.match((await b.get('/provider')).body, /href="\/provider\/decision"/, 'the task list points to it')
  let page = await b.get('/provider/decision')
  t.match(page.body, /id="level">Bronze</)
  t.match(page.body, /What you need for silver/)
  t.match(page.body, /Send your professional indemnity insurance\./)
  t.match(page.body, /You have until 2026-03-16 to tell us/)

  const blank = await b.post('/provider/decision/comment', { _csrf: csrfOf(page.body), comment: '' })
  t.equal(blank.statusCode, 400)
  t.match(blank.body, /href="#comment">Enter what is wrong in the decision/)
  const sent = await b.post('/provider/decision/comment', {
    _csrf: csrfOf(page.body),
    comment: 'We do have professional indemnity cover.'
  })
  t.equal(sent.statusCode, 303)
  page = await b.get('/provider/decision?done=commented')
  t.match(page.body, /Your comment has been sent/)
  t.match(page.body, /We do have professional indemnity cover\./)
  const read = await h.app.inject({ method: 'GET', url: `/api/v1/assessments/${id}/decision`, headers: h.auth(staff) })
  t.equal(read.json().providerComment, 'We do have professional indemnity cover.', 'the same record the API reads')

  const token = csrfOf(page.body)
  const accepted = await b.post('/provider/decision/accept', { _csrf: token })
  t.equal(accepted.statusCode, 303)
  page = await b.get('/provider/decision?done=accepted')
  t.match(page.body, /You accepted this decision on 2026-03-02/)
  t.notMatch(page.body, /Accept the decision/)
  const published = await drive.post(staff, `/api/v1/assessments/${id}/publish-decision`)
  t.equal(published.statusCode, 200, 'accepted: the co-ordinator may publish before the window ends')
  page = await b.get('/provider/decision')
  t.match(page.body, /Your bronze Quality Mark was published on 2026-03-02/)
  t.notMatch(page.body, /What is wrong\?/, 'decided: no more comments')
  const late = await b.post('/provider/decision/comment', { _csrf: token, comment: 'Too late' })
  t.equal(late.statusCode, 409, 'refused kindly, never a 500')
  t.match(late.body, /Sorry, we could not do that/)
})
