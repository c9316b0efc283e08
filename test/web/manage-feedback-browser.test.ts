// The co-ordinator's feedback pages in real Chromium (README: Feedback letters and interviews): axe-core finds no
// violations on any of them, nothing scrolls sideways at 320 px, an interview entered with a mistake shows the error
// summary, and the letters downloaded from the page (by keyboard alone) hold QR codes that decode to working links.
import { readFile } from 'node:fs/promises'
import t from 'tap'
import { axeViolations, browserAvailable, checkPage, launchBrowser, openPage, tabTo } from '../helpers/browser.js'
import { buildTestApp } from '../helpers/app.js'
import { addAssessment, bestAnswers } from '../helpers/feedback.js'
import { freePort } from '../helpers/free-port.js'
import { readPdf } from '../helpers/pdf.js'
import { browserClient, setEmail, signInByEmail } from '../helpers/sign-in.js'

t.test('the feedback pages in a real browser', { skip: !browserAvailable() }, async (t) => {
  const port = await freePort()
  const origin = `http://localhost:${port}`
  const h = await buildTestApp(t, { env: { PUBLIC_BASE_URL: origin } })
  await h.app.listen({ port, host: '127.0.0.1' })
  const [north] = h.councils
  const provider = await h.addProvider(north)
  const assessmentId = await addAssessment(h, north, provider.id)
  for (const comment of ['Always on time', 'Very kind', undefined]) {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/assessments/${assessmentId}/feedback-responses`,
      headers: h.auth(north.coordinator.token),
      payload: {
        respondentType: 'person',
        mode: 'interview',
        answers: { ...bestAnswers(), ...(comment === undefined ? {} : { COMMENT: comment }) }
      }
    })
    t.equal(res.statusCode, 201)
  }
  await setEmail(h, north.coordinator.id, 'co@northshire.example')
  const signedIn = browserClient(h)
  await signInByEmail(h, signedIn, 'co@northshire.example')
  const browser = await launchBrowser(t)
  const page = await openPage(browser)
  await page.context().addCookies(
    [...signedIn.jar.cookies].map(([name, value]) => ({ name, value, url: origin }))
  )
  const base = `${origin}/manage/feedback/${assessmentId}`
  const paths = ['/manage/feedback', ...['', '/letters', '/interview', '/comments', '/results'].map((p) => base + p)]

  for (const url of paths.map((p) => (p.startsWith('http') ? p : origin + p))) {
    const res = await page.goto(url)
    t.equal(res?.status(), 200, url)
    await checkPage(t, page, url)
  }

  await page.setViewportSize({ width: 1024, height: 900 })
  await page.goto(`${base}/interview`)
  await page.fill('#receivedOn-day', '31')
  await page.fill('#receivedOn-month', '2')
  await page.getByRole('button', { name: 'Save the answers' }).click()
  await page.waitForLoadState()
  t.match(await page.textContent('.govuk-error-summary'), /must be a real date/)
  t.same(await axeViolations(page), [], 'interview form with errors: axe')

  // Keyboard only: Tab to the number box, type, Tab on to the button and press Enter.
  await page.goto(`${base}/letters`)
  t.ok(await tabTo(page, '#count'), 'the number box is reached with Tab')
  await page.keyboard.type('2')
  t.ok(await tabTo(page, 'button.govuk-button'), 'the button is reached with Tab')
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
  const pdf = await readFile(await download.path())
  const letters = readPdf(pdf)
  t.equal(letters.length, 2, 'two letters, one page each')
  for (const letter of letters) {
    const link = letter.qrCodes[0] ?? ''
    t.match(link, `${origin}/feedback/qmf_`)
    const form = await browser.newPage()
    await form.goto(link)
    t.match(await form.textContent('h1'), /Your views|Tell us|feedback/i, 'the decoded link opens the form')
    await form.close()
  }
})
