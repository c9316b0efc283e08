// Memory under public load: the built service (dist/src/server.js) runs as its own process on 10,000 published
// providers while autocannon sends a mix of distinct feed queries (`?search=`, `?modified_after=`, pages, gzip or
// not), so the page caches fill and churn; the server's resident set size is sampled from /proc every second.
// Target: RSS under 200 MB on PostgreSQL after 10 minutes with 100,000 distinct queries (README: Benchmarks).
// BENCH_MEMORY_SECONDS (default 600) and BENCH_MEMORY_DISTINCT (default 100,000) shorten it for a smoke run.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { openBenchDatabase, rssMb, seedBenchCouncil, startServerProcess } from './bench-data.js'

const SECONDS = Number(process.env.BENCH_MEMORY_SECONDS ?? 600)
const DISTINCT = Number(process.env.BENCH_MEMORY_DISTINCT ?? 100_000)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)
const TARGET_MB = 200
const SEEDED_AT = Date.parse('2026-03-02T10:00:00Z')

/**
 * The i-th distinct query: mostly cheap ones with small bodies (what an anonymous client can send endlessly),
 * some database-heavy ones, from empty answers to full pages of 50 services.
 */
function distinctPath (i: number): string {
  const n = Math.floor(i / 10)
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
      return `/oruk/bench/taxonomy_terms?search=x${i}`
    case 3:
    case 4:
      return `/oruk/bench/taxonomies?search=${i}&per_page=${1 + (i % 99)}`
    case 5:
      return `/oruk/bench/services?search=nothing${n}`
    case 6:
      return `/oruk/bench/services?modified_after=${new Date(SEEDED_AT - n * 1000).toISOString()}`
    case 7:
      return `/api/v1/public/bench/awards?modified_after=${new Date(SEEDED_AT + n * 1000).toISOString()}`
    case 8:
      return `/oruk/bench/services?search=Provider%20${String(n % 10_000).padStart(5, '0')}&per_page=${1 + (n % 7)}`
    default:
      return `/oruk/bench/services?page=${1 + (n % 100)}&per_page=${1 + (Math.floor(n / 100) % 100)}`
  }
}

async function main (): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qm-bench-memory-'))
  const { handle, url, drop } = await openBenchDatabase({ dataDir: path.join(dir, 'pglite') })
  await handle.migrate()
  await seedBenchCouncil(handle)
  await handle.close() // the embedded database is opened by one process at a time: the server's
  const { child, base, stop } = await startServerProcess(url !== undefined ? { url } : { dataDir: dir })
  const pid = child.pid!
  const idle = await rssMb(pid)
  let peak = idle
  const samples: number[] = []
  const sampler = setInterval(() => {
    rssMb(pid).then(
      (mb) => {
        samples.push(mb)
        peak = Math.max(peak, mb)
      },
      () => {}
    )
  }, 1000)

  let sent = 0
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (req) => {
          const i = sent++
          const gzip = (i + Math.floor(i / DISTINCT)) % 2 === 0 // each pass flips it: both forms of every query
          return { ...req, path: distinctPath(i % DISTINCT), headers: gzip ? { 'accept-encoding': 'gzip' } : {} }
        }
      }
    ]
  })
  clearInterval(sampler)
  const final = await rssMb(pid)
  await stop()
  await drop()
  await rm(dir, { recursive: true, force: true })

  const distinct = Math.min(sent, DISTINCT)
  const minute = (m: number) => samples[Math.min(samples.length - 1, m * 60 - 1)]?.toFixed(0) ?? '-'
  const kind = url !== undefined ? 'postgres' : 'pglite'
  const byMinute = Array.from({ length: Math.ceil(SECONDS / 60) }, (_, m) => minute(m + 1)).join(' ')
  console.log(`\nmemory under mixed feed load (${kind}, ${CONNECTIONS} connections)`)
  console.log(`  duration            ${SECONDS} s, ${result.requests.total} requests, ${result.requests.average} req/s`)
  console.log(`  distinct queries    ${distinct} (each sent ${(sent / Math.max(1, distinct)).toFixed(1)} times)`)
  console.log(`  non-2xx answers     ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`)
  console.log(`  RSS idle            ${idle.toFixed(0)} MB`)
  console.log(`  RSS by minute       ${byMinute}`)
  console.log(`  RSS peak / final    ${peak.toFixed(0)} MB / ${final.toFixed(0)} MB`)
  const full = SECONDS >= 600 && distinct >= 100_000
  const ok = peak < TARGET_MB && result.non2xx === 0 && result.errors === 0
  const verdict = url === undefined ? 'the target is for PostgreSQL' : full ? (ok ? 'PASS' : 'FAIL') : 'smoke run'
  console.log(`\n${ok ? 'under' : 'OVER'} ${TARGET_MB} MB peak RSS: ${verdict}`)
  if (url !== undefined && full) process.exitCode = ok ? 0 : 1
}

await main()
