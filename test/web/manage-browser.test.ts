// The co-ordinator's portal in real Chromium (README: For co-ordinators): signed in from the demo mailbox's link,
// keyboard only from the work queue to a provider and its edit form, axe-core on every page, focus visible, an
// error summary that takes focus, and no sideways scrolling at 320 CSS pixels. SCREENSHOTS=1 writes the README's.
import type { Page } from 'playwright-core'
import t from 'tap'
import { browserAvailable, checkPage, launchBrowser, openPage, screenshot } from '../helpers/browser.js'
import { buildTestApp } from '../helpers/app.js'
import { freePort } from '../helpers/free-port.js'
import { fillQueue } from '../helpers/manage.js'
import { mailboxLink, setEmail } from '../helpers/sign-in.js'

t.test('a co-ordinator: queue → provider → edit, by keyboard', { skip: !browserAvailable() }, async (t) => {
  const port = await freePort()
  const base = `http://localhost:${port}`
  const h = await buildTestApp(t, { env: { PUBLIC_BASE_URL: base } })
  await h.app.listen({ port, host: '127.0.0.1' })
  const [north] = h.councils
  const anns = await h.addProvider(north, { name: 'Ann’s Home Help' })
  await fillQueue(h, north, anns.id, '2026-03-02')
  await setEmail(h, north.coordinator.id, 'co@northshire.example')
  const browser = await launchBrowser(t)
  const page = await openPage(browser)

  await page.goto(`${base}/sign-in`)
  await page.fill('#email', 'co@northshire.example')
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
  await page.waitForURL(`${base}/sign-in/check-email`)
  await page.goto(await mailboxLink(h, 'co@northshire.example'))
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(`${base}/manage`)

  /** Tabs until the focused element matches, then checks its focus style shows. */
  const tabTo = async (p: Page, test: (el: Element) => boolean, what: string) => {
    for (let i = 0; i < 80; i++) {
      await p.keyboard.press('Tab')
      const found = await p.evaluate(`(${test.toString()})(document.activeElement)`)
      if (found === true) {
        const style = await p.evaluate(() => {
          const s = getComputedStyle(document.activeElement!)
          return { outline: s.outlineStyle, shadow: s.boxShadow, background: s.backgroundColor }
        })
        const visible = style.outline !== 'none' || style.shadow !== 'none'
        t.ok(visible, `${what}: keyboard focus is visible (${JSON.stringify(style)})`)
        return
      }
    }
    t.fail(`${what}: never reached by Tab`)
  }

  await page.goto(`${base}/manage`)
  t.match(await page.textContent('main'), /Applications waiting for review \(1\)/)
  await checkPage(t, page, 'work queue')
  await screenshot(page, 'manage-queue')
  await tabTo(page, (el) => el.textContent?.trim() === 'Ann’s Home Help', 'provider link in the queue')
  await page.keyboard.press('Enter')
  await page.waitForURL(`${base}/manage/providers/${anns.id}`)
  t.match(await page.textContent('h1'), /Ann’s Home Help/)
  await checkPage(t, page, 'provider page')
  await screenshot(page, 'manage-provider')

  await tabTo(page, (el) => el.textContent?.trim() === 'Change the record', 'change button')
  await page.keyboard.press('Enter')
  await page.waitForURL(`${base}/manage/providers/${anns.id}/edit`)
  await checkPage(t, page, 'edit form')
  await page.fill('#name', '')
  await page.fill('#area', 'Ilkley')
  await tabTo(page, (el) => el.textContent?.trim() === 'Save changes', 'save button')
  await page.keyboard.press('Enter')
  await page.waitForSelector('.govuk-error-summary')
  t.equal(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')), true,
    'the error summary takes focus')
  t.equal(await page.inputValue('#area'), 'Ilkley', 'what was typed is kept')
  await checkPage(t, page, 'edit form with errors')
  await screenshot(page, 'manage-provider-errors')
  await page.fill('#name', 'Ann’s Home Help and Care')
  await page.focus('#area')
  await tabTo(page, (el) => el.textContent?.trim() === 'Save changes', 'save button again')
  await page.keyboard.press('Enter')
  await page.waitForURL(`${base}/manage/providers/${anns.id}?done=changed`)
  t.match(await page.textContent('main'), /Your changes have been saved/)
  t.match(await page.textContent('main'), /Ilkley/)
  await checkPage(t, page, 'provider page after the change')

  await page.goto(`${base}/manage/providers`)
  await checkPage(t, page, 'provider list')
  await screenshot(page, 'manage-providers')
  await page.goto(`${base}/manage/providers/new`)
  await checkPage(t, page, 'register form')
})
