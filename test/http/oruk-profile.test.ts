// The whole Open Referral UK profile: every endpoint of the validator's open_api.json (Level 1: the required ones;
// Level 2: those tagged Optional) answers, and its answer passes the schema the validator names; then services at
// locations near a postcode, organizations with their registration numbers, `minimal`, `modified_after`, paging
// edges and filters combined.
import t from 'tap'
import { postcodeImports } from '../../src/db/schema/index.js'
import { organizationIdOf, stableId } from '../../src/use-cases/publication/ids.js'
import { buildTestApp } from '../helpers/app.js'
import { validatorSchema, validHsds } from '../helpers/hsds.js'
import { importPostcodes, publishAward } from '../helpers/publication.js'

const h = await buildTestApp(t)
const [north, south] = h.councils
const get = async (url: string, headers: Record<string, string> = {}) => await h.app.inject({ url, headers })

// A whole edition of the postcode directory counts as imported, so a postcode missing from it is unknown.
await importPostcodes(h, [
  ['LS21 3AA', 53.9053, -1.6934], // Otley, about 14 km from LS2 9JT
  ['LS29 8AB', 53.9254, -1.8226], // Ilkley, about 22 km
  ['LS1 4AP', 53.7965, -1.5478], // Leeds city centre, about 1.2 km
  ['LS2 9JT', 53.8067, -1.555], // where the searches start
  ['LS6 3HN', 53.8193, -1.5781]
])

const ann = await h.addProvider(north, {
  name: "Ann's Home Help",
  area: 'Otley',
  postcode: 'LS21 3AA',
  legalForm: 'charity',
  charityNumber: '1123456',
  serviceTypes: ['domiciliary_care'],
  clientGroups: ['older_people'],
  contact: { phone: '01943 000001', email: 'ann@example.org', route: 'Ring and leave a message' }
})
const bob = await h.addProvider(north, {
  name: "Bob's Day Club",
  area: 'Ilkley',
  postcode: 'LS29 8AB',
  legalForm: 'company',
  companyNumber: 'SC123456',
  serviceTypes: ['day_activities'],
  clientGroups: ['learning_disability']
})
const cat = await h.addProvider(north, {
  name: 'Cat Cares',
  area: 'Leeds',
  postcode: 'LS1 4AP',
  serviceTypes: ['support_in_home'],
  clientGroups: ['older_people', 'carers']
})
await h.addProvider(north, { name: 'Dan Not Assessed', postcode: 'LS1 4AP' })
const southern = await h.addProvider(south, { name: 'Southern Star', postcode: 'LS6 3HN' })
await publishAward(h, north, ann.id, { level: 'gold' })
await publishAward(h, north, bob.id, { level: 'silver' })
await publishAward(h, north, cat.id, { level: 'bronze' })
await publishAward(h, south, southern.id, { level: 'gold' })

const terms = (await get('/oruk/northshire/taxonomy_terms?per_page=100')).json().contents as Array<{
  id: string
  term: string
}>
const termId = (code: string) => terms.find((x) => x.term === code)!.id
const salId = (providerId: string) => stableId('service_at_location', providerId)

// The validator's own description of the API: each path, whether it is Optional (Level 2), and the schema file of
// its 200 answer.
const openApi = validatorSchema('open_api.json') as {
  paths: Record<string, { get: { tags?: string[]; responses: { 200: unknown } } }>
}
const schemaFileOf = (node: unknown): string => {
  const text = JSON.stringify(node)
  return /"\$ref":"[^"]*\/([a-z_]+\.json)"/.exec(text)![1]!
}
const sampleIds: Record<string, string> = {
  '/services/{id}': bob.id,
  '/service_at_locations/{id}': salId(ann.id),
  '/organizations/{id}': organizationIdOf(ann.id),
  '/taxonomy_terms/{id}': termId('gold')
}

t.test("every endpoint of the validator's open_api.json answers with what its schema requires", async (t) => {
  const taxonomies = (await get('/oruk/northshire/taxonomies')).json().contents as Array<{ id: string }>
  sampleIds['/taxonomies/{id}'] = taxonomies[0]!.id
  const levels = { 1: 0, 2: 0 }
  for (const [path, item] of Object.entries(openApi.paths)) {
    const level = item.get.tags?.includes('Optional') === true ? 2 : 1
    levels[level]++
    const isOne = path.endsWith('{id}')
    const url = `/oruk/northshire${path.replace('{id}', sampleIds[path] ?? 'missing')}`
    const res = await get(url)
    t.equal(res.statusCode, 200, `Level ${level}: ${path}`)
    const file = schemaFileOf(item.get.responses[200])
    validHsds(t, isOne || path === '/' ? `validator:${file}` : `page:${file}`, res.json(), `${path} (${file})`)
    if (!isOne && path !== '/') {
      t.ok(res.json().contents.length > 0, `${path} lists something`)
      // Level 2 asks each list for a fully nested variant too.
      const full = await get(`${url}?full=true`)
      validHsds(t, `page:${file}`, full.json(), `${path}?full=true`)
    }
  }
  t.same(levels, { 1: 3, 2: 8 }, 'Level 1: /, /services, /services/{id}; Level 2: every Optional endpoint')
})

