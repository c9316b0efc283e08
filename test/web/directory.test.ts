// The council directory: filters by level, offering, client group, area and text; each entry shows its mark,
// valid-until and small-sample note; suspended marks say so; pagination; provider page; and in headless
// chromium, the form works by keyboard without client script and axe-core finds no violations.
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { axeViolations, browserAvailable, launchBrowser, openPage } from '../helpers/browser.js'
import { publishAward, setAwardStatus } from '../helpers/publication.js'

const h = await buildTestApp(t)
const [north] = h.councils
const ann = await h.addProvider(north, {
  name: "Ann's Home Help",
  area: 'Otley',
  serviceTypes: ['domiciliary_care'],
  clientGroups: ['older_people']
})
const bob = await h.addProvider(north, {
  name: "Bob's Day Club",
  area: 'Ilkley',
  serviceTypes: ['day_activities'],
  clientGroups: ['learning_disability']
})
const cat = await h.addProvider(north, {
  name: 'Cat Cares',
  area: 'Otley',
  serviceTypes: ['support_in_home'],
  clientGroups: ['older_people']
})
const gone = await h.addProvider(north, { name: 'Gone Care', area: 'Otley' })
await publishAward(h, north, ann.id, { level: 'gold', smallSample: true })
await publishAward(h, north, bob.id, { level: 'silver' })
const catAward = await publishAward(h, north, cat.id, { level: 'bronze' })
await setAwardStatus(h, catAward.id, 'suspended', 'safeguarding_investigation: SECRET')
await setAwardStatus(h, (await publishAward(h, north, gone.id, { level: 'gold' })).id, 'withdrawn')
for (let i = 0; i < 21; i++) {
  const p = await h.addProvider(north, { name: `Zed Care ${String(i).padStart(2, '0')}`, area: 'Pool' })
  await publishAward(h, north, p.id, { level: 'bronze' })
}

const names = (body: string) =>
  [...body.matchAll(/<h3[^>]*><a[^>]* href="[^"]+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]!.replace('&#39;', "'"))
const page = async (query = '') => await h.app.inject({ url: `/directory/northshire${query}` })

t.test('filters by level, offering, client group, area and text, combined', async (t) => {
  const all = await page()
  t.equal(all.statusCode, 200)
  t.match(all.headers['content-type'], /text\/html/)
  t.match(all.body, /24 services found/, 'live and suspended marks; a withdrawn one is gone')
  t.notMatch(all.body, /Gone Care/)
  t.same(names((await page('?level=gold')).body), ["Ann's Home Help"])
  t.same(names((await page('?level=bronze&area=Otley')).body), [], 'a suspended bronze does not count as bronze')
  t.same(names((await page('?offering=day_activities')).body), ["Bob's Day Club"])
  t.same(names((await page('?group=older_people&area=Otley')).body), ["Ann's Home Help", 'Cat Cares'])
  t.same(
    names((await page('?q=day&level=&offering=&group=&area=')).body),
    ["Bob's Day Club"],
    'empty "Any" values are no filter'
  )
  const unknown = await page('?level=platinum&offering=flying&group=&page=zero')
  t.equal(unknown.statusCode, 200, 'a filter value the form does not offer is ignored, as GOV.UK filters do')
  t.match(unknown.body, /24 services found/)
  t.match(unknown.body, /<option value="" selected>Any<\/option>/, 'the level shows "Any"')
})

t.test('each entry shows its mark, valid-until, small-sample note; suspension without reason', async (t) => {
  const body = (await page('?area=Otley')).body
  t.match(body, /Gold Quality Mark, valid until 1 March 2027/)
  t.match(body, /small number of people/)
  t.match(body, /Bronze Quality Mark suspended/)
  t.notMatch(body, /SECRET|safeguarding/)
})

t.test('pagination keeps the filters', async (t) => {
  const first = (await page('?area=Pool')).body
  t.match(first, /21 services found/)
  t.match(first, /Page 1 of 2/)
  t.match(first, 'href="/directory/northshire?area=Pool&amp;page=2"')
  const second = (await page('?area=Pool&page=2')).body
  t.same(names(second), ['Zed Care 20'])
})

t.test('provider page', async (t) => {
  const res = await h.app.inject({ url: `/directory/northshire/providers/${ann.id}` })
  t.equal(res.statusCode, 200)
  t.match(res.body, /Ann&#39;s Home Help/)
  t.match(res.body, /\/badges\/[0-9a-f-]+\.svg/)
  t.equal(
    (await h.app.inject({ url: `/directory/northshire/providers/${gone.id}` })).statusCode,
    404,
    'a withdrawn provider has no page'
  )
  t.equal((await h.app.inject({ url: '/directory/nowhere' })).statusCode, 404)
})

t.test(
  'in a browser: keyboard filtering, no violations',
  { skip: browserAvailable() ? false : "no chromium: install Debian's chromium (scripts/ensure-chromium.sh)" },
  async (t) => {
    t.setTimeout(300_000)
    await h.app.listen({ host: '127.0.0.1', port: 0 })
    const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`
    const browser = await launchBrowser(t)
    const p = await openPage(browser)
    await p.goto(`${base}/directory/northshire`)
    t.same(await axeViolations(p), [], 'search page')
    await p.selectOption('#filter-level', 'gold')
    await p.focus('button[type=submit]')
    await p.keyboard.press('Enter')
    await p.waitForURL(/level=gold/)
    t.match(await p.textContent('#results'), '1 service found')
    t.same(await axeViolations(p), [], 'filtered results')
    await p.goto(`${base}/directory/northshire?area=Pool`)
    t.same(await axeViolations(p), [], 'paginated results')
    await p.goto(`${base}/directory/northshire/providers/${ann.id}`)
    t.same(await axeViolations(p), [], 'provider page')
    await p.goto(`${base}/verify/${catAward.id}`)
    t.same(await axeViolations(p), [], 'verification page of a suspended mark')
  }
)
