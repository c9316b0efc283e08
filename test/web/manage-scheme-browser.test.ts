// The scheme pages in real Chromium (README: For co-ordinators, Scheme), with JavaScript off and the keyboard
// alone: the versions, a draft made, an item changed with a problem shown first, the diff, the what-if and
// publishing; axe-core finds nothing on any page and none scrolls sideways at 320 CSS pixels.
import t from 'tap'
import { browserAvailable, launchBrowser } from '../helpers/browser.js'
import { buildTestApp } from '../helpers/app.js'
import { freePort } from '../helpers/free-port.js'
import { insertAssessment } from '../helpers/manage.js'
import { staffInBrowser } from '../helpers/manage-browser.js'

t.test('a draft from the version in force to published, by keyboard, JavaScript off',
  { skip: !browserAvailable() }, async (t) => {
    const port = await freePort()
    const base = `http://localhost:${port}`
    const h = await buildTestApp(t, { env: { PUBLIC_BASE_URL: base } })
    await h.app.listen({ port, host: '127.0.0.1' })
    const [north] = h.councils
    const provider = await h.addProvider(north, { name: 'Bright Days' })
    await insertAssessment(h, north, provider.id, 'under_review')
    const browser = await launchBrowser(t)
    const { page, checkPage, go, tabTo, shot } = await staffInBrowser(t, h, browser, base, north.coordinator)

    await page.goto(`${base}/manage`)
    await go('Scheme', `${base}/manage/scheme`)
    await checkPage('the versions')
    await go('Make a draft from version 1', /\/manage\/scheme\/[0-9a-f-]{36}\?done=created$/)
    const draft = new URL(page.url()).pathname
    t.match(await page.textContent('main'), /The draft is made/)
    await checkPage('the draft')
    await shot('manage-scheme-version')

    await go('Change INS_PI', `${base}${draft}/items/INS_PI`)
    await checkPage('an item')
    await page.focus('#weight')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('lots')
    await go('Save the item', `${base}${draft}/items/INS_PI`)
    t.match(await page.textContent('.govuk-error-summary'), /Enter the weight as a number/)
    t.equal(await page.inputValue('#weight'), 'lots', 'the input is kept')
    await checkPage('an item with a problem')
    await shot('manage-scheme-item-errors')
    await page.focus('#weight')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('3')
    await page.focus('#tier-3')
    await page.keyboard.press('Space')
    await go('Save the item', `${base}${draft}?done=saved`)
    t.match(await page.textContent('main'), /The draft is saved/)

    await tabTo('Show what changed')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/diff\?from=/)
    t.match(await page.textContent('main'), /\(INS_PI\): Tier/)
    await checkPage('the diff')
    await shot('manage-scheme-diff')

    await page.goto(`${base}${draft}/what-if`)
    await page.selectOption('#assessment', { label: 'Bright Days: initial assessment, under review' })
    await go('Score it', /what-if\?assessment=/)
    t.match(await page.textContent('main'), /The level under each version/)
    await checkPage('the what-if')

    await page.goto(`${base}${draft}`)
    await go('Publish this draft', `${base}${draft}/publish`)
    t.match(await page.textContent('main'), /new assessments use version 2 instead of version 1/)
    await checkPage('publish confirmation')
    await go('Yes, publish version 2', `${base}${draft}?done=published`)
    t.match(await page.textContent('main'), /In force/)
    await checkPage('the published version')
  })
