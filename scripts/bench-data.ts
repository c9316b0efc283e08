// Data for the feed benchmarks: a fresh database (on the server in DATABASE_URL, dropped afterwards, or embedded
// PGlite) seeded with one council of published providers, written in bulk.
import { spawn } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import { z } from 'zod'
import { loadConfig } from '../src/config.js'
import { openDatabase, type DatabaseHandle } from '../src/db/client.js'
import { assessments, awards, councils, providers, schemeVersions } from '../src/db/schema/index.js'
import { upsertPostcodeLocations } from '../src/db/stores/postcodes.js'
import { createDefaultSchemeDocument } from '../src/domain/scheme/index.js'
import { projectRoot } from '../src/project-root.js'

/** The V8 flags `npm start` gives the server (package.json): benchmarks measure the server as it is run. */
export async function serverFlags (): Promise<string[]> {
  const pkg = z.object({ scripts: z.object({ start: z.string() }) })
    .parse(JSON.parse(await readFile(path.join(projectRoot(), 'package.json'), 'utf8')))
  const flags = /node((?: --[\w-]+=\S+)*) dist\/src\/server\.js/.exec(pkg.scripts.start)?.[1]
  if (flags === undefined) throw new Error(`npm start does not run dist/src/server.js: ${pkg.scripts.start}`)
  return flags.trim().split(' ').filter((f) => f !== '')
}

/**
 * The built server (dist/src/server.js) as a process of its own, started as `npm start` does, on the benchmark's
 * database: the load generator then shares neither the server's event loop nor its heap. Resolves with the process
 * and the address it printed. `where` is the fresh database's URL, or the folder of an embedded one (closed first:
 * PGlite is opened by one process at a time).
 */
export async function startServerProcess (
  where: { url: string } | { dataDir: string },
  env: Record<string, string> = {}
) {
  // BENCH_SERVER_FLAGS adds node flags to the server's, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` for a profile.
  const flags = [...await serverFlags(), ...(process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter((f) => f !== '')]
  console.log(`server started as npm start does: node ${[...flags, 'dist/src/server.js'].join(' ')}`)
  const child = spawn(process.execPath, [...flags, path.join(projectRoot(), 'dist/src/server.js')], {
    env: {
      ...process.env,
      ...('url' in where ? { DATABASE_URL: where.url } : { DATA_DIR: where.dataDir }),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DEMO: 'false',
      JOBS_INTERVAL_SECONDS: '0',
      WEBHOOK_INTERVAL_SECONDS: '0',
      RATE_LIMIT_PER_MINUTE: '1000000000',
      MAX_EVENT_LOOP_DELAY_MS: '0',
      ...env
    },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const base = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /running at (http:\/\/\S+)/.exec(out)
      if (m?.[1] !== undefined) resolve(m[1])
    })
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)))
  })
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  return { child, base, stop }
}

/** A process's resident set size in MB, from /proc. */
export const rssMb = async (pid: number): Promise<number> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024
}

export const BENCH_PROVIDERS = 10_000
/** The postcode distance searches start from, and its coordinates (seeded into postcode_locations). */
export const BENCH_POSTCODE = 'LS2 9JT'
export const BENCH_CENTRE = { latitude: 53.8067, longitude: -1.555 }

/** The service's configuration under a benchmark: quiet, no jobs, no rate limit in the way. */
export const benchConfig = () =>
  loadConfig({
    LOG_LEVEL: 'silent',
    DEMO: 'false',
    JOBS_INTERVAL_SECONDS: '0',
    RATE_LIMIT_PER_MINUTE: '100000000',
    DATABASE_URL: undefined
  })

export interface BenchDatabase {
  handle: DatabaseHandle
  /** postgres:// URL of the fresh database; undefined on PGlite */
  url: string | undefined
  drop: () => Promise<void>
  /** lets go of the server without dropping the database (to keep it for a look at its query plans) */
  keep: () => Promise<void>
}

/** A fresh database on the server in DATABASE_URL, or PGlite (in memory, or on disk under `dataDir`). */
export async function openBenchDatabase (opts: { dataDir?: string } = {}): Promise<BenchDatabase> {
  const server = process.env.DATABASE_URL
  if (server === undefined || server === '') {
    const handle = await openDatabase({ dataDir: opts.dataDir })
    return { handle, url: undefined, drop: async () => {}, keep: async () => {} }
  }
  const name = `qm_bench_${randomBytes(4).toString('hex')}`
  const admin = postgres(server, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(server)
  url.pathname = `/${name}`
  const handle = await openDatabase({ url: url.toString(), max: 10 })
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
    keep: async () => { await admin.end() }
  }
}

/** One council, `bench`, with `count` published providers: one statement per 1,000 rows per table. */
export async function seedBenchCouncil (handle: DatabaseHandle, count = BENCH_PROVIDERS): Promise<void> {
  const db = handle.db
  const [council] = await db
    .insert(councils)
    .values({ slug: 'bench', name: 'Bench Borough Council', contactEmail: 'quality@bench.example' })
    .returning()
  const [scheme] = await db
    .insert(schemeVersions)
    .values({ councilId: council!.id, number: 1, status: 'published', document: createDefaultSchemeDocument() })
    .returning()
  const types = ['domiciliary_care', 'day_activities', 'accommodation', 'support_in_home'] as const
  const groups = [
    'older_people', 'learning_disability', 'autism', 'physical_disability', 'mental_health', 'carers'
  ] as const
  const areas = ['Otley', 'Ilkley', 'Wetherby', 'Pudsey', 'Morley', 'Garforth']
  const levels = ['gold', 'silver', 'bronze'] as const
  const now = new Date('2026-03-02T10:00:00Z')
  for (let start = 0; start < count; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - start) }, (_, k) => {
      const i = start + k
      return { id: randomUUID(), assessmentId: randomUUID(), i }
    })
    await db.insert(providers).values(
      batch.map(({ id, i }) => ({
        id,
        councilId: council!.id,
        name: `Provider ${String(i).padStart(5, '0')} Care`,
        legalForm: 'sole_trader' as const,
        description: `Help at home and in the community from a small local team (${i}).`,
        fte: 1 + (i % 5),
        sizeBand: 'micro' as const,
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
        // spread over a 20 km square around Leeds, for the distance searches (README: Benchmarks)
        latitude: BENCH_CENTRE.latitude - 0.09 + (i % 100) * 0.0018,
        longitude: BENCH_CENTRE.longitude - 0.15 + (Math.floor(i / 100) % 100) * 0.003,
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
        kind: 'initial' as const,
        state: 'decided' as const,
        outcome: 'awarded' as const,
        schemeVersionId: scheme!.id
      }))
    )
    await db.insert(awards).values(
      batch.map(({ id, assessmentId, i }) => ({
        councilId: council!.id,
        providerId: id,
        assessmentId,
        level: levels[i % 3]!,
        status: 'active' as const,
        validFrom: '2026-03-02',
        validTo: '2027-03-01',
        smallSample: i % 7 === 0,
        publishedAt: now,
        createdAt: now,
        updatedAt: now
      }))
    )
  }
  await upsertPostcodeLocations(db, [{ postcode: BENCH_POSTCODE, ...BENCH_CENTRE, terminatedOn: null }])
  // The steady state autovacuum keeps on a real server, soon after a bulk load: planner statistics fresh and
  // the visibility map set, so counts are answered from an index alone.
  if (handle.kind === 'postgres') await db.execute(sql`vacuum analyze`)
}
