// The provider's portal in real Chromium: a phone-sized page (375 px, touch), signing in through the emailed link
// as a person would, and the 320 px reflow check (WCAG 1.4.10).
import type { Test } from 'tap'
import type { Browser, Page } from 'playwright-core'
import { buildTestApp, type TestApp } from './app.js'
import { launchBrowser } from './browser.js'
import { freePort } from './free-port.js'
import { mailboxIds, mailboxLink } from './sign-in.js'

/**
 * The app listening on a free port (links in emails point at it), its first council and a Chromium; `env` adds to
 * the configuration.
 */
export async function portalInBrowser (t: Test, env: Record<string, string> = {}) {
  const port = await freePort()
  const base = `http://localhost:${port}`
  const h = await buildTestApp(t, { env: { PUBLIC_BASE_URL: base, ...env } })
  await h.app.listen({ port, host: '127.0.0.1' })
  const [north] = h.councils
  if (north === undefined) throw new Error('the test app has no council')
  return { h, base, north, browser: await launchBrowser(t) }
}

export async function phone (browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({
    bypassCSP: true,
    javaScriptEnabled,
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true
  })
  return await context.newPage()
}

/** Asks for a sign-in link in the page, reads it from the demo mailbox and follows it. */
export async function signIn (h: TestApp, page: Page, base: string, email: string) {
  const seen = await mailboxIds(h, email)
  await page.goto(`${base}/sign-in`)
  await page.fill('#email', email)
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
  await page.waitForURL(`${base}/sign-in/check-email`)
  await page.goto(`${base}${new URL(await mailboxLink(h, email, seen)).pathname}`)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(`${base}/provider`)
}

export const scrollsSideways = async (page: Page) =>
  await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)
