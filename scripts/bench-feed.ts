// Benchmark of the public feeds: 10,000 published providers in one council, the app on 127.0.0.1, autocannon
// (sending Accept-Encoding: gzip, as directories' HTTP clients do) against the ORUK /services page, the native
// feed, a 304 revalidation and the ORUK /service_at_locations page near a postcode, each with its ceiling (a
// constant route sending the same bytes; a tiny constant JSON for the 304), in one run; prints requests/s, p99
// latency and the ratio to the ceiling with PASS/FAIL.
// Then the propagation time: two instances on the same database (on PostgreSQL, two server processes), and how long
// a committed change takes to be served by both (README: Benchmarks).
// Database: DATABASE_URL (a fresh database is created on that server and dropped) or embedded PGlite in memory.
import type { AddressInfo } from 'node:net'
import autocannon from 'autocannon'
import { sql } from 'drizzle-orm'
import { buildApp } from '../src/app.js'
import type { DatabaseHandle } from '../src/db/client.js'
import {
  BENCH_POSTCODE,
  BENCH_PROVIDERS as PROVIDERS,
  benchConfig,
  openBenchDatabase,
  seedBenchCouncil,
  startServerProcess
} from './bench-data.js'

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 3)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)
const TARGETS = { feed: 0.9, revalidation: 0.9, near: 0.5, propagationMs: 100 }
const CHANGES = Number(process.env.BENCH_CHANGES ?? 20)
const POLL_PAUSE_MS = 2

interface Result {
  name: string
  rps: number
  p99: number
  non2xx: number
}

async function load (name: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers })
  return { name, rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx }
}

const etagAt = async (url: string): Promise<string | null> => {
  const res = await fetch(url)
  await res.arrayBuffer()
  return res.headers.get('etag')
}

/** Milliseconds from the start of each committed change to the moment every instance serves the new page. */
async function propagation (handle: DatabaseHandle, pages: string[]): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < CHANGES; i++) {
    const before = await Promise.all(pages.map(etagAt))
    const started = performance.now()
    await handle.db.execute(sql`update providers set description = ${`Changed ${i}`}
      where id = (select id from providers order by name, id limit 1)`)
    await Promise.all(
      pages.map(async (page, k) => {
        // A pause between polls: a client asking without one would take the servers' cores from the very rebuild
        // it waits for (once a cached page is answered before validation, thousands of times a second).
        while ((await etagAt(page)) === before[k]) await new Promise((resolve) => setTimeout(resolve, POLL_PAUSE_MS))
      })
    )
    times.push(performance.now() - started)
  }
  return times.sort((x, y) => x - y)
}

