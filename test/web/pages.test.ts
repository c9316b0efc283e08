// The public pages on GOV.UK Frontend in headless Chromium with the real Content Security Policy (no bypass):
// its script runs, nothing is blocked; pages reflow at 320 CSS pixels, work with JavaScript off, and the
// defects found on the hand-written pages stay fixed (README: Pages).
import type { AddressInfo } from 'node:net'
import t from 'tap'
import type { Browser, Page } from 'playwright-core'
import { buildTestApp } from '../helpers/app.js'
import { axeViolations, browserAvailable, launchBrowser, openPage } from '../helpers/browser.js'
import { addAssessment, makeLinks, pathOf } from '../helpers/feedback.js'
import { publishAward, setAwardStatus } from '../helpers/publication.js'

const h = await buildTestApp(t)
const [north] = h.councils
const ann = await h.addProvider(north, { name: "Ann's Home Help", area: 'Otley' })
await publishAward(h, north, ann.id, { level: 'gold' })
const cat = await h.addProvider(north, { name: 'Cat Cares', area: 'Otley' })
await setAwardStatus(h, (await publishAward(h, north, cat.id, { level: 'bronze' })).id, 'suspended', 'x')
for (let i = 0; i < 21; i++) {
  const p = await h.addProvider(north, { name: `Zed Care ${String(i).padStart(2, '0')}`, area: 'Pool' })
  await publishAward(h, north, p.id, { level: 'bronze' })
}
const [link] = await makeLinks(h, north, await addAssessment(h, north, ann.id))

t.test('unknown filter values are ignored and a page past the last one says so (no browser needed)', async (t) => {
  const res = await h.app.inject({ url: '/directory/northshire?level=platinum' })
  t.equal(res.statusCode, 200)
  t.match(res.body, /23 services found/)
  const past = await h.app.inject({ url: '/directory/northshire?area=Pool&page=9' })
  t.equal(past.statusCode, 200)
  t.notMatch(past.body, /No services match/)
  t.match(past.body, /There are no more results/)
  t.match(past.body, 'href="/directory/northshire?area=Pool&amp;page=2"')
})

t.test("a council's brand colour: checked for readable white text, then on its pages", async (t) => {
  const admin = h.auth(h.admin.token)
  const create = async (brandColour: string) =>
    await h.app.inject({
      method: 'POST',
      url: '/api/v1/councils',
      headers: admin,
      payload: { slug: `c${brandColour.slice(1).toLowerCase()}`, name: 'Purple Council', brandColour }
    })
  const light = await create('#ffdd00')
  t.equal(light.statusCode, 422)
  t.equal(light.json().code, 'BRAND_COLOUR_TOO_LIGHT')
  t.equal(light.json().errors[0].path, 'body.brandColour')
  t.equal((await create('purple')).statusCode, 400, 'not a colour')
  const purple = await create('#5A2D81')
  t.equal(purple.statusCode, 201)
  t.equal(purple.json().brandColour, '#5a2d81', 'stored in one spelling')
  const page = await h.app.inject({ url: '/directory/c5a2d81' })
  t.match(page.body, '<link rel="stylesheet" href="/assets/brand/5a2d81.css">')
  t.match(page.body, '<meta name="theme-color" content="#5a2d81">')
  t.match((await h.app.inject({ url: '/directory/northshire' })).body, '/assets/brand/00625e.css', 'the default')
})

