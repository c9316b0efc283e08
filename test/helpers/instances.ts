// Two instances of the service on one database, as a scaled-out deployment runs them: instance A is a full
// test app; instance B is another buildApp with its own pool (PostgreSQL) or on the same in-process PGlite.
// B's database round trips are counted: on PGlite the counter sees A's too, so count while only B works.
import type { Test } from 'tap'
import { buildApp, type App } from '../../src/app.js'
import { openDatabase } from '../../src/db/client.js'
import { buildTestApp, testConfig, type TestApp } from './app.js'

export interface Instance {
  app: App
  /** Queries run through this instance's database since the last `resetQueries`. */
  queries: () => number
  resetQueries: () => void
}

export interface TwoInstances {
  a: TestApp
  b: Instance
}

export async function startTwoInstances (
  t: Test,
  opts: {
    serverUrl?: string
    env?: Record<string, string>
    /** B's read replica (DATABASE_READ_URL), given the URL of the test's database on the primary */
    readUrlOf?: (url: string) => string
  } = {}
): Promise<TwoInstances> {
  const counters = { a: 0, b: 0 }
  const a = await buildTestApp(t, { serverUrl: opts.serverUrl, onQuery: () => counters.a++ })
  const url = a.db.url
  const shared = url === undefined
  const database = shared
    ? { ...a.db, close: async () => {} } // the same embedded database: A closes it
    : await openDatabase({ url, max: 5, onQuery: () => counters.b++, readUrl: opts.readUrlOf?.(url) })
  const app = await buildApp(testConfig(opts.env), { database, clock: () => a.clock.now, logger: false })
  t.teardown(async () => await app.close())
  const counted = () => (shared ? counters.a : counters.b)
  let from = counted()
  return {
    a,
    b: {
      app,
      queries: () => counted() - from,
      resetQueries: () => {
        from = counted()
      }
    }
  }
}
