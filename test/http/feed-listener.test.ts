// When an instance stops hearing the database's announcements its feeds fall back to reading the publication
// version on every request, and when it hears them again it drops everything it knew once, so no page is
// ever stale (README: Publication, freshness). On a private PostgreSQL cluster whose database the test can
// close to new connections while it cuts the listeners' connections.
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import t from 'tap'
import { startTwoInstances } from '../helpers/instances.js'
import { startPrivatePostgres } from '../helpers/private-postgres.js'
import { publishAward } from '../helpers/publication.js'

const pg = await startPrivatePostgres(t)
const { a, b } = await startTwoInstances(t, { serverUrl: pg.url })
const admin = postgres(pg.url, { max: 1, onnotice: () => {} })
t.teardown(async () => await admin.end())
const dbName = new URL(a.db.url!).pathname.slice(1)

const [north] = a.councils
const ann = await a.addProvider(north, { name: "Ann's Home Help", description: 'Help at home' })
await publishAward(a, north, ann.id)
const services = '/oruk/northshire/services'
let version = 1
const describe = async (description: string) => {
  const res = await a.app.inject({
    method: 'PATCH',
    url: `/api/v1/providers/${ann.id}`,
    headers: { ...a.auth(north.coordinator.token), 'if-match': `"v${version}"` },
    payload: { description }
  })
  if (res.statusCode !== 200) throw new Error(res.body)
  version++
}
const descriptionOnB = async () => (await b.app.inject(services)).json().contents[0].description as string

/** B's queries for one cached request: 0 while it listens. */
const queriesOfCachedRequest = async () => {
  await b.app.inject(services)
  b.resetQueries()
  await b.app.inject(services)
  return b.queries()
}
async function until (what: string, ok: () => Promise<boolean>) {
  const started = performance.now()
  while (!(await ok())) {
    if (performance.now() - started > 15_000) throw new Error(`timed out waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

// Open every pooled connection now: while the database refuses new ones, only the listeners must suffer.
const warm = async () =>
  await Promise.all(
    [a.db.db, b.app.deps.db].flatMap((db) => Array.from({ length: 5 }, () => db.execute(sql`select pg_sleep(0.05)`)))
  )

t.test('listening: a cached page costs no query', async (t) => {
  await warm()
  t.equal(await queriesOfCachedRequest(), 0)
})

t.test('listener down: every request checks the version, so a change is served at once', async (t) => {
  await admin.unsafe(`alter database ${dbName} allow_connections false`)
  // Only the publication listeners: each instance also listens for work-queue changes (README: For co-ordinators).
  const cut = await admin`select pg_terminate_backend(pid) from pg_stat_activity
    where datname = ${dbName} and query like 'listen "publication_version"%'`
  t.equal(cut.length, 2, "both instances' publication listeners cut")
  await until('B notices', async () => (await queriesOfCachedRequest()) > 0)
  await describe('Help at home while the listener is down')
  t.equal(await descriptionOnB(), 'Help at home while the listener is down', 'served by the very next request')
  t.ok((await queriesOfCachedRequest()) > 0, 'the version is read per request')
  await describe('Changed again, nobody reading')
})

t.test('after the listener reconnects no page is stale, and changes arrive by announcement again', async (t) => {
  await admin.unsafe(`alter database ${dbName} allow_connections true`)
  await until('B listens again', async () => (await queriesOfCachedRequest()) === 0)
  t.equal(await descriptionOnB(), 'Changed again, nobody reading', 'the change made while down')
  await describe('After the reconnection')
  await until('B hears the change', async () => (await descriptionOnB()) === 'After the reconnection')
  t.equal(await queriesOfCachedRequest(), 0, 'cached again, no query')
})
