// A PRIVATE PostgreSQL cluster for fault tests: initdb into a temp folder, pg_ctl on a free port, so a test can
// stop, kill, freeze (SIGSTOP) and restart it. The shared server on 5432 is never touched (README: Tests).
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Test } from 'tap'

const run = promisify(execFile)
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'
export const privatePostgresAvailable = (): boolean => existsSync(path.join(PG_BIN, 'pg_ctl'))

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string
  port: number
  dataDir: string
  start: () => Promise<void>
  /** `pg_ctl stop` in the given mode; `immediate` is a crash-like restart for the clients. */
  stop: (mode?: 'fast' | 'immediate') => Promise<void>
  restart: (mode?: 'fast' | 'immediate') => Promise<void>
  /** SIGSTOP the postmaster and every backend: connections stay open and nothing answers. */
  freeze: () => Promise<void>
  thaw: () => Promise<void>
  /** Stops the cluster and removes its folder (also done by the test's teardown). */
  destroy: () => Promise<void>
}

/** A free TCP port on 127.0.0.1 (listen on 0, read it, close). */
export async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

// initdb and postgres refuse to run as root: run them as the owner of the temp folder (postgres) when we are root.
const asUser = (cmd: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]

async function exec (cmd: string, args: string[]): Promise<void> {
  const [c, a] = asUser(path.join(PG_BIN, cmd), args)
  await run(c, a, { timeout: 60_000 })
}

/** Starts a fresh cluster for this test (or file); it is stopped and removed in the test's teardown. */
export async function startPrivatePostgres (
  t: Test,
  opts: {
    settings?: Record<string, string>
    /** a streaming replica of this cluster instead of a new one: `pg_basebackup -R`, then a hot standby */
    standbyOf?: PrivatePostgres
  } = {}
): Promise<PrivatePostgres> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qm-private-pg-'))
  if (process.getuid?.() === 0) await run('chown', ['postgres:postgres', dataDir])
  if (opts.standbyOf === undefined) {
    await exec('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
  } else {
    const primary = ['-h', '127.0.0.1', '-p', String(opts.standbyOf.port), '-U', 'postgres']
    await exec('pg_basebackup', ['-D', dataDir, ...primary, '-R', '-X', 'stream', '--no-sync'])
  }
  const port = await freePort()
  const settings: Record<string, string> = {
    port: String(port),
    listen_addresses: "'127.0.0.1'",
    unix_socket_directories: `'${dataDir}'`,
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    shared_buffers: '32MB',
    max_connections: '50',
    ...opts.settings
  }
  const options = Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`).join(' ')
  const pgctl = (args: string[]) => exec('pg_ctl', ['-D', dataDir, ...args])
  let running = false
  const pg: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    start: async () => {
      await pgctl(['-o', options, '-l', path.join(dataDir, 'server.log'), '-w', '-t', '60', 'start'])
      running = true
    },
    stop: async (mode = 'fast') => {
      await pgctl(['-m', mode, '-w', '-t', '60', 'stop'])
      running = false
    },
    restart: async (mode = 'immediate') => {
      await pg.stop(mode)
      await pg.start()
    },
    freeze: async () => {
      await signalAll(dataDir, 'SIGSTOP')
    },
    thaw: async () => {
      await signalAll(dataDir, 'SIGCONT')
    },
    destroy: async () => {
      if (running) {
        await signalAll(dataDir, 'SIGCONT').catch(() => {})
        await pg.stop('immediate').catch(() => {})
      }
      await rm(dataDir, { recursive: true, force: true })
    }
  }
  t.teardown(pg.destroy)
  await pg.start()
  return pg
}

/** The postmaster (postmaster.pid's first line) and all its children. */
async function signalAll (dataDir: string, signal: NodeJS.Signals): Promise<void> {
  const pid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0])
  const { stdout } = await run('pgrep', ['-P', String(pid)]).catch(() => ({ stdout: '' }))
  const pids = [pid, ...stdout.split('\n').filter(Boolean).map(Number)]
  // children first when freezing, so no backend notices its parent stopped
  for (const p of signal === 'SIGSTOP' ? pids.reverse() : pids) {
    try {
      process.kill(p, signal)
    } catch {
      /* exited meanwhile */
    }
  }
}
