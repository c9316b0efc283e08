// The native public feed: public fields only, a change feed with modified_after and a cursor that includes
// suspensions, expiries and withdrawals, and ETag/304 revalidation that follows every change at once.
import { gunzipSync } from 'node:zlib'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { publishAward, setAwardStatus } from '../helpers/publication.js'

const h = await buildTestApp(t)
const [north, south] = h.councils
const get = async (url: string, headers: Record<string, string> = {}) => await h.app.inject({ url, headers })
const feed = '/api/v1/public/northshire/awards'

const ann = await h.addProvider(north, { name: "Ann's Home Help" })
const bob = await h.addProvider(north, { name: "Bob's Day Club", serviceTypes: ['day_activities'] })
const cat = await h.addProvider(north, { name: 'Cat Cares' })
await h.addProvider(north, { name: 'Dan Not Assessed' })
const southern = await h.addProvider(south, { name: 'Southern Star' })
const annAward = await publishAward(h, north, ann.id, { level: 'gold', smallSample: true })
h.clock.advanceDays(1)
const bobAward = await publishAward(h, north, bob.id, { level: 'silver' })
h.clock.advanceDays(1)
const catAward = await publishAward(h, north, cat.id, { level: 'bronze', status: 'active' })
await publishAward(h, south, southern.id)

t.test("the feed lists the council's awards with public fields only, oldest change first", async (t) => {
  const res = await get(feed)
  t.equal(res.statusCode, 200)
  t.equal(res.headers['cache-control'], 'public, max-age=30, must-revalidate')
  const body = res.json()
  t.same(
    body.items.map((i: { provider: { name: string } }) => i.provider.name),
    ["Ann's Home Help", "Bob's Day Club", 'Cat Cares']
  )
  t.match(body.items[0].award, {
    id: annAward.id,
    level: 'gold',
    status: 'active',
    validFrom: '2026-03-02',
    validTo: '2027-03-01',
    smallSample: true,
    accreditation:
      'Gold Quality Mark from Northshire Council, valid until 1 March 2027 (based on a small feedback sample)',
    badgeUrl: `http://127.0.0.1:3000/badges/${annAward.id}.svg`,
    verifyUrl: `http://127.0.0.1:3000/verify/${annAward.id}`
  })
  t.same(Object.keys(body.items[0].award).sort(), [
    'accreditation',
    'badgeUrl',
    'id',
    'level',
    'publishedAt',
    'smallSample',
    'status',
    'validFrom',
    'validTo',
    'verifyUrl'
  ])
  t.same(Object.keys(body.items[0].provider).sort(), [
    'area',
    'clientGroups',
    'contact',
    'description',
    'hourlyPricePence',
    'id',
    'name',
    'postcode',
    'serviceTypes',
    'status'
  ])
  t.notMatch(res.body, /statusReason|feedbackN|feedbackQ|"fte"|decidedBy|cqc/i, 'nothing private')
  t.equal(body.nextCursor, null)
  t.equal((await get('/api/v1/public/nowhere/awards')).statusCode, 404)
})

t.test('the cursor pages through without gaps or repeats', async (t) => {
  const first = (await get(`${feed}?limit=2`)).json()
  t.equal(first.items.length, 2)
  t.type(first.nextCursor, 'string')
  const second = (await get(`${feed}?limit=2&cursor=${first.nextCursor}`)).json()
  t.same(
    second.items.map((i: { award: { id: string } }) => i.award.id),
    [catAward.id]
  )
  t.equal(second.nextCursor, null)
  t.equal((await get(`${feed}?cursor=bm9wZQ`)).statusCode, 422, 'a made-up cursor')
  t.equal((await get(`${feed}?limit=501`)).statusCode, 400)
})

t.test('If-None-Match answers 304 until the data changes, on any instance', async (t) => {
  const first = await get(feed)
  const etag = first.headers.etag as string
  t.equal((await get(feed, { 'if-none-match': etag })).statusCode, 304)
  t.equal((await get(feed, { 'if-none-match': `W/${etag}, "other"` })).statusCode, 304, 'weak comparison, lists')
  t.equal((await get(`${feed}?limit=2`, { 'if-none-match': etag })).statusCode, 200, 'another view has another tag')
  const zipped = await get(feed, { 'accept-encoding': 'br, gzip;q=0.8' })
  t.equal(zipped.headers['content-encoding'], 'gzip')
  t.equal(zipped.headers.vary, 'accept-encoding')
  t.same(
    JSON.parse(gunzipSync(zipped.rawPayload).toString()),
    first.json(),
    'the same data, compressed once per version'
  )
  t.not(zipped.headers.etag, etag, 'other bytes, other validator')
  t.equal(
    (await get(feed, { 'accept-encoding': 'gzip', 'if-none-match': zipped.headers.etag as string })).statusCode,
    304
  )
  t.equal(
    (await get(feed, { 'accept-encoding': 'gzip;q=0' })).headers['content-encoding'],
    undefined,
    'q=0 refuses gzip'
  )
  await setAwardStatus(h, annAward.id, 'active', 'noop') // any write bumps the version
  t.equal((await get(feed, { 'if-none-match': etag })).statusCode, 200)
})

t.test('suspensions, expiries, withdrawals and provider edits appear in the change feed', async (t) => {
  h.clock.advanceDays(10)
  const since = h.clock.now.toISOString()
  t.same((await get(`${feed}?modified_after=${encodeURIComponent(since)}`)).json().items, [], 'nothing changed yet')
  await setAwardStatus(h, catAward.id, 'suspended', 'safeguarding_investigation: SECRET REASON')
  h.clock.advanceDays(1)
  await setAwardStatus(h, bobAward.id, 'expired', 'validity ended')
  h.clock.advanceDays(1)
  await setAwardStatus(h, annAward.id, 'withdrawn', 'provider left: SECRET')
  const changes = await get(`${feed}?modified_after=${encodeURIComponent(since)}`)
  const items = changes.json().items
  t.same(
    items.map((i: { award: { status: string } }) => i.award.status),
    ['suspended', 'expired', 'withdrawn']
  )
  t.match(items[0].award.accreditation, /^Bronze Quality Mark from Northshire Council: suspended on 14 March 2026/)
  t.match(items[1].award.accreditation, /expired, it was valid until 1 March 2027/)
  t.notMatch(changes.body, /SECRET|safeguarding|left/, 'never the reasons')

  h.clock.advanceDays(1)
  const later = h.clock.now.toISOString()
  const read = await get(`/api/v1/providers/${bob.id}`, h.auth(north.coordinator.token))
  const patched = await h.app.inject({
    method: 'PATCH',
    url: `/api/v1/providers/${bob.id}`,
    headers: { ...h.auth(north.coordinator.token), 'if-match': read.headers.etag as string },
    payload: { name: "Bob's Day Centre" }
  })
  t.equal(patched.statusCode, 200, patched.body)
  const edits = (await get(`${feed}?modified_after=${encodeURIComponent(later)}`)).json().items
  t.same(
    edits.map((i: { provider: { name: string } }) => i.provider.name),
    ["Bob's Day Centre"],
    'a provider edit is a change too'
  )
})

t.test('one award as published now', async (t) => {
  const res = await get(`${feed}/${catAward.id}`)
  t.equal(res.statusCode, 200)
  t.equal(res.json().award.status, 'suspended')
  t.equal((await get(`/api/v1/public/southshire/awards/${catAward.id}`)).statusCode, 404, 'not under another council')
})
