// The co-ordinator's portal in real Chromium (README: For co-ordinators): a member of staff signed in through the
// emailed link, the same session in a JavaScript-off page where every form must work, and the checks every page
// gets: axe-core finds nothing (run in a JavaScript-on page on the same HTML), no sideways scroll at 320 px, and
// links and buttons reached by Tab alone.
import type { Browser, Page } from 'playwright-core'
import type { Test } from 'tap'
import type { TestApp } from './app.js'
import { axeViolations, openPage, screenshot } from './browser.js'
import { mailboxLink, setEmail } from './sign-in.js'

export async function staffInBrowser (t: Test, h: TestApp, browser: Browser, base: string, user: { id: string }) {
  const email = `staff-${user.id.slice(0, 8)}@council.example`
  await setEmail(h, user.id, email)
  const checker = await openPage(browser)
  await checker.goto(`${base}/sign-in`)
  await checker.fill('#email', email)
  await checker.getByRole('button', { name: 'Email me a sign-in link' }).click()
  await checker.waitForURL(`${base}/sign-in/check-email`)
  await checker.goto(await mailboxLink(h, email))
  await checker.getByRole('button', { name: 'Sign in' }).click()
  await checker.waitForURL(`${base}/manage`)
  const storageState = await checker.context().storageState()
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState })
  t.teardown(async () => { await noJs.close() })
  const page = await noJs.newPage()

  /** axe-core finds nothing, and at 320 px the page does not scroll sideways. */
  const checkPage = async (what: string) => {
    await checker.setContent(await page.content(), { waitUntil: 'load' })
    t.same(await axeViolations(checker), [], `${what}: axe-core finds nothing`)
    await page.setViewportSize({ width: 320, height: 800 })
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)
    t.equal(wide, false, `${what}: no sideways scroll at 320 px`)
    await page.setViewportSize({ width: 1024, height: 900 })
  }
  const tabTo = async (text: string) => {
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press('Tab')
      if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === text) return
    }
    t.fail(`${text}: never reached by Tab`)
  }
  /** Tab to a link or button and press Enter, then wait for the page it leads to. */
  const go = async (text: string, url: string | RegExp) => {
    await tabTo(text)
    await page.keyboard.press('Enter')
    await page.waitForURL(url)
  }
  /** SCREENSHOTS=1 writes the README's pictures. */
  const shot = async (name: string) => await screenshot(page, name)
  return { page, checker, checkPage, tabTo, go, shot }
}

export type StaffBrowser = Awaited<ReturnType<typeof staffInBrowser>> & { page: Page }
