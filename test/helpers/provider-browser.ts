// The provider's portal in real Chromium: a phone-sized page (375 px, touch), signing in through the emailed link
// as a person would (read from the demo mailbox or a real SMTP server), the 320 px reflow check (WCAG 1.4.10) with
// axe-core, and moving through a page with the Tab key alone.
import type { Test } from 'tap'
import type { Browser, Page } from 'playwright-core'
import { buildTestApp, type TestApp } from './app.js'
import { tinyPdf } from './assessments.js'
import { axeViolations, launchBrowser } from './browser.js'
import { freePort } from './free-port.js'
import type { TestSmtp } from './mail.js'
import { linkIn, mailboxIds, mailboxLink } from './sign-in.js'

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
    hasTouch: true,
    acceptDownloads: true
  })
  return await context.newPage()
}

/** Where a sign-in link arrives: called before it is asked for, it gives the wait for the new one. */
export type LinkSource = (email: string) => Promise<() => Promise<string>>

/** The demo mailbox, where messages wait when no email channel is configured. */
export const fromMailbox = (h: TestApp): LinkSource => async (email) => {
  const seen = await mailboxIds(h, email)
  return async () => await mailboxLink(h, email, seen)
}

/** A real SMTP server (test/helpers/mail.ts) the service sends through. */
export const fromSmtp = (smtp: TestSmtp): LinkSource => async (email) => {
  const next = smtp.nextTo(email)
  return async () => linkIn((await next).text ?? '')
}

/** Asks for a sign-in link in the page, reads it where it was sent and follows it. */
export async function signIn (h: TestApp, page: Page, base: string, email: string, source = fromMailbox(h)) {
  const link = await source(email)
  await page.goto(`${base}/sign-in`)
  await page.fill('#email', email)
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
  await page.waitForURL(`${base}/sign-in/check-email`)
  await page.goto(`${base}${new URL(await link()).pathname}`)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(`${base}/provider`)
}

export const scrollsSideways = async (page: Page) =>
  await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)

/**
 * The checks every portal page gets: axe-core with no violations and no sideways scrolling at 320 px. Both run
 * scripts in the page, so with JavaScript off (`js` false) they are skipped and the page is only driven.
 */
export const pageChecks = (t: Test, page: Page, js: boolean) => async (what: string) => {
  if (!js) return
  t.same(await axeViolations(page), [], `${what}: axe`)
  const size = page.viewportSize()
  await page.setViewportSize({ width: 320, height: 700 })
  t.notOk(await scrollsSideways(page), `${what} reflows at 320 px`)
  if (size !== null) await page.setViewportSize(size)
}

/** Presses Tab until the element with `id` has the focus (at most 60 times); true if it got there. */
export async function tabTo (page: Page, id: string): Promise<boolean> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate(() => document.activeElement?.id ?? '') === id) return true
  }
  return false
}

/** On an item page: a PDF with its expiry date ("2026-11-30") in the GOV.UK date input, uploaded and sent. */
export async function uploadPdf (page: Page, base: string, code: string, expiresOn: string) {
  const [year = '', month = '', day = ''] = expiresOn.split('-')
  await page.setInputFiles('#file-file', { name: 'insurance.pdf', mimeType: 'application/pdf', buffer: tinyPdf() })
  await page.fill('#file-expiresOn-day', String(Number(day)))
  await page.fill('#file-expiresOn-month', String(Number(month)))
  await page.fill('#file-expiresOn-year', year)
  await page.getByRole('button', { name: 'Upload and send' }).click()
  await page.waitForURL(`${base}/provider/items/${code}?done=sent`)
}