t.test('a service at its location: coordinates, address, the service fully nested; valid', async (t) => {
  const res = await get(`/oruk/northshire/service_at_locations/${salId(ann.id)}`)
  t.equal(res.statusCode, 200)
  const sal = res.json()
  validHsds(t, 'validator:service_at_location.json', sal)
  validHsds(t, 'profile:service_at_location.json', sal)
  t.match(sal, {
    id: salId(ann.id),
    service_id: ann.id,
    location_id: sal.location.id,
    location: {
      latitude: 53.9053,
      longitude: -1.6934,
      addresses: [{ postal_code: 'LS21 3AA', city: 'Otley', country: 'GB' }]
    },
    service: { id: ann.id, status: 'active', organization: { id: organizationIdOf(ann.id) } }
  })
  t.same(
    sal.service.attributes.map((a: { taxonomy_term: { name: string } }) => a.taxonomy_term.name).sort(),
    ['Domiciliary care', 'Gold Quality Mark', 'Older people'],
    'the Quality Mark stays a taxonomy term on service.attributes'
  )
  t.match(sal.service.contacts[0], { service_id: ann.id, title: /Telephone 01943 000001/ }, 'the phone in the contact')
  t.equal(sal.service.service_at_locations, undefined, 'not nested back into itself')
  const same = (await get(`/oruk/northshire/services/${ann.id}`)).json()
  t.same(same.service_at_locations[0].location, sal.location, 'the same location from /services/{id}')
  t.equal((await get(`/oruk/northshire/service_at_locations/${salId(southern.id)}`)).statusCode, 404, 'other council')
  t.equal((await get(`/oruk/northshire/service_at_locations/${ann.id}`)).statusCode, 404, 'a service id is not one')
  t.equal((await get('/oruk/northshire/service_at_locations/nope')).statusCode, 400)
})

t.test('near a postcode: nearest first, within proximity metres, combined with the other filters', async (t) => {
  const names = async (query: string) => {
    const res = await get(`/oruk/northshire/service_at_locations?${encodeURI(query)}`)
    t.equal(res.statusCode, 200, query)
    validHsds(t, 'page:service_at_location_list.json', res.json(), query)
    return res.json().contents.map((s: { service: { name: string } }) => s.service.name)
  }
  t.same(await names('postcode=LS2 9JT'), ['Cat Cares', "Ann's Home Help", "Bob's Day Club"], 'nearest first')
  t.same(await names('postcode=ls29jt&proximity=15000'), ['Cat Cares', "Ann's Home Help"], 'within 15 km')
  t.same(await names('postcode=LS2 9JT&proximity=5000'), ['Cat Cares'])
  t.same(await names('postcode=LS2 9JT&proximity=1000'), [], 'nothing within 1 km')
  t.same(await names(`postcode=LS2 9JT&proximity=15000&taxonomy_term_id=${termId('gold')}`), ["Ann's Home Help"])
  t.same(await names(`postcode=LS2 9JT&taxonomy_term_id=${termId('older_people')}`), ['Cat Cares', "Ann's Home Help"])
  t.same(await names('postcode=LS2 9JT&proximity=15000&search=bob'), [], 'AND, not OR')
  t.same(await names(`postcode=LS2 9JT&organization_id=${organizationIdOf(bob.id)}`), ["Bob's Day Club"])
  t.same(await names('postcode=LS6 3HN&proximity=200000&search=southern'), [], "never another council's")
  t.same(await names('postcode=LS99 9ZZ&proximity=5000'), [], 'an unknown postcode is in no service area')
  t.same(await names(''), ["Ann's Home Help", "Bob's Day Club", 'Cat Cares'], 'by name without a postcode')
  const page2 = (await get('/oruk/northshire/service_at_locations?postcode=LS2%209JT&per_page=2&page=2')).json()
  t.match(page2, { total_items: 3, total_pages: 2, page_number: 2, size: 1, first_page: false, last_page: true })
  t.equal(page2.contents[0].service.name, "Bob's Day Club", 'the farthest on the last page')

  for (const [query, field] of [
    ['postcode=NOT A POSTCODE', 'postcode'],
    ['postcode=LS2 9JT&proximity=-5', 'proximity'],
    ['postcode=LS2 9JT&proximity=1.5', 'proximity'],
    ['postcode=LS2 9JT&proximity=far', 'proximity'],
    ['postcode=LS2 9JT&proximity=200001', 'proximity'],
    ['proximity=5000', 'proximity'],
    ['modified_after=yesterday', 'modified_after'],
    ['per_page=101', 'per_page'],
    ['page=0', 'page']
  ] as const) {
    const res = await get(`/oruk/northshire/service_at_locations?${encodeURI(query)}`)
    t.equal(res.statusCode, 400, query)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
    t.match(res.json().errors, [{ path: new RegExp(field) }], `${query} names ${field}`)
  }
})

