// The Open Referral UK feed: every response validated against the standard's JSON Schemas (2020-12), filters
// combined with AND, stable ids, CORS, ETag revalidation, and a lost mark showing as a change.
import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { organizationIdOf } from '../../src/use-cases/publication/ids.js'
import { buildTestApp } from '../helpers/app.js'
import { validHsds } from '../helpers/hsds.js'
import { publishAward, setAwardStatus } from '../helpers/publication.js'

// The standard's schemas (test/helpers/hsds.ts): the validator's, and the UK profile's compiled service.
const schemas = {
  apiDetails: 'validator:api_details.json',
  service: 'validator:service.json',
  profileService: 'profile:service.json',
  serviceList: 'page:service_list.json',
  taxonomy: 'validator:taxonomy.json',
  taxonomyList: 'page:taxonomy_list.json',
  term: 'validator:taxonomy_term.json',
  termList: 'page:taxonomy_term_list.json'
}
function valid (t: Test, name: keyof typeof schemas, body: unknown) {
  validHsds(t, schemas[name], body, name)
}

const h = await buildTestApp(t)
const [north, south] = h.councils
const get = async (url: string, headers: Record<string, string> = {}) => await h.app.inject({ url, headers })

const ann = await h.addProvider(north, {
  name: "Ann's Home Help",
  area: 'Otley',
  serviceTypes: ['domiciliary_care'],
  clientGroups: ['older_people'],
  contact: {
    phone: '01943 000001',
    website: 'https://ann.example',
    email: 'ann@example.org',
    route: 'Ring and leave a message'
  }
})
const bob = await h.addProvider(north, {
  name: "Bob's Day Club",
  area: 'Ilkley',
  postcode: 'LS29 8AA',
  serviceTypes: ['day_activities'],
  clientGroups: ['learning_disability'],
  hourlyPricePence: 2250
})
const cat = await h.addProvider(north, {
  name: 'Cat Cares',
  area: 'Otley',
  serviceTypes: ['support_in_home'],
  clientGroups: ['older_people', 'carers']
})
await h.addProvider(north, { name: 'Dan Not Assessed' })
const southern = await h.addProvider(south, { name: 'Southern Star' })
const annAward = await publishAward(h, north, ann.id, { level: 'gold', smallSample: true })
await publishAward(h, north, bob.id, { level: 'silver' })
const catAward = await publishAward(h, north, cat.id, { level: 'bronze' })
await publishAward(h, south, southern.id, { level: 'gold' })

const taxonomies = (await get('/oruk/northshire/taxonomies')).json().contents as Array<{ id: string; name: string }>
const terms = (await get('/oruk/northshire/taxonomy_terms?per_page=100')).json().contents as Array<{
  id: string
  term: string
  taxonomy_id: string
}>
const termId = (code: string) => terms.find((x) => x.term === code)!.id

t.test('GET / names the standard', async (t) => {
  const res = await get('/oruk/northshire/')
  t.equal(res.statusCode, 200)
  valid(t, 'apiDetails', res.json())
  t.equal(res.json().version, 'HSDS-UK-3.0')
  t.equal((await get('/oruk/nowhere/')).statusCode, 404, 'unknown council')
})

