// The public feeds on a streaming replica (DATABASE_READ_URL; README: Running several instances): a private
// primary and a hot standby made with pg_basebackup, instance A on the primary, instance B reading its feeds
// from the standby. The replica's lag on this machine is measured and printed; a replica that falls behind
// serves its own older version under that version's ETag, for at most DATABASE_READ_MAX_LAG_MS after a change
// was announced, then the primary answers; a replica that is down leaves the primary to answer alone.
import { eq } from 'drizzle-orm'
import postgres from 'postgres'
import t from 'tap'
import { providers, publicationVersions } from '../../src/db/schema/index.js'
import { startTwoInstances } from '../helpers/instances.js'
import { startPrivatePostgres } from '../helpers/private-postgres.js'
import { publishAward } from '../helpers/publication.js'

const MAX_LAG_MS = 3000 // generous: this machine is shared with other test runs
// Commits wait for their WAL flush, as in production: with the helper's synchronous_commit=off, WAL reaches the
// standby only at the WAL writer's 200 ms rounds.
const primary = await startPrivatePostgres(t, { settings: { synchronous_commit: 'on' } })
const standby = await startPrivatePostgres(t, { standbyOf: primary })
const onStandby = (url: string) => {
  const u = new URL(url)
  u.port = String(standby.port)
  return u.toString()
}
const { a, b } = await startTwoInstances(t, {
  serverUrl: primary.url,
  readUrlOf: onStandby,
  env: { DATABASE_READ_MAX_LAG_MS: String(MAX_LAG_MS) }
})
const replica = postgres(onStandby(a.db.url!), { max: 1, onnotice: () => {} })
t.teardown(async () => await replica.end())

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
const primaryVersion = async () =>
  (await a.db.db.select().from(publicationVersions).where(eq(publicationVersions.councilId, north.id)))[0]!.version
const replicaVersion = async () =>
  Number((await replica`select version from publication_versions where council_id = ${north.id}`)[0]?.version ?? 0)
/** The page as `app` serves it once it differs from `etag` (the writer hears its own change announced too). */
async function changedPage (app: typeof a.app, etag: unknown) {
  let res = await app.inject(services)
  await until('the change is served', async () => (res = await app.inject(services)).headers.etag !== etag)
  return res
}
async function until (what: string, ok: () => Promise<boolean>, ms = 10_000) {
  const started = performance.now()
  while (!(await ok())) {
    if (performance.now() - started > ms) throw new Error(`timed out waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
  return performance.now() - started
}

t.test('replication lag on this machine (printed, not a target)', async (t) => {
  await until('the replica has the data', async () => (await replicaVersion()) === (await primaryVersion()))
  const lags: number[] = []
  for (let i = 0; i < 30; i++) {
    const started = performance.now()
    await a.db.db.update(providers).set({ area: `Otley ${i}` }).where(eq(providers.id, ann.id))
    const target = await primaryVersion()
    await until('the replica replays it', async () => (await replicaVersion()) >= target)
    lags.push(performance.now() - started)
  }
  lags.sort((x, y) => x - y)
  const at = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))]!.toFixed(1)
  t.comment(`replication lag (commit on the primary → visible on the standby), 30 changes: median ${at(0.5)} ms,` +
    ` p90 ${at(0.9)} ms, max ${at(1)} ms`)
  t.equal(lags.length, 30)
  version = (await a.app.inject({ url: `/api/v1/providers/${ann.id}`, headers: a.auth(north.coordinator.token) }))
    .json().version
})

t.test('both instances serve the same pages and ETags once the replica has caught up', async (t) => {
  await until('caught up', async () => (await replicaVersion()) === (await primaryVersion()))
  const [fromA, fromB] = [await a.app.inject(services), await b.app.inject(services)]
  t.equal(fromB.headers.etag, fromA.headers.etag)
  t.equal(fromB.body, fromA.body)
})

t.test('a replica behind serves its own version under its own ETag, then the primary answers', async (t) => {
  const before = await b.app.inject(services)
  await replica`select pg_wal_replay_pause()`
  await until('replay is paused', async () =>
    (await replica`select pg_get_wal_replay_pause_state() as s`)[0]?.s === 'paused')
  await describe('Changed while the replica is paused')
  const fresh = await changedPage(a.app, before.headers.etag)
  const behind = await b.app.inject(services)
  t.equal(behind.headers.etag, before.headers.etag, "the replica's version, not the primary's")
  t.equal(behind.body, before.body, 'and the data of that version')
  t.ok((await replicaVersion()) < (await primaryVersion()), 'the replica is behind')
  const revalidated = await b.app.inject({ url: services, headers: { 'if-none-match': String(fresh.headers.etag) } })
  t.equal(revalidated.statusCode, 200, 'a client holding the newer page is not told it is current')
  const waited = await until('B serves the change', async () =>
    (await b.app.inject(services)).headers.etag === fresh.headers.etag)
  t.comment(`B served the change from the primary ${waited.toFixed(0)} ms after the replica fell behind`)
  t.equal((await b.app.inject(services)).body, fresh.body, 'the new data with the new ETag')
  await replica`select pg_wal_replay_resume()`
})

t.test('with the replica down, the primary answers every request', async (t) => {
  await standby.stop('immediate')
  const before = await a.app.inject(services)
  await describe('Changed with the replica down')
  const fresh = await changedPage(a.app, before.headers.etag)
  await until('B serves the change', async () => {
    const res = await b.app.inject(services)
    t.equal(res.statusCode, 200)
    return res.headers.etag === fresh.headers.etag
  })
  t.match((await b.app.inject(services)).json().contents[0].description, 'replica down')
})
