// A person filling in the feedback form while the database goes away loses nothing: on a failed save the form
// comes back with every answer, the comment, the worry box and its text kept, says plainly that nothing was sent and to
// press Send again, and the link still works once the database is back (README: Feedback, database outages).
// Real Chromium against the service on a private PostgreSQL cluster the test stops and starts mid-form.
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { browserAvailable, launchBrowser, openPage } from '../helpers/browser.js'
import { addAssessment, bestAnswers, makeLinks, pathOf } from '../helpers/feedback.js'
import { privatePostgresAvailable, startPrivatePostgres } from '../helpers/private-postgres.js'

const missing = !browserAvailable()
  ? 'no chromium (scripts/ensure-chromium.sh)'
  : !privatePostgresAvailable() ? 'no PostgreSQL binaries for a private cluster' : false

t.test('the form survives a database outage between filling it in and sending it', { skip: missing }, async (t) => {
  t.setTimeout(600_000)
  const pg = await startPrivatePostgres(t)
  const h = await buildTestApp(t, { serverUrl: pg.url, dbMax: 2 })
  const [north] = h.councils
  const provider = await h.addProvider(north)
  const assessmentId = await addAssessment(h, north, provider.id)
  const [link] = await makeLinks(h, north, assessmentId)
  await h.app.listen({ host: '127.0.0.1', port: 0 })
  const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`
  const page = await openPage(await launchBrowser(t))

  await page.goto(base + pathOf(link!))
  const answers = bestAnswers()
  for (const [code, value] of Object.entries(answers)) await page.check(`input[name=${code}][value=${value}]`)
  const comment = 'The carers are kind. Ünïcödé & <b>markup</b> stay as typed.'
  await page.fill('textarea[name=COMMENT]', comment)
  await page.check('input[name=safeguarding]')
  const worry = 'Money goes missing & nobody listens'
  await page.fill('textarea[name=safeguardingDetail]', worry)

  await pg.stop('fast')
  const failed = page.waitForResponse((r) => r.request().method() === 'POST')
  await page.click('button[type=submit]')
  const res = await failed
  await page.waitForLoadState()
  t.equal(res.status(), 503)
  t.equal(res.headers()['retry-after'], '30')
  t.equal((await page.textContent('.govuk-error-summary__title'))?.trim(), 'Your answers have not been sent')
  t.match(await page.textContent('.govuk-error-summary'), /Press ‘Send my answers’ again/)
  t.match(await page.title(), /^Error: /)
  for (const [code, value] of Object.entries(answers)) {
    t.equal(await page.isChecked(`input[name=${code}][value=${value}]`), true, `${code} is kept`)
  }
  t.equal(await page.inputValue('textarea[name=COMMENT]'), comment, 'the comment is kept exactly')
  t.equal(await page.isChecked('input[name=safeguarding]'), true, 'the worry box is kept')
  t.equal(await page.inputValue('textarea[name=safeguardingDetail]'), worry, 'what they wrote about the worry is kept')

  await pg.start()
  await page.click('button[type=submit]')
  await page.waitForURL(/\/feedback\/thank-you/)
  t.equal((await page.textContent('h1'))?.trim(), 'Thank you')
  const list = await h.app.inject({
    url: `/api/v1/assessments/${assessmentId}/feedback-responses`,
    headers: h.auth(north.coordinator.token)
  })
  const [response] = list.json().items
  t.equal(response?.safeguardingFlag, true, 'the worry reached the council (safeguarding responses are not held)')
  t.equal(response?.answers.SAFE, answers.SAFE)
})
