// The directory's new pages in real Chromium: the search near a postcode (and its kind error state), a provider's
// page with what was checked and its printable version, the About page and the council statements — axe-core finds
// no violations, nothing scrolls sideways at 320 CSS pixels, and with JavaScript off a postcode search still works.
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { evidence } from '../../src/db/schema/index.js'
import { buildTestApp } from '../helpers/app.js'
import { axeViolations, browserAvailable, launchBrowser, openPage } from '../helpers/browser.js'
import { importPostcodes, publishAward } from '../helpers/publication.js'

t.test('directory pages in Chromium', { skip: browserAvailable() ? false : 'no chromium (scripts/ensure-chromium.sh)' },
  async (t) => {
    t.setTimeout(600_000)
    const h = await buildTestApp(t)
    const [north] = h.councils
    await importPostcodes(h, [
      ['LS21 3AA', 53.9053, -1.6934],
      ['LS1 4AP', 53.7965, -1.5478],
      ['LS2 9JT', 53.8067, -1.555]
    ])
    const ann = await h.addProvider(north, {
      name: "Ann's Home Help",
      postcode: 'LS21 3AA',
      takingNewPeople: true,
      contact: { phone: '01943 000001', email: 'ann@example.org', website: 'https://ann.example.org/a/long/path/here' }
    })
    const cat = await h.addProvider(north, { name: 'Cat Cares', area: 'Leeds', postcode: 'LS1 4AP' })
    const award = await publishAward(h, north, ann.id, { level: 'gold' })
    await publishAward(h, north, cat.id, { level: 'bronze' })
    await h.db.db.insert(evidence).values({
      councilId: north.id,
      assessmentId: award.assessmentId,
      providerId: ann.id,
      itemCode: 'INS_PL',
      kind: 'document',
      status: 'verified',
      reviewedAt: new Date('2026-02-12T12:00:00Z')
    })
    await h.app.listen({ host: '127.0.0.1', port: 0 })
    const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`
    const browser = await launchBrowser(t)
    const pages = {
      search: '/directory/northshire?postcode=LS2+9JT&within=10',
      'unknown postcode': '/directory/northshire?postcode=LS99+9ZZ',
      provider: `/directory/northshire/providers/${ann.id}`,
      printable: `/directory/northshire/providers/${ann.id}?print=yes`,
      about: '/directory/northshire/about',
      accessibility: '/directory/northshire/accessibility',
      privacy: '/directory/northshire/privacy'
    }

    await t.test('axe-core: no violations', async (t) => {
      const page = await openPage(browser)
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(base + path)
        t.same(await axeViolations(page), [], name)
      }
    })

    await t.test('320 CSS pixels: nothing scrolls sideways', async (t) => {
      const context = await browser.newContext({ viewport: { width: 320, height: 640 } })
      t.teardown(async () => await context.close())
      const page = await context.newPage()
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(base + path)
        const wide = await page.evaluate(() => {
          const root = document.documentElement
          return root.scrollWidth > root.clientWidth
        })
        t.equal(wide, false, name)
      }
    })

    await t.test('on a desktop the filters sit beside the results', async (t) => {
      const page = await openPage(browser)
      await page.goto(base + pages.search)
      const filters = await page.locator('.app-filters').boundingBox()
      const results = await page.locator('#results').boundingBox()
      t.ok(filters !== null && results !== null && filters.x + filters.width <= results.x, 'side by side')
    })

    await t.test('JavaScript off: a postcode search, the error state and the printable page', async (t) => {
      const context = await browser.newContext({ javaScriptEnabled: false })
      t.teardown(async () => await context.close())
      const page = await context.newPage()
      await page.goto(`${base}/directory/northshire`)
      await page.fill('#filter-postcode', 'ls2 9jt')
      await page.selectOption('#filter-within', '10')
      await page.click('button[type=submit]')
      await page.waitForURL(/postcode=ls2\+9jt/)
      const names = await page.$$eval('.app-results h3', (hs) => hs.map((h) => h.textContent?.trim()))
      t.same(names, ['Cat Cares', "Ann's Home Help"], 'nearest first')
      t.match(await page.textContent('.app-results'), /0\.8 miles/)
      t.match(await page.title(), /\(2 services found\)/)
      await page.fill('#filter-postcode', 'LS99 9ZZ')
      await page.click('button[type=submit]')
      await page.waitForURL(/LS99/)
      t.match(await page.textContent('.govuk-error-summary'), 'We could not find that postcode')
      t.equal(await page.inputValue('#filter-postcode'), 'LS99 9ZZ', 'the input is kept')
      await page.click('text=Clear filters')
      await page.waitForURL(/\/directory\/northshire$/)
      t.equal(await page.inputValue('#filter-postcode'), '')
      await page.goto(base + pages.provider)
      await page.click('text=Print this page')
      await page.waitForURL(/print=yes/)
      t.equal(await page.locator('.govuk-service-navigation').count(), 0, 'no navigation to print')
      t.match(await page.textContent('main'), /Public liability insurance/)
    })

    await t.test('printed, the page has no header, navigation, footer or screen-only links', async (t) => {
      const page = await openPage(browser)
      await page.emulateMedia({ media: 'print' })
      await page.goto(base + pages.provider)
      const screenOnly = ['.govuk-service-navigation', '.govuk-footer', '.govuk-back-link', 'text=Print this page']
      for (const selector of screenOnly) {
        t.equal(await page.isVisible(selector), false, selector)
      }
      t.equal(await page.isVisible('text=What was checked'), true)
    })
  })
