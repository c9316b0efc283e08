// A fresh, migrated database for one test file: PGlite in memory, or — when DATABASE_URL is set —
// a new database on that PostgreSQL server, dropped when the file's tests end.
import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js'

export const onRealPostgres = () => process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== ''

export interface TestDatabase extends DatabaseHandle {
  url: string | undefined
  drop: () => Promise<void>
}

export async function createTestDatabase (
  opts: {
    max?: number
    onQuery?: (query: string) => void
    serverUrl?: string
    timeoutMs?: number
    watchdog?: boolean
  } = {}
): Promise<TestDatabase> {
  const serverUrl = opts.serverUrl ?? process.env.DATABASE_URL
  if (serverUrl === undefined || serverUrl === '') {
    const handle = await openDatabase({ onQuery: opts.onQuery })
    await handle.migrate()
    return { ...handle, url: undefined, drop: handle.close }
  }
  const name = `qm_test_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const handle = await openDatabase({
    url: url.toString(),
    max: opts.max ?? 5,
    onQuery: opts.onQuery,
    timeoutMs: opts.timeoutMs,
    watchdog: opts.watchdog
  })
  await handle.migrate()
  let dropped = false
  return {
    ...handle,
    url: url.toString(),
    drop: async () => {
      if (dropped) return
      dropped = true
      await handle.close()
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    }
  }
}
