// Two instances on one database (README: Publication, freshness; Running several instances): the same data
// and ETags from both, a change through one on the other's feed as soon as the database announces it, and a
// cached page or a 304 that costs no query while an instance listens.
import t from 'tap'
import { startTwoInstances, type Instance } from '../helpers/instances.js'
import { publishAward } from '../helpers/publication.js'

const { a, b } = await startTwoInstances(t)
const [north] = a.councils
const ann = await a.addProvider(north, { name: "Ann's Home Help", description: 'Help at home' })
await publishAward(a, north, ann.id, { level: 'gold' })
const staff = a.auth(north.coordinator.token)
const services = '/oruk/northshire/services'
const feed = '/api/v1/public/northshire/awards'

const get = async (instance: { inject: Instance['app']['inject'] }, url: string, headers = {}) =>
  await instance.inject({ url, headers })

/** Polls instance B until its page differs from `before` (at most 2 s); returns the new page and the wait. */
async function changedOnB (url: string, before: string) {
  const started = performance.now()
  for (;;) {
    const res = await get(b.app, url)
    if (res.headers.etag !== before || performance.now() - started > 2000) {
      return { res, ms: performance.now() - started }
    }
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

t.test('both instances serve the same data with the same ETags', async (t) => {
  for (const url of [services, feed, `${services}/${ann.id}`, '/oruk/northshire/taxonomy_terms']) {
    const [fromA, fromB] = [await get(a.app, url), await get(b.app, url)]
    t.equal(fromB.statusCode, 200, url)
    t.equal(fromB.headers.etag, fromA.headers.etag, `${url}: one ETag`)
    t.equal(fromB.body, fromA.body, `${url}: one body`)
  }
})

t.test('a cached page and a 304 cost no query while the instance listens', async (t) => {
  const first = await get(b.app, services)
  b.resetQueries()
  const again = await get(b.app, services)
  const revalidated = await get(b.app, services, { 'if-none-match': first.headers.etag })
  const gzipped = await get(b.app, feed, { 'accept-encoding': 'gzip' })
  b.resetQueries()
  await get(b.app, feed, { 'accept-encoding': 'gzip' })
  t.equal(again.body, first.body)
  t.equal(revalidated.statusCode, 304)
  t.equal(gzipped.headers['content-encoding'], 'gzip')
  t.equal(b.queries(), 0, 'no round trip to the database')
})

t.test("a change through A invalidates B's cached page without a per-request query", async (t) => {
  const before = await get(b.app, services)
  const etag = String(before.headers.etag)
  const change = await a.app.inject({
    method: 'PATCH',
    url: `/api/v1/providers/${ann.id}`,
    headers: { ...staff, 'if-match': '"v1"' },
    payload: { description: 'Help at home, seven days a week' }
  })
  t.equal(change.statusCode, 200, change.body)
  const { res, ms } = await changedOnB(services, etag)
  t.not(res.headers.etag, etag, 'a new ETag on B')
  t.match(res.json().contents[0].description, 'seven days a week', 'the new data on B')
  t.comment(`B served the change ${ms.toFixed(1)} ms after A answered`)
  b.resetQueries()
  const cached = await get(b.app, services)
  t.equal(cached.headers.etag, res.headers.etag)
  t.equal(b.queries(), 0, 'the new page is cached again: no query')
  t.equal((await get(a.app, services)).headers.etag, res.headers.etag, 'A agrees')
})
