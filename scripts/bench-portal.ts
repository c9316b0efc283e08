// Benchmark of the co-ordinator's portal (README: For co-ordinators, Benchmarks): one council of 10,000 providers
// with their decided assessments and awards, 10,000 more open assessments spread over the queue's states, evidence
// expiring over the next 90 days, concerns and appeals; a signed-in co-ordinator; autocannon at 20 connections
// against the work queue, the provider list (first page, and a searched, sorted later page) and a provider page.
// Prints requests/s, p50 and p99 latency, the page's size and its first (nothing kept) view, and PASS/FAIL against
// p99 < 100 ms for the queue and the list.
// Database: DATABASE_URL (a fresh database is created on that server and dropped) or embedded PGlite in a temporary
// folder. The server is the built one run as `npm start` runs it, in a process of its own: autocannon's parsing of
// the pages does not share its event loop.
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { eq, sql } from 'drizzle-orm'
import { buildApp } from '../src/app.js'
import {
  appeals,
  assessments,
  awards,
  concerns,
  councils,
  evidence,
  providers,
  schemeVersions,
  users
} from '../src/db/schema/index.js'
import type { AssessmentState } from '../src/domain/workflow/index.js'
import { startSession } from '../src/use-cases/sessions.js'
import { BENCH_PROVIDERS, benchConfig, openBenchDatabase, seedBenchCouncil, startServerProcess } from './bench-data.js'

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)
const P99_TARGET_MS = 100
const OPEN_STATES: AssessmentState[] = ['submitted', 'under_review', 'ready_for_decision', 'decision_proposed']

type Db = Awaited<ReturnType<typeof openBenchDatabase>>['handle']['db']

/** The queue's records on top of the feed benchmark's council: 20,000 assessments in all. */
async function seedQueue (db: Db, councilId: string, schemeVersionId: string): Promise<void> {
  const rows = await db.select({ id: providers.id }).from(providers).where(eq(providers.councilId, councilId))
  const awarded = await db.select({ id: awards.assessmentId, providerId: awards.providerId }).from(awards)
  const today = new Date('2026-03-02T00:00:00Z')
  const dayAfter = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10)
  for (let start = 0; start < rows.length; start += 1000) {
    const batch = rows.slice(start, start + 1000)
    await db.insert(assessments).values(batch.map((p, k) => {
      const state = OPEN_STATES[(start + k) % OPEN_STATES.length]!
      return {
        id: randomUUID(),
        councilId,
        providerId: p.id,
        kind: 'renewal' as const,
        state,
        schemeVersionId,
        infoResponseNote: state === 'under_review' && k % 2 === 0 ? 'Answered' : null,
        factualAccuracyEndsOn: state === 'decision_proposed' ? dayAfter(k % 14) : null,
        updatedAt: new Date(today.getTime() - (k % 60) * 86_400_000)
      }
    }))
    await db.insert(evidence).values(awarded.slice(start, start + 1000).map((a, k) => ({
      councilId,
      assessmentId: a.id,
      providerId: a.providerId,
      itemCode: 'INS_PL',
      kind: 'document' as const,
      status: 'verified' as const,
      expiresOn: dayAfter(k % 90)
    })))
  }
  await db.insert(concerns).values(rows.slice(0, 500).map((p, k) => ({
    councilId,
    providerId: p.id,
    source: k % 5 === 0 ? 'safeguarding' as const : 'complaint' as const,
    summary: 'A concern',
    raisedOn: dayAfter(-(k % 30))
  })))
  await db.insert(appeals).values(awarded.slice(0, 200).map((a) => ({
    councilId,
    providerId: a.providerId,
    subjectType: 'decision' as const,
    assessmentId: a.id,
    grounds: 'We disagree',
    decisionMakerIds: []
  })))
}

interface Result {
  name: string
  /** one of the targets, or a figure only */
  target: boolean
  rps: number
  p50: number
  p99: number
  non2xx: number
  kb: number
  firstMs: number
}

