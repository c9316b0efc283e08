// The database: embedded PostgreSQL (PGlite, on disk or in memory) or a real server through postgres.js,
// behind one drizzle type so repositories and use cases never know which.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type { ChannelListener, Listening } from './listener.js'
import * as schema from './schema/index.js'
import { reconnectBackoff, watchedSocket } from './watchdog.js'
import { projectRoot } from '../project-root.js'

export type Schema = typeof schema
export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Database | Tx

/** True inside an open transaction: what it reads may include its own changes, not yet (or never) committed. */
export const inTransaction = (q: Queryable): boolean => q instanceof PgTransaction

export interface DatabaseHandle {
  db: Database
  /** A streaming replica for reads that may lag (the public feeds), when one is configured. */
  replica?: Database | undefined
  kind: 'pglite' | 'postgres'
  /** Apply pending migrations from drizzle/. */
  migrate: () => Promise<void>
  /** A cheap round trip, for readiness checks. */
  ping: () => Promise<void>
  /** LISTEN for NOTIFYs on a channel, saying when notifications may have been missed (src/db/listener.ts). */
  listen: (channel: string, listener: ChannelListener) => Promise<Listening>
  close: () => Promise<void>
}

export interface DatabaseOptions {
  /** postgres:// URL of a real server; without it PGlite is used */
  url?: string | undefined
  /** postgres:// URL of a hot standby of that server (DATABASE_READ_URL) */
  readUrl?: string | undefined
  /** PGlite data directory; omitted means in memory (tests) */
  dataDir?: string | undefined
  /** postgres.js pool size */
  max?: number
  /** Called with the text of every query run through `db` (tests count round trips with it). */
  onQuery?: ((query: string) => void) | undefined
  /**
   * Bounds every query on a server (DATABASE_TIMEOUT_MS, README: Reliability): statement and lock timeouts, the
   * connect timeout, a server that stops answering (src/db/watchdog.ts), a capped reconnect back-off. Unset: the
   * driver's defaults (tests and scripts that run long statements).
   */
  timeoutMs?: number | undefined
  /**
   * Give up on a connection whose server stopped answering (src/db/watchdog.ts; DATABASE_WATCHDOG). Off by default:
   * with it, a service under load did not serve again after repeated database restarts (test/server-db-restart).
   */
  watchdog?: boolean | undefined
}

const loggerOf = (onQuery: DatabaseOptions['onQuery']) =>
  onQuery === undefined ? false : { logQuery: (query: string) => onQuery(query) }

export async function openDatabase (opts: DatabaseOptions): Promise<DatabaseHandle> {
  const migrationsFolder = path.join(projectRoot(), 'drizzle')
  if (opts.url !== undefined) {
    const url = opts.url
    const { default: postgres } = await import('postgres')
    const { listenOnServer } = await import('./listener.js')
    const { drizzle } = await import('drizzle-orm/postgres-js')
    const { migrate } = await import('drizzle-orm/postgres-js/migrator')
    const sql = postgres(url, { max: opts.max ?? 10, onnotice: () => {}, connect_timeout: 5, ...bounded(url, opts) })
    const db: Database = drizzle(sql, { schema, logger: loggerOf(opts.onQuery) })
    // A replica that does not answer is left at once for the primary: a short connect timeout.
    const readSql =
      opts.readUrl === undefined
        ? undefined
        : postgres(opts.readUrl, {
          max: opts.max ?? 10,
          onnotice: () => {},
          ...bounded(opts.readUrl, opts),
          connect_timeout: 2
        })
    const replica: Database | undefined =
      readSql === undefined
        ? undefined
        : drizzle(readSql, { schema, logger: loggerOf(opts.onQuery) })
    return {
      db,
      replica,
      kind: 'postgres',
      migrate: async () => {
        // A client of its own, without the query bounds: a migration may rightly take long, and waits for another
        // instance's. Several instances may start at once: one migrates, the others wait for it.
        const own = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 })
        try {
          await own`select pg_advisory_lock(7305811)`
          await migrate(drizzle(own, { schema }), { migrationsFolder })
          await own`select pg_advisory_unlock(7305811)`
        } finally {
          await own.end({ timeout: 5 })
        }
      },
      ping: async () => {
        await sql`select 1`
      },
      listen: async (channel, listener) => await listenOnServer(url, channel, listener),
      close: async () => {
        await Promise.all([sql.end({ timeout: 5 }), readSql?.end({ timeout: 5 })])
      }
    }
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { drizzle } = await import('drizzle-orm/pglite')
  const { migrate } = await import('drizzle-orm/pglite/migrator')
  if (opts.dataDir !== undefined) mkdirSync(opts.dataDir, { recursive: true })
  const client = opts.dataDir !== undefined ? new PGlite(opts.dataDir) : new PGlite()
  await client.waitReady
  const db: Database = drizzle(client, { schema, logger: loggerOf(opts.onQuery) })
  return {
    db,
    kind: 'pglite',
    migrate: async () => {
      await migrate(drizzle(client, { schema }), { migrationsFolder })
    },
    ping: async () => {
      await client.query('select 1')
    },
    // In process: a notification arrives when its transaction commits, and the listener is never lost.
    listen: async (channel, listener) => {
      const unlisten = await client.listen(channel, listener.onNotify)
      listener.onListening()
      // A database already closed has no listeners left to remove.
      return { stop: async () => { if (!client.closed) await unlisten() } }
    },
    close: async () => {
      if (!client.closed) await client.close()
    }
  }
}

/**
 * A handle on no database, for building the app only to read what it declares (src/http/openapi-document.ts):
 * nothing is opened or listened to, and a query on it fails (drizzle's mock has no client to send it to).
 */
export async function unopenedDatabase (): Promise<DatabaseHandle> {
  const { drizzle } = await import('drizzle-orm/postgres-js')
  return {
    db: drizzle.mock({ schema }),
    kind: 'pglite',
    migrate: async () => {},
    ping: async () => {
      throw new Error('no database')
    },
    listen: async () => ({ stop: async () => {} }),
    close: async () => {}
  }
}

/** postgres.js options bounding every query on `url` by `opts.timeoutMs` (README: Reliability). */
function bounded (url: string, opts: DatabaseOptions) {
  const ms = opts.timeoutMs
  if (ms === undefined) return {}
  const tls = /[?&](ssl|sslmode)=/.test(url)
  return {
    connect_timeout: ms / 1000,
    // the server ends a statement or a lock wait that takes longer (a startup parameter of every connection)
    connection: { statement_timeout: ms, lock_timeout: ms },
    backoff: reconnectBackoff,
    // and a server that answers nothing at all is given up one second after it should have ended the statement
    ...(tls || opts.watchdog !== true ? {} : { socket: watchedSocket(ms + 1000, ms) })
  }
}

/** The folder holding package.json (src/project-root.ts). */
export { projectRoot }