t.test('paging edges on every list', async (t) => {
  for (const [path, file] of [
    ['services', 'service_list.json'],
    ['service_at_locations', 'service_at_location_list.json'],
    ['organizations', 'organization_list.json'],
    ['taxonomies', 'taxonomy_list.json'],
    ['taxonomy_terms', 'taxonomy_term_list.json']
  ] as const) {
    const all = (await get(`/oruk/northshire/${path}?per_page=100`)).json()
    const n = all.total_items as number
    t.ok(n > 1, `${path} has items`)
    t.match(all, { total_pages: 1, size: n, first_page: true, last_page: true, empty: false })
    const one = (await get(`/oruk/northshire/${path}?per_page=1&page=2`)).json()
    validHsds(t, `page:${file}`, one, `${path} page 2 of 1 each`)
    t.match(one, { total_items: n, total_pages: n, page_number: 2, size: 1, first_page: false, last_page: n === 2 })
    t.same(one.contents[0], all.contents[1], `${path}: the second item`)
    const past = (await get(`/oruk/northshire/${path}?per_page=1&page=${n + 5}`)).json()
    validHsds(t, `page:${file}`, past, `${path} past the end`)
    t.match(past, { total_items: n, size: 0, empty: true, last_page: true, contents: [] })
    t.equal((await get(`/oruk/northshire/${path}?per_page=101`)).statusCode, 400, `${path}: per_page at most 100`)
    t.equal((await get(`/oruk/northshire/${path}?per_page=0`)).statusCode, 400, `${path}: per_page at least 1`)
    const minimal = (await get(`/oruk/northshire/${path}?minimal=true`)).json()
    validHsds(t, `page:${file}`, minimal, `${path}?minimal=true`)
    t.ok(
      JSON.stringify(minimal).length < JSON.stringify((await get(`/oruk/northshire/${path}`)).json()).length,
      `${path}: minimal is smaller`
    )
    t.equal((await get(`/oruk/northshire/${path}?minimal=yes`)).statusCode, 400)
  }
  const minimal = (await get('/oruk/northshire/services?minimal=true')).json().contents[0]
  t.same(Object.keys(minimal).sort(), ['id', 'last_modified', 'name', 'status'], 'a service: id and when it changed')
})

t.test('organizations: registration numbers as org-id.guide identifiers, services nested on request', async (t) => {
  const page = (await get('/oruk/northshire/organizations')).json()
  validHsds(t, 'page:organization_list.json', page)
  t.same(
    page.contents.map((o: { name: string }) => o.name),
    ["Ann's Home Help", "Bob's Day Club", 'Cat Cares']
  )
  const [a, b, c] = page.contents
  t.same(a.organization_identifiers, [
    {
      id: a.organization_identifiers[0].id,
      organization_id: organizationIdOf(ann.id),
      identifier_scheme: 'GB-CHC',
      identifier_type: 'Charity number',
      identifier: '1123456'
    }
  ])
  t.match(b.organization_identifiers, [{ identifier_scheme: 'GB-COH', identifier: 'SC123456' }])
  t.same(c.organization_identifiers, [], 'none known')
  t.equal(a.services, undefined, 'no services in a plain list')
  const full = (await get('/oruk/northshire/organizations?full_service=true&search=ann')).json()
  validHsds(t, 'page:organization_list.json', full)
  for (const o of full.contents) validHsds(t, 'validator:organization.json', o)
  t.equal(full.contents[0].services[0].service_at_locations[0].location.latitude, 53.9053, 'fully nested services')

  const one = await get(`/oruk/northshire/organizations/${organizationIdOf(bob.id)}`)
  t.equal(one.statusCode, 200)
  validHsds(t, 'validator:organization.json', one.json())
  validHsds(t, 'profile:organization.json', one.json())
  t.match(one.json(), { name: "Bob's Day Club", services: [{ id: bob.id, status: 'active' }] })
  t.equal(one.json().services[0].service_at_locations, undefined, 'services in summary by default')
  const nested = (await get(`/oruk/northshire/organizations/${organizationIdOf(bob.id)}?full_service=true`)).json()
  validHsds(t, 'validator:organization.json', nested)
  t.ok(nested.services[0].service_at_locations, 'full_service=true nests them fully')
  t.equal((await get(`/oruk/northshire/organizations/${organizationIdOf(southern.id)}`)).statusCode, 404)
  t.equal((await get(`/oruk/northshire/organizations/${bob.id}`)).statusCode, 404, 'a provider id is not one')
})

