// The directory search near a postcode: distance on each result (miles, one decimal), nearest first, "within N
// miles", room for new people, contact links, the count in the page title, "Clear filters", and a postcode that
// cannot be found answered kindly with the GOV.UK error summary and the input kept (never a 400 dead end).
import { gunzipSync } from 'node:zlib'
import t from 'tap'
import { postcodeImports } from '../../src/db/schema/index.js'
import { buildTestApp } from '../helpers/app.js'
import { importPostcodes, publishAward } from '../helpers/publication.js'

const h = await buildTestApp(t)
const [north] = h.councils
await importPostcodes(h, [
  ['LS21 3AA', 53.9053, -1.6934], // Otley, about 8.8 miles from LS2 9JT
  ['LS29 8AB', 53.9254, -1.8226], // Ilkley, about 13.6 miles
  ['LS1 4AP', 53.7965, -1.5478], // Leeds city centre, about 0.8 miles
  ['LS2 9JT', 53.8067, -1.555], // where the searches start
  ['LS2 7XX', 53.8, -1.55, '2010-01-01'] // no longer in use
])

const ann = await h.addProvider(north, {
  name: "Ann's Home Help",
  area: 'Otley',
  postcode: 'LS21 3AA',
  takingNewPeople: true,
  contact: { phone: '01943 000001', email: 'ann@example.org', website: 'https://ann.example.org/' }
})
const bob = await h.addProvider(north, { name: "Bob's Day Club", area: 'Ilkley', postcode: 'LS29 8AB' })
const cat = await h.addProvider(north, {
  name: 'Cat Cares',
  area: 'Leeds',
  postcode: 'LS1 4AP',
  takingNewPeople: false,
  contact: { route: 'Ask at the library' }
})
await publishAward(h, north, ann.id, { level: 'gold' })
await publishAward(h, north, bob.id, { level: 'silver' })
await publishAward(h, north, cat.id, { level: 'bronze' })

const page = async (query = '') => await h.app.inject({ url: `/directory/northshire${query}` })
const names = (body: string) =>
  [...body.matchAll(/<h3[^>]*><a[^>]* href="[^"]+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]!.replace('&#39;', "'"))
const titleOf = (body: string) => /<title[^>]*>([^<]*)<\/title>/.exec(body)?.[1]?.trim()

t.test('near a postcode: nearest first, with the distance in miles on each result', async (t) => {
  const res = await page('?postcode=ls2+9jt')
  t.equal(res.statusCode, 200)
  t.same(names(res.body), ['Cat Cares', "Ann's Home Help", "Bob's Day Club"])
  t.match(res.body, /<strong>0\.8 miles<\/strong> away/)
  t.match(res.body, /<strong>8\.8 miles<\/strong> away/)
  t.match(res.body, /<strong>13\.6 miles<\/strong> away/)
  t.match(res.body, 'Nearest first, from LS2 9JT.')
  t.match(res.body, 'value="ls2 9jt"', 'the postcode is kept as typed')
  t.notMatch(res.body, /govuk-error-summary/)
  t.same(names((await page('')).body), ["Ann's Home Help", "Bob's Day Club", 'Cat Cares'], 'by name without one')
  t.notMatch((await page('')).body, /miles<\/strong> away/, 'no distance without a postcode')
})

t.test('within N miles, combined with the other filters', async (t) => {
  t.same(names((await page('?postcode=LS2+9JT&within=10')).body), ['Cat Cares', "Ann's Home Help"])
  t.same(names((await page('?postcode=LS2+9JT&within=1')).body), ['Cat Cares'])
  t.same(names((await page('?postcode=LS2+9JT&within=10&level=gold')).body), ["Ann's Home Help"])
  const none = await page('?postcode=LS29+8AB&within=1&level=bronze')
  t.same(names(none.body), [])
  t.match(none.body, /No services match these filters/)
  t.match(none.body, '<option value="1" selected>Within 1 mile</option>', 'the distance is kept')
  t.same(
    names((await page('?postcode=LS2+9JT&within=7')).body),
    ['Cat Cares', "Ann's Home Help", "Bob's Day Club"],
    'a distance the form does not offer is ignored'
  )
  t.same(names((await page('?within=1')).body).length, 3, 'a distance without a postcode is no filter')
})

