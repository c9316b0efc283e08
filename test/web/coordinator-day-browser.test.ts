// A co-ordinator's whole day in real Chromium (README: For co-ordinators), as a person does it: sign in with the
// council's single sign-on, find the provider's application on the work queue, review it (a PDF downloaded the safe
// way the page offers), verify evidence, ask for information on one item and on the application, read the provider's
// answer from the queue, print feedback letters whose QR code opens the feedback form, enter an interview, watch the
// live score reach bronze, propose, (the provider accepts on their pages), publish, see the award page and the public
// directory, then suspend with a reason and see the directory change. Every page visited: axe-core 0 violations; the
// key pages: no sideways scroll at 320 px; every form is sent from a page with JavaScript off. SCREENSHOTS=1 writes
// the README's pictures.
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import t, { type Test } from 'tap'
import { renderPdf } from '../../src/web/pdf/document.js'
import { sampleProvider } from '../helpers/app.js'
import { assessmentDriver } from '../helpers/assessments.js'
import { axeViolations, browserAvailable, checkPage, openPage, screenshot, tabTo } from '../helpers/browser.js'
import { bestAnswers } from '../helpers/feedback.js'
import { signInWithSso, startOidcProvider, useForCouncilSso } from '../helpers/oidc-provider.js'
import { readPdf } from '../helpers/pdf.js'
import { phone, portalInBrowser, signIn } from '../helpers/provider-browser.js'
import { setEmail } from '../helpers/sign-in.js'

/** A one-page certificate as an insurer would send it: a real PDF with text, made with the service's own pdfkit. */
const insuranceCertificate = async () => await renderPdf({ title: 'Certificate of insurance', author: 'Insurer' },
  (doc) => doc.fontSize(14).text('Public liability insurance: £5,000,000. Bright Days.'))