t.test('in Chromium', { skip: browserAvailable() ? false : 'no chromium (scripts/ensure-chromium.sh)' }, async (t) => {
  t.setTimeout(600_000)
  await h.app.listen({ host: '127.0.0.1', port: 0 })
  const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`
  const browser = await launchBrowser(t)

  /** A page under the service's real CSP; every policy violation it reports is collected. */
  async function strictPage (b: Browser, opts: { width?: number; javaScript?: boolean } = {}) {
    const context = await b.newContext({
      viewport: { width: opts.width ?? 1024, height: 800 },
      javaScriptEnabled: opts.javaScript ?? true
    })
    t.teardown(async () => await context.close())
    const page = await context.newPage()
    const blocked: string[] = []
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) blocked.push(m.text()) })
    return { page, blocked }
  }
  const scrollsSideways = async (page: Page) =>
    await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)

  await t.test('the CSP lets GOV.UK Frontend run: js-enabled, initAll, nothing blocked', async (t) => {
    const { page, blocked } = await strictPage(browser)
    await page.goto(`${base}/`)
    t.match(await page.getAttribute('body', 'class'), /js-enabled govuk-frontend-supported/)
    await page.goto(base + pathOf(link!))
    await page.click('button[type=submit]')
    await page.waitForSelector('.govuk-error-summary')
    t.equal(
      await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
      true,
      "the error summary took focus: GOV.UK Frontend's module script ran"
    )
    t.same(blocked, [], 'no Content Security Policy violation')
  })

  await t.test('the provider page does not scroll sideways at 320 px (the badge shrinks)', async (t) => {
    const { page } = await strictPage(browser, { width: 320 })
    for (const path of [`/directory/northshire/providers/${ann.id}`, '/directory/northshire', pathOf(link!)]) {
      await page.goto(base + path)
      t.equal(await scrollsSideways(page), false, `${path} reflows at 320 px`)
    }
    await page.goto(`${base}/directory/northshire/providers/${ann.id}`)
    const img = await page.evaluate(() => document.querySelector('img')?.getBoundingClientRect().width)
    t.ok(img !== undefined && img <= 320, `the badge is ${img} px wide`)
  })

  await t.test("a suspended mark's badge says it is suspended", async (t) => {
    const { page } = await strictPage(browser)
    await page.goto(`${base}/directory/northshire/providers/${cat.id}`)
    t.match(await page.getAttribute('img', 'alt'), /^Bronze Quality Mark badge: suspended/)
    await page.goto(`${base}/directory/northshire/providers/${ann.id}`)
    t.match(await page.getAttribute('img', 'alt'), /^Gold Quality Mark badge, valid until/)
  })

  await t.test('past the last page: no more results and a link to the last page, not "remove a filter"', async (t) => {
    const page = await openPage(browser) // CSP bypassed for axe-core only
    await page.goto(`${base}/directory/northshire?area=Pool&page=7`)
    const text = await page.textContent('main')
    t.notMatch(text, /No services match|removing a filter/)
    t.match(text, /There are no more results/)
    await page.click('text=Go to the last page of results')
    await page.waitForURL(/page=2/)
    t.match(await page.textContent('main'), /Zed Care 20/)
    t.same(await axeViolations(page), [], 'axe on the last page')
  })

  await t.test('an unknown filter value is ignored, not a dead end', async (t) => {
    const { page } = await strictPage(browser)
    const res = await page.goto(`${base}/directory/northshire?level=platinum`)
    t.equal(res?.status(), 200)
    t.match(await page.textContent('#results'), '23 services found')
    t.equal(await page.inputValue('#filter-level'), '', 'the level filter shows Any')
  })

  await t.test('the footer reads as a sentence with and without a council', async (t) => {
    const { page } = await strictPage(browser)
    await page.goto(`${base}/feedback/not-a-real-link`)
    t.equal(
      (await page.textContent('footer p'))?.replace(/\s+/g, ' ').trim(),
      'Quality Mark shows which local care and support services meet the council’s quality standards.'
    )
    t.same(
      await page.$$eval('footer a', (as) => as.map((a) => a.getAttribute('href'))),
      ['/accessibility', '/privacy'],
      'a page of no council links the list of statements'
    )
    await page.goto(`${base}/directory/northshire`)
    t.match((await page.textContent('footer'))?.replace(/\s+/g, ' '), /Quality Mark is run by Northshire Council\. It /)
    t.same(
      await page.$$eval('footer a', (as) => as.map((a) => a.getAttribute('href'))),
      ['/directory/northshire/accessibility', '/directory/northshire/privacy']
    )
  })

  await t.test('a favicon of our own (not the crown) is linked and served', async (t) => {
    const { page } = await strictPage(browser)
    await page.goto(`${base}/`)
    const href = await page.getAttribute('link[rel=icon]', 'href')
    t.match(href, /^\/assets\/favicon-[0-9a-f]{12}\.svg$/)
    const icon = await page.request.get(base + href!)
    t.equal(icon.status(), 200)
    t.match(icon.headers()['content-type'], /image\/svg\+xml/)
    t.match(icon.headers()['cache-control'], /immutable/)
    t.notMatch(await icon.text(), /crown/i)
  })

  await t.test('with JavaScript off the filters and the form still work', async (t) => {
    const { page } = await strictPage(browser, { javaScript: false })
    await page.goto(`${base}/directory/northshire`)
    await page.selectOption('#filter-level', 'gold')
    await page.click('button[type=submit]')
    await page.waitForURL(/level=gold/)
    t.match(await page.textContent('#results'), '1 service found')
    await page.goto(base + pathOf(link!))
    await page.check('#q-OCC_NOW-0')
    await page.click('button[type=submit]')
    await page.waitForSelector('.govuk-error-summary')
    t.equal(await page.isChecked('#q-OCC_NOW-0'), true, 'the answer is kept')
  })
})