async function main (): Promise<void> {
  const { handle, url, drop } = await openBenchDatabase()
  await handle.migrate()
  const seeded = performance.now()
  await seedBenchCouncil(handle)
  console.log(
    `seeded ${PROVIDERS} published providers on ${handle.kind} in ${Math.round(performance.now() - seeded)} ms`
  )

  const config = benchConfig()
  const app = await buildApp(config, { database: handle, logger: false })
  // The ceilings: the same stack (hooks, helmet, rate limit) answering constant bytes without the database, a
  // tiny JSON for the 304 and, for each page, the very bytes and headers that page sends (the same-body ceiling).
  app.get('/bench/constant', async () => ({ version: 'HSDS-UK-3.0', ok: true }))
  const sameBodies = new Map<string, Buffer>()
  app.get('/bench/same/:page', async (request, reply) => {
    const { page } = request.params as { page: string }
    return await reply
      .type('application/json; charset=utf-8')
      .header('content-encoding', 'gzip')
      .header('etag', '"bench"')
      .header('cache-control', 'public, max-age=30, must-revalidate')
      .header('vary', 'accept-encoding')
      .send(sameBodies.get(page))
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const oruk = `${base}/oruk/bench/services`
  const feed = `${base}/api/v1/public/bench/awards`
  // ORUK distance search: the 50 services nearest a postcode, within 5 km (about a fifth of the providers)
  const nearPath = `/oruk/bench/service_at_locations?postcode=${encodeURIComponent(BENCH_POSTCODE)}&proximity=5000`
  const first = await fetch(oruk)
  const page = (await first.json()) as { total_items: number }
  if (page.total_items !== PROVIDERS) throw new Error(`expected ${PROVIDERS} services, found ${page.total_items}`)
  const etag = first.headers.get('etag')!
  const near = (await (await fetch(`${base}${nearPath}`)).json()) as { total_items: number; size: number }
  if (near.size !== 50) throw new Error(`expected a full page near ${BENCH_POSTCODE}, found ${near.size}`)
  console.log(`${near.total_items} services within 5 km of ${BENCH_POSTCODE}`)
  const pages = [
    ['oruk', '/oruk/bench/services'],
    ['feed', '/api/v1/public/bench/awards'],
    ['near', nearPath]
  ] as const
  for (const [name, path] of pages) {
    sameBodies.set(name, (await app.inject({ url: path, headers: { 'accept-encoding': 'gzip' } })).rawPayload)
  }

  // Interleaved rounds (ceilings, ORUK page, native feed, 304, again and again): on a shared machine whose load
  // drifts, every route meets the same conditions, so the ratios compare like with like. The last field is the
  // index of the route's ceiling, then the least ratio to it that passes.
  const gzip = { 'accept-encoding': 'gzip' }
  const routes: Array<[string, string, Record<string, string>, number | null, number]> = [
    ['constant JSON (304 ceiling)', `${base}/bench/constant`, {}, null, 0],
    ['same bytes as the ORUK page', `${base}/bench/same/oruk`, gzip, null, 0],
    ['ORUK /services page (50 services)', oruk, gzip, 1, TARGETS.feed],
    ['same bytes as the native feed page', `${base}/bench/same/feed`, gzip, null, 0],
    ['native feed page (100 awards)', feed, gzip, 3, TARGETS.feed],
    ['ORUK /services 304 revalidation', oruk, { 'if-none-match': etag, ...gzip }, 0, TARGETS.revalidation],
    ['same bytes as the ORUK near page', `${base}/bench/same/near`, gzip, null, 0],
    ['ORUK near a postcode (50 of them)', `${base}${nearPath}`, gzip, 6, TARGETS.near]
  ]
  const rounds: Result[][] = routes.map(() => [])
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, [name, url, headers]] of routes.entries()) rounds[i]!.push(await load(name, url, headers))
  }
  // Two instances: on PostgreSQL two servers as processes of their own, as they are run, so one's rebuild does not
  // wait for the other's or for this process's polling; on the embedded database (one process only) a second app
  // on the same handle beside the first.
  let changes: number[]
  if (url !== undefined) {
    const instances = [await startServerProcess({ url }), await startServerProcess({ url })]
    changes = await propagation(handle, instances.map((i) => `${i.base}/oruk/bench/services`))
    for (const i of instances) await i.stop()
  } else {
    const second = await buildApp(config, { database: { ...handle, close: async () => {} }, logger: false })
    await second.listen({ host: '127.0.0.1', port: 0 })
    const secondOruk = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}/oruk/bench/services`
    changes = await propagation(handle, [oruk, secondOruk])
    await second.close()
  }
  await app.close()
  await drop()

  const results: Result[] = rounds.map((rs) => ({
    name: rs[0]!.name,
    rps: rs.reduce((sum, r) => sum + r.rps, 0) / rs.length,
    p99: Math.max(...rs.map((r) => r.p99)),
    non2xx: rs.reduce((sum, r) => sum + r.non2xx, 0)
  }))
  let pass = true
  console.log(
    `\n${'route'.padEnd(36)} ${'req/s'.padStart(9)} ${'p99 ms'.padStart(7)} ${'ratio'.padStart(6)}  target  verdict`
  )
  for (const [i, r] of results.entries()) {
    const [, , , ceilingOf, least] = routes[i]!
    const ratio = ceilingOf === null ? 1 : r.rps / results[ceilingOf]!.rps
    const target = ceilingOf === null ? null : least
    const ok = (target === null || ratio >= target) && (ceilingOf === 0 || r.non2xx === 0)
    if (!ok) pass = false
    const verdict = target === null ? '   -          ' : `≥ ${target.toFixed(1)}  ${ok ? 'PASS' : 'FAIL'}`
    const figures = `${r.rps.toFixed(0).padStart(9)} ${String(r.p99).padStart(7)} ${ratio.toFixed(2).padStart(6)}`
    console.log(`${r.name.padEnd(36)} ${figures}  ${verdict}`)
  }
  const median = changes[Math.floor(changes.length / 2)]!
  const slowest = changes[changes.length - 1]!
  const fastEnough = slowest <= TARGETS.propagationMs
  if (!fastEnough) pass = false
  console.log(
    `${'change served by both instances'.padEnd(36)} median ${median.toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms` +
      ` of ${CHANGES}  ≤ ${TARGETS.propagationMs} ms  ${fastEnough ? 'PASS' : 'FAIL'}`
  )
  console.log(
    `\n${pass ? 'PASS' : 'FAIL'} (${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${DURATION_S} s` +
      ` per route, ${handle.kind})`
  )
  process.exitCode = pass ? 0 : 1
}

await main()
