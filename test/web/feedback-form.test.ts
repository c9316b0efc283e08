// The feedback form in a real browser (headless Debian chromium through playwright-core): both versions filled in
// and sent with the keyboard only, the error state, the thank-you page, the effect on the aggregates, and axe-core
// (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) with no violations on every page.
import t, { type Test } from 'tap'
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import axe from 'axe-core'
import { chromium, type Page } from 'playwright-core'
import { buildTestApp } from '../helpers/app.js'
import { addAssessment, bestAnswers, makeLinks, pathOf } from '../helpers/feedback.js'

const CHROMIUM = '/usr/bin/chromium'
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

if (!existsSync(CHROMIUM)) {
  t.test(
    'browser tests',
    {
      skip: `${CHROMIUM} is missing: install Debian's chromium package (scripts/ensure-chromium.sh) ` +
        'to run the browser tests'
    },
    () => {}
  )
} else {
  await runBrowserTests()
}

async function runBrowserTests () {
  t.setTimeout(300_000)
  const h = await buildTestApp(t)
  const [north] = h.councils
  const provider = await h.addProvider(north)
  const assessmentId = await addAssessment(h, north, provider.id)
  await h.app.listen({ host: '127.0.0.1', port: 0 })
  const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`

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
  // CSP forbids inline scripts but GOV.UK Frontend's own: the test bypasses it only to inject axe-core.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 900 } })

  async function checkAxe (t: Test, page: Page, what: string) {
    await page.addScriptTag({ content: axe.source })
    const violations = await page.evaluate(async (tags) => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: tags }
      })
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
    }, AXE_TAGS)
    t.same(violations, [], `axe finds no violations on ${what}`)
  }

  /** Presses Tab until the focused element matches; keyboard only, like a person without a mouse. */
  async function tabTo (page: Page, matches: string): Promise<void> {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab')
      if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, matches)) return
    }
    throw new Error(`never reached ${matches} with Tab`)
  }

  /** Into a radio group with Tab, then Space for the first answer or the arrow keys for another. */
  async function choose (page: Page, code: string, index: number): Promise<void> {
    await tabTo(page, `input[type=radio][name="${code}"]`)
    if (index === 0) await page.keyboard.press('Space')
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown')
  }

  const codes = [
    'OCC_NOW',
    'OCC_AFFECT',
    'OCC_WITHOUT',
    'CTL_NOW',
    'CTL_AFFECT',
    'CTL_WITHOUT',
    'SAFE',
    'DIGNITY',
    'RELIABLE',
    'CHOICE',
    'CONTINUITY_STAFF',
    'RECOMMEND'
  ]

  await t.test('the standard form: error state, then answered and sent with the keyboard only', async (t) => {
    const [link] = await makeLinks(h, north, assessmentId)
    const page = await context.newPage()
    const res = await page.goto(base + pathOf(link!))
    t.equal(res?.status(), 200)
    t.equal(await page.title(), 'Your views on your care and support – Quality Mark – Northshire Council')
    await checkAxe(t, page, 'the form')

    // Only the first question, then send: the error summary appears, takes focus, and links to the fields.
    await choose(page, 'OCC_NOW', 1)
    await tabTo(page, 'button[type=submit]')
    await page.keyboard.press('Enter')
    await page.waitForSelector('.govuk-error-summary') // waits across the navigation the post causes
    t.match(await page.title(), /^Error: /)
    t.equal(
      await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
      true,
      'the error summary has focus'
    )
    t.equal(await page.isChecked('input[name=OCC_NOW][value=enough]'), true, 'the answer given is kept')
    await checkAxe(t, page, 'the error state')
    await page.screenshot({ path: '/tmp/qualitymark-feedback-error.png', fullPage: false })
    // The first error link goes to question 2.
    t.equal(await page.getAttribute('.govuk-error-summary a', 'href'), '#q-OCC_AFFECT-0')
    await tabTo(page, '.govuk-error-summary a')
    await page.keyboard.press('Enter')
    // GOV.UK Frontend's error summary scrolls the question's legend into view, not just its first answer, so the
    // question being answered is on the screen (it was left above the top of the window before).
    const legendTop = await page.evaluate(() =>
      document.getElementById('q-OCC_AFFECT-0')?.closest('fieldset')?.querySelector('legend')
        ?.getBoundingClientRect().top)
    t.ok(legendTop !== undefined && legendTop >= 0, `the question's text is on the screen (legend top ${legendTop})`)

    // The link moved focus to question 2's first answer: step back one, then answer the rest (SAFE: its second answer).
    t.equal(
      await page.evaluate(() => document.activeElement?.id),
      'q-OCC_AFFECT-0',
      'the link moves focus to the field'
    )
    await page.keyboard.press('Shift+Tab')
    for (const code of codes.slice(1)) await choose(page, code, code === 'SAFE' ? 1 : 0)
    await tabTo(page, 'textarea[name=COMMENT]')
    await page.keyboard.type('They are always kind to me.')
    await tabTo(page, 'button[type=submit]')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/feedback\/thank-you/)
    t.equal((await page.textContent('h1'))?.trim(), 'Thank you')
    await checkAxe(t, page, 'the thank-you page')
    await page.close()
  })

  await t.test("the easy-read form (the invitation's mode), with the safeguarding box, by keyboard", async (t) => {
    const [link] = await makeLinks(h, north, assessmentId, { mode: 'easy_read' })
    const page = await context.newPage()
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(base + pathOf(link!))
    t.equal(await page.textContent('h1'), 'Tell us about your support')
    t.ok(await page.isVisible('text=Do you feel safe when they help you?'))
    await checkAxe(t, page, 'the easy-read form')
    await page.screenshot({ path: '/tmp/qualitymark-feedback-easy.png', fullPage: false })
    for (const code of codes) {
      if (code === 'OCC_WITHOUT') continue // the support makes no difference to time (OCC_AFFECT: no)
      await choose(page, code, code === 'OCC_AFFECT' ? 1 : code === 'SAFE' ? 3 : 0)
    }
    await tabTo(page, 'input[type=checkbox][name=safeguarding]')
    await page.keyboard.press('Space')
    await tabTo(page, 'button[type=submit]')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/feedback\/thank-you\?.*version=easy/)
    t.equal((await page.textContent('h1'))?.trim(), 'Thank you')
    t.ok(await page.isVisible('text=We have your answers.'))
    await checkAxe(t, page, 'the easy-read thank-you page')
    // Back and send again: the link is used, one response stands.
    await page.goBack()
    await page.reload()
    t.ok(await page.isVisible('text=Answers have already been sent with this link'))
    await page.close()
  })

  await t.test('the worry reaches staff at once, the rest in a batch of three; then the aggregates', async (t) => {
    const staff = h.auth(north.coordinator.token)
    const list = async () =>
      (await h.app.inject({ url: `/api/v1/assessments/${assessmentId}/feedback-responses`, headers: staff })).json()
    const first = await list()
    t.same(first.items.map((r: { mode: string }) => r.mode), ['easy_read'], 'the safeguarding answer is not held')
    t.equal(first.waiting, 1, 'the other waits for two more (README: Security and privacy)')
    const easy = first.items[0]
    t.equal(easy.answers.OCC_WITHOUT, 'as_i_want', 'not asked, so equal to now')
    t.equal(easy.safeguardingFlag, true)
    const hidden = (
      await h.app.inject({
        url: `/api/v1/assessments/${assessmentId}/feedback-aggregate`,
        headers: h.auth(provider.token)
      })
    ).json()
    t.equal(hidden.hidden, true, 'fewer than three responses: hidden from the provider')
    for (const link of await makeLinks(h, north, assessmentId, { count: 2 })) {
      const sent = await h.app.inject({
        method: 'POST',
        url: pathOf(link),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(bestAnswers()).toString()
      })
      t.equal(sent.statusCode, 303)
    }
    const released = await list()
    t.same(released.items.map((r: { mode: string }) => r.mode).sort(), ['easy_read', 'self', 'self', 'self'])
    t.equal(released.waiting, 0)
    const self = released.items.find((r: { comment: string | null }) => r.comment !== null)
    t.equal(self.comment, 'They are always kind to me.')
    t.equal(self.answers.OCC_NOW, 'enough')
    const agg = (
      await h.app.inject({
        url: `/api/v1/assessments/${assessmentId}/feedback-aggregate`,
        headers: h.auth(provider.token)
      })
    ).json()
    t.equal(agg.responses, 4)
    const safe = agg.items.find((i: { code: string }) => i.code === 'SAFE')
    t.same(
      safe.counts.map((c: { count: number }) => c.count),
      [2, 1, 0, 1],
      "the browser's SAFE answers are counted"
    )
    t.same(agg.comments, [], 'the comment waits for moderation')
  })
}
