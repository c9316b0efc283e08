// Benchmark of the public feeds (issue 6 §6): 10,000 published providers in one council, the app on 127.0.0.1,
// autocannon (sending Accept-Encoding: gzip, as directories' HTTP clients do) against a constant-JSON route (the
// ceiling), the ORUK /services page, the native feed and a 304
// revalidation, in one run; prints requests/s, p99 latency and the ratio to the ceiling with PASS/FAIL.
// Database: DATABASE_URL (a fresh database is created on that server and dropped) or embedded PGlite in memory.
import type { AddressInfo } from 'node:net'
import autocannon from 'autocannon'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { BENCH_PROVIDERS as PROVIDERS, openBenchDatabase, seedBenchCouncil } from './bench-data.js'

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 3)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)
const TARGETS = { feed: 0.5, revalidation: 0.8 }

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

async function main (): Promise<void> {
  const { handle, drop } = await openBenchDatabase()
  await handle.migrate()
  const seeded = performance.now()
  await seedBenchCouncil(handle)
  console.log(
    `seeded ${PROVIDERS} published providers on ${handle.kind} in ${Math.round(performance.now() - seeded)} ms`
  )

  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DEMO: 'false',
    JOBS_INTERVAL_SECONDS: '0',
    RATE_LIMIT_PER_MINUTE: '100000000',
    DATABASE_URL: undefined
  })
  const app = await buildApp(config, { database: handle, logger: false })
  // The ceiling: the same stack (hooks, helmet, rate limit) answering constant JSON without the database.
  app.get('/bench/constant', async () => ({ version: 'HSDS-UK-3.0', ok: true }))
  await app.listen({ host: '127.0.0.1', port: 0 })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const oruk = `${base}/oruk/bench/services`
  const feed = `${base}/api/v1/public/bench/awards`
  const first = await fetch(oruk)
  const page = (await first.json()) as { total_items: number }
  if (page.total_items !== PROVIDERS) {
    throw new Error(`expected ${PROVIDERS} services, the feed lists ${page.total_items}`)
  }
  const etag = first.headers.get('etag')!

  // Interleaved rounds (ceiling, ORUK page, native feed, 304, again and again): on a shared machine whose load
  // drifts, every route meets the same conditions, so the ratios compare like with like.
  const routes: Array<[string, string, Record<string, string>]> = [
    ['constant JSON (ceiling)', `${base}/bench/constant`, {}],
    ['ORUK /services page (50 services)', oruk, { 'accept-encoding': 'gzip' }],
    ['native feed page (100 awards)', feed, { 'accept-encoding': 'gzip' }],
    ['ORUK /services 304 revalidation', oruk, { 'if-none-match': etag, 'accept-encoding': 'gzip' }]
  ]
  const rounds: Result[][] = routes.map(() => [])
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, [name, url, headers]] of routes.entries()) rounds[i]!.push(await load(name, url, headers))
  }
  await app.close()
  await drop()

  const results: Result[] = rounds.map((rs) => ({
    name: rs[0]!.name,
    rps: rs.reduce((sum, r) => sum + r.rps, 0) / rs.length,
    p99: Math.max(...rs.map((r) => r.p99)),
    non2xx: rs.reduce((sum, r) => sum + r.non2xx, 0)
  }))
  const ceilingResult = results[0]!
  const ceiling = ceilingResult.rps
  let pass = true
  console.log(
    `\n${'route'.padEnd(36)} ${'req/s'.padStart(9)} ${'p99 ms'.padStart(7)} ${'ratio'.padStart(6)}  target  verdict`
  )
  for (const [i, r] of results.entries()) {
    const ratio = r.rps / ceiling
    const target = i === 0 ? null : i === 3 ? TARGETS.revalidation : TARGETS.feed
    const ok = (target === null || ratio >= target) && r.non2xx === (i === 3 ? r.non2xx : 0)
    if (!ok) pass = false
    console.log(
      [
        r.name.padEnd(36),
        r.rps.toFixed(0).padStart(9),
        String(r.p99).padStart(7),
        ratio.toFixed(2).padStart(6) + ' ',
        target === null ? '   -  ' : `≥ ${target.toFixed(1)}`,
        ' ' + (target === null ? '' : ok ? 'PASS' : 'FAIL')
      ].join(' ')
    )
  }
  console.log(
    `\n${pass ? 'PASS' : 'FAIL'} (${CONNECTIONS} connections, ` +
      `${ROUNDS} interleaved rounds of ${DURATION_S} s per route, ${handle.kind})`
  )
  process.exitCode = pass ? 0 : 1
}

await main()