async function main (): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qm-bench-portal-'))
  const { handle, drop, keep, url } = await openBenchDatabase({ dataDir: path.join(dir, 'pglite') })
  await handle.migrate()
  const started = performance.now()
  await seedBenchCouncil(handle)
  const db = handle.db
  const [council] = await db.select().from(councils).where(eq(councils.slug, 'bench'))
  const [scheme] = await db.select().from(schemeVersions).where(eq(schemeVersions.councilId, council!.id))
  await seedQueue(db, council!.id, scheme!.id)
  // The steady state autovacuum keeps on a real server, soon after a bulk load: planner statistics fresh and
  // the visibility map set, so counts are answered from an index alone.
  if (handle.kind === 'postgres') await db.execute(sql`vacuum analyze`)
  console.log(`seeded ${BENCH_PROVIDERS} providers, 20,000 assessments on ${handle.kind} in ` +
    `${Math.round(performance.now() - started)} ms (no feedback responses: these pages do not read them)`)

  // A session made through the service's own use case; then the server runs as a process of its own.
  const setup = await buildApp(benchConfig(), { database: handle, logger: false })
  const [co] = await db.insert(users)
    .values({ councilId: council!.id, role: 'coordinator', name: 'Bench Co-ordinator' }).returning()
  const [someone] = await db.select({ id: providers.id }).from(providers).limit(1)
  const { secret } = await startSession(setup.deps, co!, 'email_link', 'bench')
  await setup.close() // and the database with it: the server opens its own
  const server = await startServerProcess(url !== undefined ? { url } : { dataDir: dir })
  const base = server.base
  const headers = { cookie: `qm-session=${secret}` }

  // The targets are the work queue and the provider list; a provider's page is printed as a figure only.
  const pages: Array<[string, string, boolean]> = [
    ['work queue', '/manage', true],
    ['work queue, mine', '/manage?mine=yes', true],
    ['provider list', '/manage/providers', true],
    ['provider list, searched page 3', '/manage/providers?q=Care&sort=-fte&page=3', true],
    ['provider page', `/manage/providers/${someone!.id}`, false]
  ]
  // BENCH_PAGES (a comma list of the names above) measures only those, e.g. under a profiler.
  const only = process.env.BENCH_PAGES?.split(',').map((n) => n.trim())
  const results: Result[] = []
  for (const [name, path, target] of pages.filter(([name]) => only === undefined || only.includes(name))) {
    // The first view reads and renders (nothing kept yet); the load after it repeats the view, as a co-ordinator
    // going back to the queue or the list does, and is answered from what was kept until something changes.
    const first = performance.now()
    const check = await fetch(base + path, { headers })
    if (check.status !== 200) throw new Error(`${path} answered ${check.status}`)
    const kb = (await check.arrayBuffer()).byteLength / 1000
    const firstMs = performance.now() - first
    const r = await autocannon({ url: base + path, connections: CONNECTIONS, duration: DURATION_S, headers })
    const { latency, requests, non2xx } = r
    results.push({ name, target, rps: requests.average, p50: latency.p50, p99: latency.p99, non2xx, kb, firstMs })
  }
  let pass = true
  for (const r of results) {
    const ok = r.p99 < P99_TARGET_MS && r.non2xx === 0
    if (!ok && r.target) pass = false
    console.log(`${r.name.padEnd(32)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms` +
      `  p99 ${String(r.p99).padStart(4)} ms  ${r.kb.toFixed(0).padStart(3)} kB  first view ` +
      `${r.firstMs.toFixed(0).padStart(3)} ms  non-2xx ${r.non2xx}` +
      (r.target ? `  p99 < ${P99_TARGET_MS} ms ${ok ? 'PASS' : 'FAIL'}` : '  (figure only)'))
  }
  console.log(`\n${pass ? 'PASS' : 'FAIL'} (${CONNECTIONS} connections, ${DURATION_S} s per page, ${handle.kind})`)
  await server.stop()
  // BENCH_KEEP_DATABASE=1 keeps the seeded database to look at its query plans (README: Benchmarks).
  if (process.env.BENCH_KEEP_DATABASE === '1') {
    console.log(`kept the database for inspection: ${url ?? dir}`)
    await keep()
  } else {
    await drop()
    await rm(dir, { recursive: true, force: true })
  }
  process.exitCode = pass ? 0 : 1
}

await main()