t.test('an unknown, terminated or malformed postcode: a kind message, the input kept, the results still shown',
  async (t) => {
    for (const [typed, message] of [
      ['LS99 9ZZ', 'We could not find that postcode. Check it and try again'],
      ['LS2 7XX', 'We could not find that postcode: it is no longer in use'],
      ['not a postcode', 'Enter a full postcode, like LS1 4AP']
    ] as const) {
      const res = await page(`?postcode=${encodeURIComponent(typed)}&within=5`)
      t.equal(res.statusCode, 200, `${typed}: not a dead end`)
      t.match(res.body, 'govuk-error-summary', `${typed}: the error summary`)
      t.match(res.body, `href="#filter-postcode">${message}`, `${typed}: linked to the field`)
      t.match(res.body, /class="govuk-error-message"/, `${typed}: the message by the field`)
      t.match(res.body, `value="${typed}"`, `${typed}: the input is kept`)
      t.match(titleOf(res.body), /^Error: /, `${typed}: the title says there is an error`)
      t.same(names(res.body).length, 3, `${typed}: every service is still listed, by name`)
    }
  })

t.test('each result: level, valid until, price, contact links and room for new people', async (t) => {
  const body = (await page('?postcode=LS2+9JT')).body
  t.match(body, '<a class="govuk-link" href="tel:01943000001">01943 000001</a>')
  t.match(body, '<a class="govuk-link" href="mailto:ann@example.org">ann@example.org</a>')
  t.match(body, '<a class="govuk-link" href="https://ann.example.org/">ann.example.org</a>')
  t.match(body, 'Ask at the library', "the provider's own words stay text")
  t.match(body, /Valid until\s*<\/dt>\s*<dd[^>]*>\s*1 March 2027/)
  t.match(body, /Price\s*<\/dt>\s*<dd[^>]*>\s*£18\.00 an hour/)
  t.match(body, /Quality Mark\s*<\/dt>\s*<dd[^>]*>\s*Gold/)
  t.match(body, 'Taking new people')
  t.match(body, 'Full: not taking new people')
  t.match(body, 'Ask if they have space', 'a provider that has not said')
  t.same(names((await page('?taking=yes')).body), ["Ann's Home Help"], 'only those taking new people')
  t.match((await page('?taking=yes')).body, /name="taking" type="checkbox" value="yes" checked/)
})

t.test('the count in the page title; Clear filters once a filter is set', async (t) => {
  const all = await page()
  t.equal(
    titleOf(all.body),
    'Find a quality-marked care service (3 services found) – Quality Mark – Northshire Council'
  )
  t.notMatch(all.body, 'Clear filters')
  const one = await page('?level=gold')
  t.match(titleOf(one.body), /^Find a quality-marked care service \(1 service found\)/)
  t.match(one.body, '<a class="govuk-link govuk-link--no-visited-state" href="/directory/northshire">Clear filters</a>')
  t.match(one.body, 'class="govuk-grid-column-one-third app-filters"', 'filters in a side column')
})

t.test('taking new people is a provider field in the API, null until said', async (t) => {
  const read = await h.app.inject({ url: `/api/v1/providers/${bob.id}`, headers: h.auth(north.coordinator.token) })
  t.equal(read.json().takingNewPeople, null)
  const patch = await h.app.inject({
    method: 'PATCH',
    url: `/api/v1/providers/${bob.id}`,
    headers: { ...h.auth(bob.token), 'if-match': read.headers.etag as string },
    payload: { takingNewPeople: true }
  })
  t.equal(patch.statusCode, 200)
  t.equal(patch.json().takingNewPeople, true)
  const bad = await h.app.inject({
    method: 'PATCH',
    url: `/api/v1/providers/${bob.id}`,
    headers: { ...h.auth(bob.token), 'if-match': patch.headers.etag as string },
    payload: { takingNewPeople: 'maybe' }
  })
  t.equal(bad.statusCode, 400)
  t.match(JSON.stringify(bad.json().errors), 'takingNewPeople')
  t.same(names((await page('?taking=yes')).body), ["Ann's Home Help", "Bob's Day Club"])
})