t.test('a co-ordinator’s whole day in Chromium', { skip: !browserAvailable() }, async (t) => {
  t.setTimeout(300_000)
  const { h, base, north, browser } = await portalInBrowser(t, { OIDC_ALLOW_HTTP: 'true' })
  const idp = await startOidcProvider(`${base}/sign-in/sso/northshire/callback`)
  t.teardown(idp.close)
  t.equal((await useForCouncilSso(h, north.id, idp)).statusCode, 200, 'the council signs its staff in with SSO')
  await setEmail(h, north.coordinator.id, 'co@northshire.example')

  // The provider applied this morning: evidence for every bronze item (the insurance a real PDF), then sent it.
  const provider = await h.addProvider(north, { name: 'Bright Days' })
  const d = assessmentDriver(h)
  const opened = await d.post(provider.token, '/api/v1/assessments', { kind: 'initial' })
  const id = String(opened.json().id)
  const certificate = await insuranceCertificate()
  const pieces = await d.giveItems(id, sampleProvider().flags, 'B', provider.token, { INS_PL: certificate })
  t.equal((await d.post(provider.token, `/api/v1/assessments/${id}/submit`)).statusCode, 200)
  const review = `${base}/manage/assessments/${id}`

  const page = await openPage(browser)
  await signInWithSso(page, base, idp, 'Sign in with your Northshire Council account', 'co@northshire.example')
  await page.waitForURL(`${base}/manage`)
  // The same session with JavaScript off: every form of the day is sent from here.
  const noJs = await (await browser.newContext({
    javaScriptEnabled: false, storageState: await page.context().storageState()
  })).newPage()
  /** Shows in the JavaScript page where the form took the no-JavaScript one, as the person would now see it. */
  const follow = async (p: Page) => {
    await page.goto(p.url())
  }
  const axe = async (t: Test, what: string, p = page) =>
    t.same(await axeViolations(p), [], `${what}: axe-core finds nothing`)

  t.test('the work queue shows the application waiting for review', async (t) => {
    t.match(await page.textContent('h1'), /Work queue/)
    t.match(await page.textContent('main'), /Applications waiting for review \(1\)/)
    await checkPage(t, page, 'work queue')
    await screenshot(page, 'coordinator-day-queue')
    t.ok(await tabTo(page, 'a[aria-label="Start the review: Bright Days"]'), 'its row’s link is reached with Tab')
    await page.keyboard.press('Enter')
    await page.waitForURL(review)
    await checkPage(t, page, 'the submitted application')
    await page.getByRole('button', { name: 'Start the review' }).click()
    await page.waitForURL(`${review}?done=**`)
    t.match(await page.textContent('main'), /Under review/)
  })

  t.test('the insurance certificate: downloaded, never run, then verified', async (t) => {
    await page.getByRole('link', { name: /for INS_PL$/ }).click()
    await page.waitForURL(`${review}/evidence/${pieces.get('INS_PL') ?? ''}`)
    await checkPage(t, page, 'evidence page')
    const link = page.getByRole('link', { name: /Download/ }).first()
    const answer = await page.request.get(new URL(String(await link.getAttribute('href')), base).href)
    t.match(answer.headers()['content-disposition'], /^attachment/, 'a PDF is a download')
    t.match(answer.headers()['content-security-policy'], /sandbox/, 'and sandboxed if opened anyway')
    t.equal(answer.headers()['x-content-type-options'], 'nosniff')
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    const file = await readFile(await download.path())
    t.ok(file.equals(certificate), 'the file downloaded is the one the provider sent')
    t.match(readPdf(file)[0]?.text, /Public liability insurance/, 'and it opens as a PDF')
    await screenshot(page, 'coordinator-day-evidence')

    await noJs.goto(page.url())
    await noJs.check('input[name="action"][value="verify"]')
    await noJs.getByRole('button', { name: 'Save your review' }).click()
    await noJs.waitForURL(`${review}?done=verified`)
    await follow(noJs)
    t.match(await page.textContent('.govuk-notification-banner'), /The evidence is verified/)
  })

  t.test('every other bronze item verified, but one that needs more information', async (t) => {
    for (const code of pieces.keys()) {
      if (code === 'INS_PL' || code === 'SG_TRAIN') continue
      await page.click(`button[aria-label="Verify ${code}"]`)
      await page.waitForURL(`${review}?done=verified`)
    }
    await axe(t, 'review page after verifying')
    const tops = await page.evaluate(() => [...document.querySelectorAll('.govuk-button-group .govuk-button')]
      .map((b) => Math.round(b.getBoundingClientRect().top)))
    t.equal(tops.length, 2, 'mark ready, and ask for information')
    t.equal(new Set(tops).size, 1, 'the form’s button and the link button line up')
    t.match(await page.textContent('#score + dl'), /None/, 'not bronze yet')
    t.match(await page.textContent('main'), /SG_TRAIN not verified/, 'and the reason says why')

    await noJs.goto(`${review}/evidence/${pieces.get('SG_TRAIN') ?? ''}`)
    await noJs.check('input[name="action"][value="request_info"]')
    await noJs.fill('#note', 'Please send the certificate from your refresher course')
    await noJs.getByRole('button', { name: 'Save your review' }).click()
    await noJs.waitForURL(`${review}?done=reviewed`)

    await noJs.getByRole('link', { name: 'Ask the provider for information' }).click()
    await follow(noJs)
    await checkPage(t, page, 'request for information')
    await noJs.fill('textarea', 'When was your last safeguarding training?')
    await noJs.getByRole('button', { name: 'Send the request' }).click()
    await noJs.waitForURL(`${review}?done=info-requested`)
    await follow(noJs)
    await axe(t, 'review page waiting for the provider')
  })

  t.test('the provider answers on their own pages, and the answer is on the queue', async (t) => {
    await setEmail(h, provider.userId, 'owner@brightdays.example')
    const theirs = await phone(browser, false)
    await signIn(h, theirs, base, 'owner@brightdays.example')
    t.match(await theirs.textContent('main'), /When was your last safeguarding training\?/)
    await theirs.fill('#answer', 'In January; the certificate is on the training item')
    await theirs.getByRole('button', { name: 'Send your answer' }).click()
    await theirs.waitForURL(`${base}/provider?done=answered`)
    await theirs.context().close()

    await page.goto(`${base}/manage`)
    t.match(await page.textContent('main'), /Answers to requests for information \(1\)/)
    await axe(t, 'work queue with the answer')
    await page.getByRole('link', { name: 'Read the answer: Bright Days' }).click()
    await page.waitForURL(review)
    t.match(await page.textContent('main'), /In January; the certificate is on the training item/)
    await page.click('button[aria-label="Verify SG_TRAIN"]')
    await page.waitForURL(`${review}?done=verified`)
    t.match(await page.textContent('#score + dl'), /Checklist\s*Bronze/, 'every bronze item is met')
    t.match(await page.textContent('#score + dl'), /Level now\s*No level/, 'but no feedback yet')
    await checkPage(t, page, 'review page')
    await page.locator('#score').scrollIntoViewIfNeeded()
    await screenshot(page, 'coordinator-day-review')
  })

  t.test('feedback letters: a PDF whose QR code opens the form, and a person answers on it', async (t) => {
    await page.getByRole('link', { name: 'Feedback for this assessment' }).click()
    await page.waitForURL(`${base}/manage/feedback/${id}`)
    await axe(t, 'the assessment’s feedback')
    await page.getByRole('link', { name: /letters/i }).first().click()
    await page.waitForURL(`${base}/manage/feedback/${id}/letters`)
    await checkPage(t, page, 'letters form')
    await noJs.goto(page.url())
    // Answers from links are held until three have come (README: Feedback), so three letters for three people.
    await noJs.fill('#count', '3')
    const [download] = await Promise.all([
      noJs.waitForEvent('download'),
      noJs.getByRole('button', { name: 'Make links and download letters (PDF)' }).click()
    ])
    const letters = readPdf(await readFile(await download.path()))
    t.equal(letters.length, 3, 'three letters, one a page')
    for (const [i, letter] of letters.entries()) {
      const link = letter.qrCodes[0] ?? ''
      t.match(link, new RegExp(`^${base}/feedback/qmf_`), `letter ${i + 1}: its QR code decodes to a link here`)
      t.ok(letter.text.replace(/\s+/g, '').includes(link.replace(/^https?:\/\//, '')),
        `letter ${i + 1}: and writes the same link out in words`)
      const person = await phone(browser, false)
      await person.goto(link)
      t.match(await person.textContent('h1'), /Tell us|views|feedback/i, `letter ${i + 1}: the link opens the form`)
      for (const [question, answer] of Object.entries(bestAnswers())) {
        await person.check(`input[name="${question}"][value="${answer}"]`)
      }
      await person.getByRole('button', { name: 'Send my answers' }).click()
      await person.waitForURL(`${base}/feedback/thank-you?**`)
      await person.context().close()
    }
    await page.getByRole('link', { name: 'Feedback', exact: true }).click()
    await page.waitForURL(`${base}/manage/feedback`)
    t.match(await page.textContent('main'), /3 responses/, 'the three answers are released together')
    await axe(t, 'feedback list')
  })

  t.test('an interview entered on the form reaches bronze on the live score', async (t) => {
    await page.goto(`${base}/manage/feedback/${id}/interview`)
    await checkPage(t, page, 'interview form')
    await noJs.goto(page.url())
    await noJs.check('input[name="respondentType"][value="carer"]')
    await noJs.check('input[name="mode"][value="interview"]')
    const today = h.clock.now.toISOString().slice(0, 10).split('-')
    await noJs.fill('#receivedOn-day', String(Number(today[2])))
    await noJs.fill('#receivedOn-month', String(Number(today[1])))
    await noJs.fill('#receivedOn-year', String(today[0]))
    for (const [question, answer] of Object.entries(bestAnswers())) {
      await noJs.check(`input[name="${question}"][value="${answer}"]`)
    }
    await noJs.getByRole('button', { name: 'Save the answers' }).click()
    await noJs.waitForURL(`${base}/manage/feedback/${id}?done=interview`)
    await follow(noJs)
    t.match(await page.textContent('main'), /The interview answers have been saved/)
    await axe(t, 'feedback after the interview')

    await page.getByRole('link', { name: 'The assessment’s review and live score' }).click()
    await page.waitForURL(review)
    const score = await page.textContent('#score + dl')
    t.match(score, /Level now\s*Bronze/, 'the live score reaches bronze')
    t.match(score, /n 4 counted of 4 received/, 'on the letters’ answers and the interview')
  })

  t.test('propose; the provider accepts; publish; the award and the directory show bronze', async (t) => {
    await page.getByRole('button', { name: 'Mark ready for a decision' }).click()
    await page.waitForURL(`${review}?done=ready`)
    await noJs.goto(review)
    await noJs.getByRole('link', { name: 'Propose a decision' }).click()
    await follow(noJs)
    await checkPage(t, page, 'propose form')
    t.ok(await noJs.isChecked('input[name="level"][value="bronze"]'), 'the computed level is offered first')
    await noJs.getByRole('button', { name: 'Propose this decision' }).click()
    await noJs.waitForURL(`${review}?done=proposed`)
    await follow(noJs)
    t.match(await page.textContent('main'), /The decision has been proposed to the provider/)
    await axe(t, 'proposed decision')

    const theirs = await phone(browser, false)
    await signIn(h, theirs, base, 'owner@brightdays.example')
    await theirs.goto(`${base}/provider/decision`)
    t.match(await theirs.textContent('#level'), /Bronze/)
    await theirs.getByRole('button', { name: 'Accept the decision' }).click()
    await theirs.waitForURL(`${base}/provider/decision?done=accepted`)
    await theirs.context().close()

    await noJs.goto(review)
    await noJs.getByRole('link', { name: 'Publish the decision' }).click()
    await follow(noJs)
    await checkPage(t, page, 'publish confirmation')
    await noJs.getByRole('button', { name: 'Publish the decision' }).click()
    await noJs.waitForURL(`${review}?done=published`)
    await follow(noJs)
    t.match(await page.textContent('main'), /The decision is published/)
    await axe(t, 'decided assessment')
    await page.getByRole('link', { name: 'See the award' }).click()
    t.match(await page.textContent('h1'), /Bright Days: Bronze award/)
    await checkPage(t, page, 'award page')
    await screenshot(page, 'coordinator-day-award')

    const visitor = await openPage(browser)
    await visitor.goto(`${base}/directory/northshire?level=bronze`)
    const entry = await visitor.locator('.app-results__item', { hasText: 'Bright Days' }).textContent()
    t.match(entry, /Bronze Quality Mark, valid until/, 'the directory lists it under bronze, current')
    await checkPage(t, visitor, 'directory')
    await visitor.context().close()
  })

  t.test('suspend with a reason: the directory changes', async (t) => {
    const award = page.url()
    await noJs.goto(award)
    await noJs.getByRole('link', { name: 'Suspend the award' }).click()
    await follow(noJs)
    await checkPage(t, page, 'suspend form')
    await noJs.check('input[name="reason"][value="serious_complaint"]')
    await noJs.fill('textarea', 'Two visits missed this week')
    await noJs.getByRole('button', { name: 'Continue' }).click()
    await noJs.waitForLoadState()
    t.match(await noJs.textContent('main'), /Are you sure you want to suspend this award\?/)
    await page.setContent(await noJs.content(), { waitUntil: 'load' })
    await axe(t, 'suspend confirmation')
    await noJs.getByRole('button', { name: 'Yes, suspend the award' }).click()
    await noJs.waitForURL(`${award}?**`)
    await follow(noJs)
    t.match(await page.textContent('main'), /The award is suspended/)
    t.match(await page.textContent('main'), /Two visits missed this week/)
    await axe(t, 'suspended award')

    const visitor = await openPage(browser)
    await visitor.goto(`${base}/directory/northshire?level=bronze`)
    t.notMatch(await visitor.textContent('main'), /Bright Days/, 'no longer listed as bronze')
    await visitor.goto(`${base}/directory/northshire`)
    const entry = await visitor.locator('.app-results__item', { hasText: 'Bright Days' }).textContent()
    t.match(entry, /Bronze Quality Mark suspended: the council is reviewing this service/, 'listed with its mark suspended')
    await axe(t, 'directory after the suspension', visitor)
    await visitor.context().close()
  })
})
