// "Your account" for a provider and "apply to join the scheme" in real Chromium (README: For providers): axe-core on
// every page, no sideways scrolling at 320 px, the forms driven from the keyboard, and both again with JavaScript off.
import t from 'tap'
import type { Browser, Page } from 'playwright-core'
import { axeViolations, browserAvailable, launchBrowser } from '../helpers/browser.js'
import { buildTestApp } from '../helpers/app.js'
import { freePort } from '../helpers/free-port.js'
import { scrollsSideways, signIn } from '../helpers/provider-browser.js'
import { setEmail } from '../helpers/sign-in.js'

async function phone (browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const viewport = { width: 375, height: 812 }
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled, viewport })
  return await context.newPage()
}

t.test('your account and apply to join, in Chromium', { skip: !browserAvailable() }, async (t) => {
  const port = await freePort()
  const base = `http://localhost:${port}`
  const h = await buildTestApp(t, { env: { PUBLIC_BASE_URL: base, SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: '100' } })
  await h.app.listen({ port, host: '127.0.0.1' })
  const [north] = h.councils
  const browser = await launchBrowser(t)

  for (const js of [true, false]) {
    t.test(`with JavaScript ${js ? 'on' : 'off'}`, async (t) => {
      const page = await phone(browser, js)
      const checks = async (what: string) => {
        if (!js) return
        t.same(await axeViolations(page), [], `${what}: axe`)
        await page.setViewportSize({ width: 320, height: 700 })
        t.notOk(await scrollsSideways(page), `${what} reflows at 320 px`)
        await page.setViewportSize({ width: 375, height: 812 })
      }

      // Apply to join: a mistake first, then sent from the keyboard.
      await page.goto(`${base}/`)
      await page.getByRole('link', { name: 'Apply to join the Northshire Council Quality Mark' }).click()
      await page.waitForURL(`${base}/join/northshire`)
      await checks('join form')
      await page.fill('#businessName', js ? 'Keys Care' : 'Plain Care')
      await page.check('#legalForm')
      await page.fill('#contactName', 'Kay Keys')
      await page.fill('#email', js ? 'kay@keys.example' : 'pat@plain.example')
      await page.fill('#postcode', 'LS1 4AP')
      await page.check('#serviceTypes')
      await page.fill('#offer', 'Company and help at home.')
      await page.fill('#fte', '9')
      await page.getByRole('button', { name: 'Send your request' }).click()
      await page.waitForURL(`${base}/join/northshire`)
      t.match(await page.textContent('.govuk-error-summary'), /5 staff or fewer/)
      t.match(await page.textContent('main'), /This is not a judgement about your service/)
      await checks('join form with errors')
      await page.fill('#fte', '2')
      await page.focus('#fte')
      await page.keyboard.press('Tab')
      t.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Send your request',
        'the button comes next in the tab order')
      await page.keyboard.press('Enter')
      await page.waitForURL(`${base}/join/northshire/sent`)
      t.match(await page.textContent('main'), /We have your request/)
      await checks('join sent')

      // Your account: how we contact you, from the keyboard.
      const p = await h.addProvider(north, { name: js ? 'Ann Care' : 'Bea Care' })
      const email = js ? 'ann@care.example' : 'bea@care.example'
      await setEmail(h, p.userId, email)
      await signIn(h, page, base, email)
      // On a phone the navigation folds behind its Menu button; the link is there either way.
      t.equal(await page.locator('a[href="/account"]', { hasText: 'Your account' }).count(), 1)
      await page.goto(`${base}/account`)
      t.match(await page.textContent('main'), /People in your business with access/)
      await checks('account page')
      await page.getByRole('link', { name: 'Change how we contact you' }).click()
      await page.waitForURL(`${base}/account/contact`)
      await checks('contact form')
      await page.focus('#channel-2')
      await page.keyboard.press('Space')
      await page.fill('#phone', '0113 496 0000')
      await page.keyboard.press('Enter')
      await page.waitForURL(`${base}/account/contact`)
      t.match(await page.textContent('.govuk-error-summary'), /Enter a UK mobile number/)
      await checks('contact form with errors')
      await page.focus('#wording-2')
      await page.keyboard.press('Space')
      await page.focus('#phone')
      await page.fill('#phone', '07700 900982')
      await page.keyboard.press('Enter')
      await page.waitForURL(`${base}/account?done=contact`)
      t.match(await page.textContent('main'), /Text message[\s\S]*07700 900982[\s\S]*Easy read/)

      // Invite a person, then remove them after the confirmation page.
      await page.getByRole('link', { name: 'Invite a person' }).click()
      await page.waitForURL(`${base}/account/people/invite`)
      await checks('invite form')
      await page.fill('#personName', 'Jo Helper')
      await page.fill('#personEmail', js ? 'jo@care.example' : 'jo@bea.example')
      await page.getByRole('button', { name: 'Send the invitation' }).click()
      await page.waitForURL(`${base}/account?done=invited`)
      await page.getByRole('link', { name: 'Remove Jo Helper' }).click()
      await checks('remove confirmation')
      await page.getByRole('button', { name: 'Remove Jo Helper' }).click()
      await page.waitForURL(`${base}/account?done=removed`)
      t.match(await page.textContent('main'), /No longer with access: Jo Helper/)
      await checks('account after removing')
      await page.context().close()
    })
  }
})