t.test("GET /services lists the council's marked services, valid; full=true nests them fully", async (t) => {
  const summary = (await get('/oruk/northshire/services')).json()
  valid(t, 'serviceList', summary)
  t.equal(summary.contents[0].service_at_locations, undefined, 'summaries by default')
  t.equal(summary.contents[0].attributes.length, 3, 'with the level and other terms')
  const res = await get('/oruk/northshire/services?full=true')
  t.equal(res.statusCode, 200)
  const page = res.json()
  valid(t, 'serviceList', page)
  for (const s of page.contents) {
    valid(t, 'service', s)
    valid(t, 'profileService', s)
  }
  t.same(
    page.contents.map((s: { name: string }) => s.name),
    ["Ann's Home Help", "Bob's Day Club", 'Cat Cares'],
    "only providers with a mark, never another council's"
  )
  t.match(page, {
    total_items: 3,
    total_pages: 1,
    page_number: 1,
    size: 3,
    first_page: true,
    last_page: true,
    empty: false
  })
  const a = page.contents[0]
  t.equal(a.id, ann.id)
  t.equal(a.organization_id, organizationIdOf(ann.id), 'organization id derived from the provider id')
  t.equal(a.organization.id, a.organization_id)
  t.equal(a.status, 'active')
  t.equal(
    a.accreditations,
    'Gold Quality Mark from Northshire Council, valid until 1 March 2027 (based on a small feedback sample)'
  )
  t.equal(a.service_at_locations[0].location.addresses[0].postal_code, 'LS21 3AA')
  t.equal(a.url, 'https://ann.example')
  t.match(a.contacts[0].title, /01943 000001/)
  t.same(a.cost_options[0], {
    id: a.cost_options[0].id,
    service_id: ann.id,
    option: 'Hourly rate',
    amount: 18,
    amount_description: '£18.00 an hour'
  })
  t.same(a.attributes.map((x: { taxonomy_term: { name: string } }) => x.taxonomy_term.name).sort(), [
    'Domiciliary care',
    'Gold Quality Mark',
    'Older people'
  ])
  const again = (await get('/oruk/northshire/services?full=true')).json()
  t.same(again.contents[0].service_at_locations, a.service_at_locations, 'ids are stable across requests')
})

t.test('filters combine with AND; paging is bounded', async (t) => {
  const names = async (query: string) => {
    const res = await get(`/oruk/northshire/services?${query}`)
    t.equal(res.statusCode, 200, query)
    valid(t, 'serviceList', res.json())
    return res.json().contents.map((s: { name: string }) => s.name)
  }
  t.same(await names(`taxonomy_term_id=${termId('gold')}`), ["Ann's Home Help"])
  t.same(await names(`taxonomy_term_id=${termId('older_people')}`), ["Ann's Home Help", 'Cat Cares'])
  t.same(await names(`taxonomy_term_id=${termId('older_people')}&search=cat`), ['Cat Cares'])
  t.same(await names(`taxonomy_term_id=${termId('gold')}&search=cat`), [], 'AND, not OR')
  t.same(await names('search=ilkley'), ["Bob's Day Club"], 'search covers the area')
  t.same(await names(`organization_id=${organizationIdOf(bob.id)}`), ["Bob's Day Club"])
  t.same(await names(`organization_id=${organizationIdOf(southern.id)}`), [], "another council's organization")
  t.same(await names(`taxonomy_id=${taxonomies[0]!.id}`), ["Ann's Home Help", "Bob's Day Club", 'Cat Cares'])
  t.same(await names('taxonomy_term_id=00000000-0000-4000-8000-000000000000'), [], 'unknown term')
  const p2 = (await get('/oruk/northshire/services?per_page=2&page=2')).json()
  t.match(p2, {
    total_items: 3,
    total_pages: 2,
    page_number: 2,
    size: 1,
    first_page: false,
    last_page: true,
    empty: false
  })
  const beyond = (await get('/oruk/northshire/services?per_page=2&page=5')).json()
  t.match(beyond, { size: 0, empty: true, last_page: true })
  t.equal((await get('/oruk/northshire/services?per_page=101')).statusCode, 400, 'per_page bounded')
  t.equal((await get('/oruk/northshire/services?modified_after=yesterday')).statusCode, 400)
})

t.test('GET /services/{id}', async (t) => {
  const res = await get(`/oruk/northshire/services/${bob.id}`)
  t.equal(res.statusCode, 200)
  valid(t, 'service', res.json())
  valid(t, 'profileService', res.json())
  t.equal(res.json().cost_options[0].amount, 22.5)
  t.equal((await get(`/oruk/northshire/services/${southern.id}`)).statusCode, 404, "another council's service")
  t.equal((await get('/oruk/northshire/services/00000000-0000-4000-8000-000000000000')).statusCode, 404)
})

