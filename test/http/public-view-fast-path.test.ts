// A public view's URL served once is answered again before validation (src/http/routes/feed.ts,
// publicViewServer; README: Publication): only while the council's version is known in memory and that
// version's body is still cached, never a stale one — a newer version, a lost listener or an evicted body each
// send the request the whole way again.
import Fastify from 'fastify'
import t from 'tap'
import { unopenedDatabase } from '../../src/db/client.js'
import { publicViewServer } from '../../src/http/routes/feed.js'
import type { PublicationFreshness, PublicSource } from '../../src/use-cases/publication/freshness.js'

/** A stand-in freshness: the council's version in memory (`held`) while `listening`, as the real one keeps it. */
async function stubPublication () {
  const { db } = await unopenedDatabase()
  let version = 1
  let listening = true
  const source = (): PublicSource => ({
    council: { id: '00000000-0000-4000-8000-000000000001', slug: 'north', name: 'North', contactEmail: null, version },
    db
  })
  const publication: PublicationFreshness = {
    onNotify: () => {},
    onListening: () => {},
    onLost: () => {},
    held: () => (listening ? source() : undefined),
    source: async () => source(),
    read: async (_s, fn) => await fn(db)
  }
  return {
    publication,
    bump: () => { version++ },
    lose: () => { listening = false },
    version: () => version
  }
}

const stub = await stubPublication()
const app = Fastify()
let validated = 0
let computed = 0
const serve = publicViewServer(app, stub.publication)
app.get('/north/things', {
  preValidation: async () => { validated++ }
}, async (request, reply) => await serve(request, reply, 'north', `things:${request.url}`, () => {
  computed++
  return { version: stub.version(), computed }
}))
t.teardown(async () => await app.close())

const get = async (headers: Record<string, string> = {}) =>
  await app.inject({ url: '/north/things?page=1', headers })

t.test('the same URL again: answered before validation, the same bytes and headers', async (t) => {
  const first = await get()
  t.equal(validated, 1)
  const again = await get()
  t.equal(validated, 1, 'not validated again')
  t.equal(again.body, first.body)
  t.equal(again.headers.etag, first.headers.etag)
  t.equal(again.headers['cache-control'], first.headers['cache-control'])
  const notModified = await get({ 'if-none-match': String(first.headers.etag) })
  t.equal(notModified.statusCode, 304, 'a 304 too')
  t.equal(validated, 1)
  const gz = await get({ 'accept-encoding': 'gzip' })
  t.equal(gz.headers['content-encoding'], 'gzip', 'and gzip when asked')
  await app.inject({ url: '/north/things?page=2' })
  t.equal(validated, 2, 'another URL goes the whole way')
})

t.test('a newer version, then a lost listener: the whole way each time, never a stale body', async (t) => {
  const before = (await get()).json()
  stub.bump()
  const after = await get()
  t.equal(after.json().version, before.version + 1, 'the new version served')
  t.equal(validated, 3, 'validated: the version in memory had no body yet')
  await get()
  t.equal(validated, 3, 'then fast again')
  stub.lose()
  await get()
  await get()
  t.equal(validated, 5, 'without the listener every request goes the whole way')
  t.equal(computed, 3, 'from the cache, as before: only the way in differs')
})