t.test('when postcodes cannot be placed at all, the page says so and lists by name', async (t) => {
  await h.db.db.delete(postcodeImports)
  const res = await page('?postcode=LS99+1AA&within=5')
  t.equal(res.statusCode, 200)
  t.match(res.body, 'We cannot search by distance just now')
  t.notMatch(res.body, 'govuk-error-summary', 'not the person’s mistake')
  t.same(names(res.body), ["Ann's Home Help", "Bob's Day Club", 'Cat Cares'])
})

t.test('a search page is kept per publication version: ETag, 304, and a change shows within a second', async (t) => {
  const first = await page('?postcode=LS2+9JT')
  const etag = first.headers.etag as string
  t.ok(etag)
  t.equal(first.headers['cache-control'], 'no-cache')
  const near = '/directory/northshire?postcode=LS2+9JT'
  const again = await h.app.inject({ url: near, headers: { 'if-none-match': etag } })
  t.equal(again.statusCode, 304)
  const read = await h.app.inject({ url: `/api/v1/providers/${cat.id}`, headers: h.auth(cat.token) })
  await h.app.inject({
    method: 'PATCH',
    url: `/api/v1/providers/${cat.id}`,
    headers: { ...h.auth(cat.token), 'if-match': read.headers.etag as string },
    payload: { name: 'Cat Cares Renamed' }
  })
  // On PostgreSQL the change reaches the page cache by LISTEN/NOTIFY (README: Reliability, push-based freshness):
  // milliseconds, not zero. Wait up to a second for it; a page still kept after that is a stale page.
  let changed = await h.app.inject({ url: near, headers: { 'if-none-match': etag } })
  for (let i = 0; i < 20 && changed.statusCode === 304; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    changed = await h.app.inject({ url: near, headers: { 'if-none-match': etag } })
  }
  t.equal(changed.statusCode, 200)
  t.equal(names(changed.body)[0], 'Cat Cares Renamed')
})

t.test('a search page is sent gzipped to a browser that takes it, the same page when unpacked', async (t) => {
  const near = '/directory/northshire?postcode=LS2+9JT'
  const plain = await h.app.inject({ url: near })
  const packed = await h.app.inject({ url: near, headers: { 'accept-encoding': 'gzip, deflate, br' } })
  t.equal(packed.statusCode, 200)
  t.equal(packed.headers['content-encoding'], 'gzip')
  t.match(String(packed.headers.vary), /accept-encoding/i)
  t.match(String(packed.headers['content-type']), /^text\/html/)
  t.equal(gunzipSync(packed.rawPayload).toString('utf8'), plain.body, 'the very same page')
  const sizes = `${plain.rawPayload.length} → ${packed.rawPayload.length} bytes`
  t.ok(packed.rawPayload.length * 3 < plain.rawPayload.length, sizes)
  t.not(packed.headers.etag, plain.headers.etag, 'each representation its own validator')
  const held = await h.app.inject({
    url: near,
    headers: { 'accept-encoding': 'gzip', 'if-none-match': String(packed.headers.etag) }
  })
  t.equal(held.statusCode, 304, 'a browser holding the gzipped page revalidates it')
  const refused = await h.app.inject({ url: near, headers: { 'accept-encoding': 'gzip;q=0, identity' } })
  t.equal(refused.headers['content-encoding'], undefined, 'gzip;q=0 is a refusal')
  t.equal(refused.body, plain.body)
})