t.test('taxonomies and terms', async (t) => {
  const tx = (await get('/oruk/northshire/taxonomies')).json()
  valid(t, 'taxonomyList', tx)
  t.equal(tx.contents[0].name, 'Northshire Council Quality Mark')
  for (const x of tx.contents) valid(t, 'taxonomy', x)
  const one = await get(`/oruk/northshire/taxonomies/${tx.contents[0].id}`)
  valid(t, 'taxonomy', one.json())
  const list = (await get(`/oruk/northshire/taxonomy_terms?taxonomy_id=${tx.contents[0].id}`)).json()
  valid(t, 'termList', list)
  t.same(
    list.contents.map((x: { name: string }) => x.name),
    ['Gold Quality Mark', 'Silver Quality Mark', 'Bronze Quality Mark']
  )
  const term = await get(`/oruk/northshire/taxonomy_terms/${termId('autism')}`)
  valid(t, 'term', term.json())
  t.equal(term.json().name, 'Autistic people')
  const southLevels = (await get('/oruk/southshire/taxonomy_terms')).json().contents[0]
  t.not(southLevels.id, termId('gold'), "each council's Quality Mark has its own terms")
})

t.test('CORS is open on the feed only; no key needed', async (t) => {
  const res = await get('/oruk/northshire/services', { origin: 'https://directory.example' })
  t.equal(res.headers['access-control-allow-origin'], '*')
  const pre = await h.app.inject({
    method: 'OPTIONS',
    url: '/oruk/northshire/services',
    headers: { origin: 'https://directory.example', 'access-control-request-method': 'GET' }
  })
  t.equal(pre.statusCode, 204)
  const api = await get('/health/live', { origin: 'https://directory.example' })
  t.equal(api.headers['access-control-allow-origin'], undefined, 'the rest of the API is not opened')
})

t.test(
  'a lost mark is a change: new last_modified, inactive, no level attribute, no reason; ETag follows the data',
  async (t) => {
    const first = await get('/oruk/northshire/services')
    const etag = first.headers.etag as string
    t.ok(etag)
    t.equal(first.headers['cache-control'], 'public, max-age=30, must-revalidate')
    t.equal((await get('/oruk/northshire/services', { 'if-none-match': etag })).statusCode, 304)

    // Another instance on the same database sees the same version, hence the same ETag.
    const second = await buildApp(loadConfig({ LOG_LEVEL: 'silent', DEMO: 'false', JOBS_INTERVAL_SECONDS: '0' }), {
      database: { ...h.db, close: async () => {} },
      clock: () => h.clock.now,
      logger: false
    })
    t.teardown(async () => {
      await second.close()
    })
    t.equal((await second.inject({ url: '/oruk/northshire/services' })).headers.etag, etag)

    h.clock.advanceDays(3)
    const since = h.clock.now.toISOString()
    await setAwardStatus(h, catAward.id, 'suspended', 'safeguarding_investigation: SECRET REASON')
    const after = await get('/oruk/northshire/services', { 'if-none-match': etag })
    t.equal(after.statusCode, 200, 'the cached page is not served after a change')
    t.not(after.headers.etag, etag)
    const c = after.json().contents.find((s: { id: string }) => s.id === cat.id)
    valid(t, 'service', c)
    t.equal(c.status, 'inactive')
    t.equal(c.last_modified, since)
    t.equal(
      c.accreditations,
      'Bronze Quality Mark from Northshire Council: suspended on 5 March 2026; the service does not hold a current ' +
        'Quality Mark'
    )
    t.notOk(
      c.attributes.some((x: { taxonomy_term: { name: string } }) => /Quality Mark/.test(x.taxonomy_term.name)),
      'the level attribute is removed'
    )
    t.notMatch(after.body, /SECRET|safeguarding/, 'never the reason')
    const changed = (await get(`/oruk/northshire/services?modified_after=${encodeURIComponent(since)}`)).json()
    t.same(
      changed.contents.map((s: { id: string }) => s.id),
      [cat.id],
      'the change feed shows the suspension'
    )
    t.same(
      (await get(`/oruk/northshire/services?taxonomy_term_id=${termId('bronze')}`)).json().contents,
      [],
      'no longer matches its level'
    )
    t.equal(
      (await second.inject({ url: '/oruk/northshire/services' })).headers.etag,
      after.headers.etag,
      'the other instance agrees at once'
    )

    await setAwardStatus(h, annAward.id, 'withdrawn')
    const a = (await get(`/oruk/northshire/services/${ann.id}`)).json()
    t.equal(a.status, 'inactive')
    t.match(a.accreditations, /withdrawn on 5 March 2026/)
  }
)