t.test('registration numbers are validated and editable through the provider API; the feed follows', async (t) => {
  const staff = { authorization: `Bearer ${north.coordinator.token}` }
  const bad = await h.app.inject({
    method: 'PATCH',
    url: `/api/v1/providers/${cat.id}`,
    headers: { ...staff, 'if-match': '"v1"' },
    payload: { charityNumber: '12', companyNumber: 'ABCDEFGHI' }
  })
  t.equal(bad.statusCode, 400)
  t.match(bad.json().errors, [{ path: /charityNumber/ }, { path: /companyNumber/ }])
  const before = await get('/oruk/northshire/organizations')
  const ok = await h.app.inject({
    method: 'PATCH',
    url: `/api/v1/providers/${cat.id}`,
    headers: { ...staff, 'if-match': '"v1"' },
    payload: { charityNumber: 'sc012345', companyNumber: '0123 4567' }
  })
  t.equal(ok.statusCode, 200, ok.body)
  t.match(ok.json(), { charityNumber: 'SC012345', companyNumber: '01234567' }, 'stored normalised')
  // On PostgreSQL the new version is announced at commit (LISTEN/NOTIFY) and heard a moment later.
  let after = await get('/oruk/northshire/organizations', { 'if-none-match': before.headers.etag as string })
  for (let i = 0; i < 50 && after.statusCode === 304; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    after = await get('/oruk/northshire/organizations', { 'if-none-match': before.headers.etag as string })
  }
  t.equal(after.statusCode, 200, 'a changed provider changes the page')
  const c = after.json().contents.find((o: { name: string }) => o.name === 'Cat Cares')
  t.same(
    c.organization_identifiers.map((i: { identifier_scheme: string; identifier: string }) => [
      i.identifier_scheme,
      i.identifier
    ]),
    [
      ['GB-SC', 'SC012345'],
      ['GB-COH', '01234567']
    ]
  )
  const cleared = await h.app.inject({
    method: 'PATCH',
    url: `/api/v1/providers/${cat.id}`,
    headers: { ...staff, 'if-match': '"v2"' },
    payload: { charityNumber: null }
  })
  t.equal(cleared.json().charityNumber, null, 'a number can be removed')
})

t.test('modified_after on every list of records that change; ETag and 304 on the new endpoints', async (t) => {
  h.clock.advanceDays(2)
  const since = h.clock.now.toISOString()
  const staff = { authorization: `Bearer ${north.coordinator.token}` }
  const current = await get(`/api/v1/providers/${bob.id}`, staff)
  await h.app.inject({
    method: 'PATCH',
    url: `/api/v1/providers/${bob.id}`,
    headers: { ...staff, 'if-match': current.headers.etag as string },
    payload: { description: 'Now open on Saturdays' }
  })
  for (const path of ['services', 'service_at_locations', 'organizations']) {
    const res = await get(`/oruk/northshire/${path}?modified_after=${encodeURIComponent(since)}`)
    t.equal(res.statusCode, 200, path)
    t.equal(res.json().total_items, 1, `${path}: only what changed since`)
    t.match(JSON.stringify(res.json().contents[0]), /Bob's Day Club|"id"/)
    t.equal((await get(`/oruk/northshire/${path}?modified_after=2026-01-01`)).json().total_items, 3, `${path}: all`)
  }
  const near = await get('/oruk/northshire/service_at_locations?postcode=LS2%209JT&proximity=15000')
  t.equal(near.headers['cache-control'], 'public, max-age=30, must-revalidate')
  const etag = near.headers.etag as string
  const again = await get('/oruk/northshire/service_at_locations?postcode=LS2%209JT&proximity=15000', {
    'if-none-match': etag
  })
  t.equal(again.statusCode, 304)
  const cors = await get(`/oruk/northshire/organizations/${organizationIdOf(ann.id)}`, { origin: 'https://x.example' })
  t.equal(cors.headers['access-control-allow-origin'], '*', 'CORS as the rest of the feed')
  t.ok(cors.headers.etag)
})

t.test('a postcode that cannot be placed now is a 503 naming it, never a cached empty page', async (t) => {
  await h.db.db.delete(postcodeImports)
  const res = await get('/oruk/northshire/service_at_locations?postcode=LS99%201AA')
  t.equal(res.statusCode, 503)
  t.match(res.json(), { code: 'POSTCODE_LOOKUP_UNAVAILABLE', errors: [{ path: 'querystring.postcode' }] })
  const known = await get('/oruk/northshire/service_at_locations?postcode=LS2%209JT&proximity=5000')
  t.equal(known.json().contents[0].service.name, 'Cat Cares', 'a postcode in the table still places')
})
