// Council settings and people, and the reports, in real Chromium (README: For co-ordinators): a co-ordinator makes
// an API token, adds and removes a webhook, deactivates a provider's person and asks for a report by keyboard alone
// with JavaScript off; axe-core finds nothing on any of the pages, none scrolls sideways at 320 CSS pixels, and a
// printed report keeps its tables and chart without the navigation.
import t from 'tap'
import { browserAvailable, launchBrowser } from '../helpers/browser.js'
import { buildTestApp, fakeResolver } from '../helpers/app.js'
import { freePort } from '../helpers/free-port.js'
import { staffInBrowser } from '../helpers/manage-browser.js'

t.test('settings, people and reports, by keyboard, JavaScript off', { skip: !browserAvailable() }, async (t) => {
  const port = await freePort()
  const base = `http://localhost:${port}`
  const h = await buildTestApp(t, {
    env: { PUBLIC_BASE_URL: base },
    resolveHost: fakeResolver({ 'hooks.example.org': ['93.184.216.34'] })
  })
  await h.app.listen({ port, host: '127.0.0.1' })
  const [north] = h.councils
  await h.addProvider(north, { name: 'Bright Days' })
  const browser = await launchBrowser(t)
  const { page, checkPage, shot, go, tabTo } = await staffInBrowser(t, h, browser, base, north.coordinator)

  await page.goto(`${base}/manage`)
  await go('Settings and people', `${base}/manage/settings`)
  await checkPage('settings')
  await shot('manage-settings')
  await go('Your API tokens', `${base}/manage/settings/tokens`)
  await checkPage('tokens')
  await go('Create a token', `${base}/manage/settings/tokens/new`)
  await page.keyboard.press('Tab')
  await go('Create the token', `${base}/manage/settings/tokens/new`)
  t.match(await page.textContent('.govuk-error-summary'), /Enter what the token is for/)
  await checkPage('token form with an error')
  await page.focus('#label')
  await page.keyboard.type('Directory export')
  await page.keyboard.press('Enter')
  await page.waitForSelector('.app-secret__value')
  t.match(await page.textContent('.app-secret__value'), /^qm_/)
  await checkPage('the new token')
  await shot('manage-token-once')

  await page.goto(`${base}/manage/settings/webhooks`)
  await checkPage('webhooks')
  await go('Add a webhook', `${base}/manage/settings/webhooks/new`)
  await page.focus('#url')
  await page.keyboard.type('https://hooks.example.org/qm')
  await page.keyboard.press('Enter')
  await page.waitForSelector('.app-secret__value')
  t.match(await page.textContent('.app-secret__value'), /^whsec_/)
  await checkPage('the new webhook')
  await tabTo('See its delivery log')
  await page.keyboard.press('Enter')
  await page.waitForSelector('h1:text("Delivery log")')
  await checkPage('delivery log')
  await tabTo('Remove this webhook')
  await page.keyboard.press('Enter')
  await page.waitForSelector('h1:text("Are you sure you want to remove this webhook?")')
  await checkPage('remove a webhook')
  await go('Yes, remove the webhook', `${base}/manage/settings/webhooks?done=remove`)
  t.match(await page.textContent('main'), /The webhook is removed/)

  await page.goto(`${base}/manage/settings/people`)
  await checkPage('people')
  await shot('manage-people')
  await tabTo('Deactivate Bright Days owner')
  await page.keyboard.press('Enter')
  await page.waitForSelector('h1:text("Are you sure you want to deactivate this person?")')
  await checkPage('deactivate a person')
  await go('Yes, deactivate', `${base}/manage/settings/people?done=deactivate`)
  t.match(await page.textContent('main'), /Deactivated/)
  await page.goto(`${base}/manage/settings/notifications`)
  await checkPage('messages sent')

  // The reports: the form by keyboard, the report's tables and chart, and a print layout for a committee paper.
  await go('Reports', `${base}/manage/reports`)
  await checkPage('reports')
  await page.focus('#from-day')
  await page.keyboard.type('1')
  await page.keyboard.press('Tab')
  await page.keyboard.type('1')
  await page.keyboard.press('Tab')
  await page.keyboard.type('2026')
  await go('Show the report', `${base}/manage/reports?report=operations&from-day=1&from-month=1&from-year=2026` +
    '&to-day=&to-month=&to-year=&item=')
  t.match(await page.textContent('main'), /Awards by level/)
  await checkPage('operations report')
  await shot('manage-report')
  await page.emulateMedia({ media: 'print' })
  const printed = await page.evaluate(() => {
    // shown: it takes up room on the page (inside a hidden parent it has none)
    const shown = (el: Element) => el.getClientRects().length > 0
    return {
      hidden: ['.govuk-header', '.govuk-service-navigation', '.govuk-footer', 'form[action="/manage/reports"]']
        .flatMap((sel) => [...document.querySelectorAll(sel)]).filter(shown).map((el) => el.className),
      tables: [...document.querySelectorAll('table')].filter(shown).length,
      chart: [...document.querySelectorAll('.app-chart svg')].some(shown)
    }
  })
  t.same(printed.hidden, [], 'printed: no header, navigation, footer or form')
  t.ok(printed.tables >= 4, 'printed: the tables stay')
  t.ok(printed.chart, 'printed: the chart stays')
  await page.emulateMedia({ media: 'screen' })
})
