// The provider's portal in real Chromium on a phone-sized screen (README: For providers): task list → item → upload a
// PDF → back to the task list, axe-core on every page, no sideways scrolling at 320 px, and the same upload with
// JavaScript turned off.
import t from 'tap'
import { axeViolations, browserAvailable } from '../helpers/browser.js'
import { phone, portalInBrowser, scrollsSideways, signIn, uploadPdf } from '../helpers/provider-browser.js'
import { setEmail } from '../helpers/sign-in.js'

t.test('a provider uploads evidence from a phone', { skip: !browserAvailable() }, async (t) => {
  const { h, base, north, browser } = await portalInBrowser(t)

  for (const js of [true, false]) {
    t.test(`with JavaScript ${js ? 'on' : 'off'}`, async (t) => {
      const p = await h.addProvider(north, { name: js ? 'Ann Care' : 'Bea Care' })
      const email = js ? 'ann@care.example' : 'bea@care.example'
      await setEmail(h, p.userId, email)
      const page = await phone(browser, js)
      // axe and the reflow check run scripts in the page, so only with JavaScript on; the upload is checked both ways.
      const axe = async (what: string) => {
        if (js) t.same(await axeViolations(page), [], `${what}: axe`)
      }
      const reflows = async (what: string) => {
        if (!js) return
        await page.setViewportSize({ width: 320, height: 700 })
        t.notOk(await scrollsSideways(page), `${what} reflows at 320 px`)
        await page.setViewportSize({ width: 375, height: 812 })
      }
      await signIn(h, page, base, email)

      await page.goto(`${base}/provider`)
      await axe('start page')
      await page.getByRole('button', { name: 'Start your application' }).click()
      await page.waitForURL(`${base}/provider`)
      t.match(await page.textContent('main'), /Your application/)
      await axe('task list')
      await reflows('task list')

      await page.getByRole('link', { name: 'Public liability insurance of at least £5m' }).click()
      await page.waitForURL(`${base}/provider/items/INS_PL`)
      t.match(await page.textContent('main'), /smaller than 10 MB/, 'the limits are said before the upload')
      await axe('item page')
      await reflows('item page')

      if (js) {
        await page.getByRole('button', { name: 'Upload and send' }).click()
        await page.waitForURL(`${base}/provider/items/INS_PL/files`)
        t.match(await page.textContent('.govuk-error-summary'), /Select a file to upload/)
        await axe('item page with an error')
      }
      await uploadPdf(page, base, 'INS_PL', '2026-11-30')
      t.match(await page.textContent('main'), /Thank you/)
      t.match(await page.textContent('main'), /insurance\.pdf/)
      await axe('item page after the upload')

      await page.getByRole('link', { name: 'Back to your application' }).first().click()
      await page.waitForURL(`${base}/provider`)
      const task = page.locator('.govuk-task-list__item', { hasText: 'Public liability insurance of at least £5m' })
      t.match(await task.textContent(), /Sent/)

      await page.goto(`${base}/provider/standing`)
      t.match(await page.textContent('main'), /We are still checking your public liability insurance/)
      await axe('where you stand')
      await page.context().close()
    })
  }
})
