// Benchmark of the public feeds (README: Publication): 10,000 published providers in one council, the app on 127.0.0.1,
// autocannon (sending Accept-Encoding: gzip, as directories' HTTP clients do) against a constant-JSON route (the
// ceiling), the ORUK /services page, the native feed and a 304
// revalidation, in one run; prints requests/s, p99 latency and the ratio to the ceiling with PASS/FAIL.
// Database: DATABASE_URL (a fresh database is created on that server and dropped) or embedded PGlite in memory.
import { randomBytes, randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import autocannon from 'autocannon'
import postgres from 'postgres'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { openDatabase, type DatabaseHandle } from '../src/db/client.js'
import { assessments, awards, councils, providers, schemeVersions } from '../src/db/schema/index.js'

const PROVIDERS = 10_000
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 3)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)
const TARGETS = { feed: 0.5, revalidation: 0.8 }

async function openBenchDatabase (): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const server = process.env.DATABASE_URL
  if (server === undefined || server === '') {
    const handle = await openDatabase({})
    return { handle, drop: async () => {} }
  }
  const name = `qm_bench_${randomBytes(4).toString('hex')}`
  const admin = postgres(server, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(server)
  url.pathname = `/${name}`
  const handle = await openDatabase({ url: url.toString(), max: 10 })
  return {
    handle,
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    }
  }
}

/** Bulk inserts in chunks: one statement per 1,000 rows per table. */
async function seed (handle: DatabaseHandle): Promise<void> {
  const db = handle.db
  const [council] = await db
    .insert(councils)
    .values({ slug: 'bench', name: 'Bench Borough Council', contactEmail: 'quality@bench.example' })
    .returning()
  const [scheme] = await db
    .insert(schemeVersions)
    .values({ councilId: council!.id, number: 1, status: 'published', document: {} })
    .returning()
  const types = ['domiciliary_care', 'day_activities', 'accommodation', 'support_in_home']
  const groups = ['older_people', 'learning_disability', 'autism', 'physical_disability', 'mental_health', 'carers']
  const areas = ['Otley', 'Ilkley', 'Wetherby', 'Pudsey', 'Morley', 'Garforth']
  const levels = ['gold', 'silver', 'bronze'] as const
  const now = new Date('2026-03-02T10:00:00Z')
  for (let start = 0; start < PROVIDERS; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, PROVIDERS - start) }, (_, k) => {
      const i = start + k
      return { id: randomUUID(), assessmentId: randomUUID(), i }
    })
    await db.insert(providers).values(
      batch.map(({ id, i }) => ({
        id,
        councilId: council!.id,
        name: `Provider ${String(i).padStart(5, '0')} Care`,
        legalForm: 'sole_trader',
        description: `Help at home and in the community from a small local team (${i}).`,
        fte: 1 + (i % 5),
        sizeBand: 'micro',
        activeClients: 5 + (i % 10),
        serviceTypes: [types[i % 4]!],
        flags: {
          personalCare: false,
          medication: false,
          foodPreparation: false,
          transport: false,
          loneWorking: true,
          handlesMoney: false,
          employsStaff: false
        },
        clientGroups: [groups[i % 6]!, groups[(i + 2) % 6]!],
        area: areas[i % 6]!,
        postcode: 'LS21 3AA',
        hourlyPricePence: 1600 + (i % 900),
        contact: { phone: '01943 000001', email: `p${i}@example.org` },
        createdAt: now,
        updatedAt: now
      }))
    )
    await db.insert(assessments).values(
      batch.map(({ id, assessmentId }) => ({
        id: assessmentId,
        councilId: council!.id,
        providerId: id,
        kind: 'initial',
        state: 'decided',
        outcome: 'awarded',
        schemeVersionId: scheme!.id
      }))
    )
    await db.insert(awards).values(
      batch.map(({ id, assessmentId, i }) => ({
        councilId: council!.id,
        providerId: id,
        assessmentId,
        level: levels[i % 3]!,
        status: 'active',
        validFrom: '2026-03-02',
        validTo: '2027-03-01',
        smallSample: i % 7 === 0,
        publishedAt: now,
        createdAt: now,
        updatedAt: now
      }))
    )
  }
}

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
  await seed(handle)
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
