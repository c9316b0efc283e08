// Headless Debian chromium through playwright-core, with an axe-core check (WCAG 2.0/2.1 A and AA, 2.2 AA),
// for page tests. `browserAvailable` lets a test file skip cleanly on a machine without chromium.
import { existsSync, mkdirSync } from 'node:fs'
import type { Test } from 'tap'
import axe from 'axe-core'
import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
export const browserAvailable = (): boolean => existsSync(CHROMIUM)

export async function launchBrowser (t: Test): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
  t.teardown(async () => {
    await browser.close()
  })
  return browser
}

/**
 * A page for checking server-rendered HTML with GOV.UK Frontend's script running; CSP is bypassed only so axe-core
 * can be injected (test/web/pages.test.ts checks the pages under the real policy).
 */
export async function openPage (browser: Browser): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 900 } })
  return await context.newPage()
}

export async function axeViolations (page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source })
  return await page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: tags }
    })
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  }, AXE_TAGS)
}

/** What sticks out sideways at the page's current width (a table inside its own scrolling box does not count). */
export async function sticksOut (page: Page): Promise<string[]> {
  return await page.evaluate(() => {
    const root = document.documentElement
    if (root.scrollWidth <= root.clientWidth) return []
    return [...document.querySelectorAll('main *')]
      .filter((el) => el.closest('.app-table-scroll') === null && el.getBoundingClientRect().right > root.clientWidth)
      .slice(0, 3).map((el) => `${el.tagName}.${el.className} ${el.getBoundingClientRect().right}`)
      .concat([`page ${root.scrollWidth} wide`])
  })
}

/** axe-core finds nothing, and at 320 CSS pixels (WCAG 1.4.10) nothing scrolls sideways; then the width it had. */
export async function checkPage (t: Test, page: Page, what: string): Promise<void> {
  t.same(await axeViolations(page), [], `${what}: axe-core finds nothing`)
  const size = page.viewportSize() ?? { width: 1024, height: 900 }
  await page.setViewportSize({ width: 320, height: size.height })
  t.same(await sticksOut(page), [], `${what}: no sideways scroll at 320 px`)
  await page.setViewportSize(size)
}

/** Presses Tab until the focused element matches the CSS selector; false if it never does. */
export async function tabTo (page: Page, selector: string, presses = 80): Promise<boolean> {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return true
  }
  return false
}

export const SCREENSHOTS = 'test/screenshots'

/** With SCREENSHOTS=1 in the environment, writes the page as test/screenshots/NAME.png (the README's pictures). */
export async function screenshot (page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS === undefined) return
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: false })
}
