// A co-ordinator's review in real Chromium (README: Reviewing an assessment and deciding): sign in from the demo
// mailbox, review → verify → mark ready → propose → publish → the award page, each page with axe-core at 0
// violations and no sideways scrolling at 320 px.
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { buildTestApp, sampleProvider } from '../helpers/app.js'
import { assessmentDriver } from '../helpers/assessments.js'
import { browserAvailable, checkPage, launchBrowser, openPage } from '../helpers/browser.js'
import { mailboxIds, mailboxLink, setEmail } from '../helpers/sign-in.js'

t.test('review, verify, propose and publish in Chromium', { skip: !browserAvailable() }, async (t) => {
  t.setTimeout(600_000)
  const h = await buildTestApp(t)
  const [north] = h.councils
  const staff = north.coordinator.token
  const d = assessmentDriver(h)
  const p = await h.addProvider(north, { name: 'Bright Days' })
  await setEmail(h, north.coordinator.id, 'co@northshire.example')
  const id = await d.openUnderReview(p.token, staff)
  await d.meetItems(id, sampleProvider().flags, 'B', p.token, staff)
  await d.addGlowingFeedback(id, north.id, p.id, 3)
  await d.post(p.token, `/api/v1/assessments/${id}/evidence`, {
    itemCode: 'MCA',
    kind: 'narrative',
    narrative: 'We ask people what they want, every visit'
  })
  await h.app.listen({ host: '127.0.0.1', port: 0 })
  const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`
  const browser = await launchBrowser(t)
  const page = await openPage(browser)

  const seen = await mailboxIds(h, 'co@northshire.example')
  await page.goto(`${base}/sign-in`)
  await page.fill('#email', 'co@northshire.example')
  await page.click('button:has-text("Email me a sign-in link")')
  const link = new URL(await mailboxLink(h, 'co@northshire.example', seen))
  await page.goto(`${base}${link.pathname}`)
  await page.click('main button[type=submit]')
  await page.waitForURL(`${base}/manage`)

  await page.goto(`${base}/manage/assessments`)
  await checkPage(t, page, 'assessment list')
  await page.click('a:has-text("Bright Days")')
  await page.waitForURL(`${base}/manage/assessments/${id}`)
  t.match(await page.textContent('#score + dl'), /Bronze/)
  await checkPage(t, page, 'review page')

  await page.click('a:has-text("Written account")')
  await checkPage(t, page, 'evidence page')
  await page.goBack()
  await page.click('button[aria-label="Verify MCA"]')
  await page.waitForSelector('.govuk-notification-banner--success')
  t.match(await page.textContent('.govuk-notification-banner'), /The evidence is verified/)

  await page.click('button:has-text("Mark ready for a decision")')
  await page.waitForSelector('.govuk-notification-banner--success')
  await page.click('a:has-text("Propose a decision")')
  await checkPage(t, page, 'propose page')
  await page.click('button:has-text("Propose this decision")')
  await page.waitForSelector('.govuk-notification-banner--success')
  t.match(await page.textContent('main'), /The decision has been proposed to the provider/)

  await d.post(p.token, `/api/v1/assessments/${id}/accept-decision`)
  await page.reload()
  await page.click('a:has-text("Publish the decision")')
  await checkPage(t, page, 'publish confirmation')
  await page.click('button:has-text("Publish the decision")')
  await page.waitForSelector('.govuk-notification-banner--success')
  t.match(await page.textContent('main'), /The decision is published/)
  await checkPage(t, page, 'decided assessment')

  await page.click('a:has-text("See the award")')
  t.match(await page.textContent('h1'), /Bright Days: Bronze award/)
  await checkPage(t, page, 'award page')
  await page.click('a:has-text("Suspend the award")')
  await checkPage(t, page, 'suspend form')
})
