// Builds the app in process on its own database for one test file, with a movable clock and ready-made
// users: an admin, two councils each with a co-ordinator and a reviewer, and provider users.
import type { Test } from 'tap'
import { buildApp, type App } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { loggerOptions } from '../../src/http/plugins/logging.js'
import { createCouncil, createUser } from '../../src/use-cases/admin.js'
import type { Ctx, Principal } from '../../src/use-cases/context.js'
import { createProvider } from '../../src/use-cases/providers.js'
import { issueToken } from '../../src/use-cases/tokens.js'
import type { ResolveHost } from '../../src/use-cases/webhook-targets.js'
import { users } from '../../src/db/schema/index.js'
import type { ProviderCreate } from '../../src/http/schemas/providers.js'
import { createTestDatabase, type TestDatabase } from './database.js'
import { reportUndeclaredProblems } from './problem-codes.js'

/** A resolver answering from a table (name → addresses), as DNS would; unknown names do not resolve. */
export function fakeResolver (table: Record<string, string[]>): ResolveHost {
  return async (hostname) => {
    const addresses = table[hostname]
    if (addresses === undefined) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
    }
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
  }
}

export interface TestClock {
  now: Date
  set: (iso: string) => void
  advanceDays: (days: number) => void
}

export function testClock (start = '2026-03-02T10:00:00Z'): TestClock {
  const clock: TestClock = {
    now: new Date(start),
    set: (iso) => {
      clock.now = new Date(iso)
    },
    advanceDays: (days) => {
      clock.now = new Date(clock.now.getTime() + days * 86_400_000)
    }
  }
  return clock
}

export const sampleProvider = (over: Partial<ProviderCreate> = {}): ProviderCreate => ({
  name: "Ann's Home Help",
  legalForm: 'sole_trader',
  description: 'Help at home',
  fte: 1,
  activeClients: 6,
  serviceTypes: ['support_in_home'],
  flags: {
    personalCare: false,
    medication: false,
    foodPreparation: false,
    transport: false,
    loneWorking: true,
    handlesMoney: false,
    employsStaff: false
  },
  clientGroups: ['older_people'],
  area: 'Otley',
  postcode: 'LS21 3AA',
  hourlyPricePence: 1800,
  cqcLocationId: null,
  charityNumber: null,
  companyNumber: null,
  cqcRating: null,
  contact: { phone: '01943 000001' },
  ...over
})

export interface CouncilFixture {
  id: string
  slug: string
  coordinator: { id: string; token: string }
  reviewer: { id: string; token: string }
  /** a second co-ordinator, for "two co-ordinators at once" and reviewer-independence tests */
  coordinator2: { id: string; token: string }
}

export interface TestApp {
  app: App
  db: TestDatabase
  clock: TestClock
  admin: { id: string; token: string }
  councils: [CouncilFixture, CouncilFixture]
  /** Registers a provider in a council and a provider user for it, with a token. */
  addProvider: (
    council: CouncilFixture,
    over?: Partial<ProviderCreate>
  ) => Promise<{ id: string; userId: string; token: string }>
  auth: (token: string) => { authorization: string }
}

/** The configuration test apps run with: quiet, no jobs, limits out of the way. */
export const testConfig = (env: Record<string, string> = {}) =>
  loadConfig({
    LOG_LEVEL: 'silent',
    DEMO: 'false',
    JOBS_INTERVAL_SECONDS: '0',
    RATE_LIMIT_PER_MINUTE: '100000',
    AUTH_FAILURES_PER_MINUTE: '1000',
    MAX_EVENT_LOOP_DELAY_MS: '0',
    ...env
  })

export async function buildTestApp (
  t: Test,
  opts: {
    clock?: TestClock
    dbMax?: number
    env?: Record<string, string>
    /** a PostgreSQL server to make the database on instead of DATABASE_URL's (a private cluster) */
    serverUrl?: string
    /** the database's query bounds (DATABASE_TIMEOUT_MS, README: Reliability) */
    timeoutMs?: number
    watchdog?: boolean
    onQuery?: (query: string) => void
    logStream?: NodeJS.WritableStream
    resolveHost?: ResolveHost
    /** told of each problem a route answers without declaring its code; default: fails the test */
    onUndeclaredProblem?: (undeclared: string) => void
  } = {}
): Promise<TestApp> {
  const db = await createTestDatabase({
    max: opts.dbMax ?? 5,
    serverUrl: opts.serverUrl,
    onQuery: opts.onQuery,
    timeoutMs: opts.timeoutMs,
    watchdog: opts.watchdog
  })
  const clock = opts.clock ?? testClock()
  const config = testConfig(opts.env)
  // TEST_LOG=debug shows the service's logs while a test runs.
  const app = await buildApp(config, {
    database: db,
    clock: () => clock.now,
    ...(opts.resolveHost !== undefined ? { resolveHost: opts.resolveHost } : {}),
    logger:
      opts.logStream !== undefined
        ? loggerOptions({ ...config, LOG_LEVEL: 'info' }, opts.logStream)
        : process.env.TEST_LOG !== undefined ? { level: process.env.TEST_LOG } : false
  })
  t.teardown(async () => {
    await app.close()
    await db.drop()
  })
  // Every problem an API route answers must be one it declares (README: The API).
  reportUndeclaredProblems(app, opts.onUndeclaredProblem ?? ((undeclared) => t.fail(undeclared)))

  const [adminRow] = await db.db.insert(users).values({ role: 'admin', name: 'Test Admin' }).returning()
  const adminPrincipal: Principal = {
    kind: 'user',
    userId: adminRow!.id,
    role: 'admin',
    councilId: null,
    providerId: null,
    tokenId: 't'
  }
  const adminCtx: Ctx = { actor: adminPrincipal, now: clock.now }
  const admin = { id: adminRow!.id, token: (await issueToken(db.db, adminRow!.id, 'test')).token }

  const person = async (councilId: string, role: 'coordinator' | 'reviewer', name: string) => {
    const u = await createUser(app.deps, adminCtx, { councilId, role, name })
    return { id: u.id, token: (await issueToken(db.db, u.id, 'test')).token }
  }
  const council = async (slug: string, name: string): Promise<CouncilFixture> => {
    const c = await createCouncil(app.deps, adminCtx, { slug, name })
    return {
      id: c.id,
      slug,
      coordinator: await person(c.id, 'coordinator', `${name} Co-ordinator`),
      reviewer: await person(c.id, 'reviewer', `${name} Reviewer`),
      coordinator2: await person(c.id, 'coordinator', `${name} Second Co-ordinator`)
    }
  }
  const councils: [CouncilFixture, CouncilFixture] = [
    await council('northshire', 'Northshire Council'),
    await council('southshire', 'Southshire Council')
  ]

  const addProvider = async (c: CouncilFixture, over: Partial<ProviderCreate> = {}) => {
    const ctx: Ctx = {
      actor: {
        kind: 'user',
        userId: c.coordinator.id,
        role: 'coordinator',
        councilId: c.id,
        providerId: null,
        tokenId: 't'
      },
      now: clock.now
    }
    const p = await createProvider(app.deps, ctx, sampleProvider(over))
    const u = await createUser(app.deps, adminCtx, {
      councilId: c.id,
      role: 'provider',
      name: `${p.name} owner`,
      providerId: p.id
    })
    return { id: p.id, userId: u.id, token: (await issueToken(db.db, u.id, 'test')).token }
  }

  return { app, db, clock, admin, councils, addProvider, auth: (token) => ({ authorization: `Bearer ${token}` }) }
}
