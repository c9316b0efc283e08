// The real process as `npm start` runs it: starts on the embedded database under DATA_DIR, loads the demo
// council once, prints its URL, docs and a working demo token, shuts down cleanly on SIGTERM, and keeps
// its data across a restart. With DATABASE_URL it loads no demo and prints no token.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import t from 'tap'
import { createTestDatabase, onRealPostgres } from './helpers/database.js'

interface Started {
  child: ChildProcess
  url: string
  output: () => string
}

async function startServer (env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [...process.execArgv, new URL('../src/server.ts', import.meta.url).pathname], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS_INTERVAL_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString()
  })
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString()
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start in 120 s:\n${out}`)), 120_000)
    const check = () => {
      const m = /running at (http:\/\/\S+)/.exec(out)
      if (m !== null && /API docs/.test(out)) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    }
    child.stdout!.on('data', check)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited ${code}:\n${out}`))
    })
  })
  return { child, url, output: () => out }
}

async function stop (s: Started): Promise<number | null> {
  s.child.removeAllListeners('exit')
  const exited = new Promise<number | null>((resolve) => s.child.on('exit', (code) => resolve(code)))
  s.child.kill('SIGTERM')
  return await exited
}

const tokenIn = (out: string) => /Demo co-ordinator token: (qm_\S+)/.exec(out)?.[1]

t.test(
  'embedded database: demo loaded once, token works, graceful stop, data survives a restart',
  { skip: onRealPostgres() ? 'runs in the embedded-database pass' : false },
  async (t) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qm-start-'))
    t.teardown(() => rm(dataDir, { recursive: true, force: true }))
    const first = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' })
    t.match(first.output(), /API docs:\s+http:\/\/127\.0\.0\.1:\d+\/docs/)
    const token = tokenIn(first.output())
    t.ok(token, 'a demo co-ordinator token is printed')
    const list = await fetch(`${first.url}/api/v1/providers?perPage=100`, {
      headers: { authorization: `Bearer ${token}` }
    })
    t.equal(list.status, 200, await list.clone().text())
    const body = (await list.json()) as {
      items: Array<{ sizeBand: string; serviceTypes: string[] }>
      meta: { totalItems: number }
    }
    t.equal(body.meta.totalItems, 12, 'a dozen demo providers')
    t.same(
      new Set(body.items.map((p) => p.sizeBand)),
      new Set(['micro', 'small', 'medium', 'large']),
      'every size band'
    )
    t.same(
      new Set(body.items.flatMap((p) => p.serviceTypes)),
      new Set(['domiciliary_care', 'day_activities', 'accommodation', 'support_in_home']),
      'every offering'
    )
    t.equal((await fetch(`${first.url}/docs/`)).status, 200, 'Swagger UI is served')
    const links = [...first.output().matchAll(/(http:\/\/\S+\/(?:directory|oruk|feedback)\/\S+)/g)].map((m) => m[1]!)
    t.ok(links.length >= 3, 'directory, feed and a feedback link are printed')
    for (const link of links) t.equal((await fetch(link)).status, 200, `${link} opens`)
    const home = await (await fetch(`${first.url}/`)).text()
    t.match(home, 'Demo Borough Council', 'the front page names the demo council')
    t.equal(await stop(first), 0, 'SIGTERM → clean exit')

    const second = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' })
    const again = await fetch(`${second.url}/api/v1/providers?perPage=100`, {
      headers: { authorization: `Bearer ${tokenIn(second.output())}` }
    })
    t.equal(
      ((await again.json()) as { meta: { totalItems: number } }).meta.totalItems,
      12,
      'data survived, demo not loaded twice'
    )
    t.equal(
      (await fetch(`${second.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status,
      401,
      'the previous demo token was revoked'
    )
    t.equal(await stop(second), 0)
  }
)

t.test(
  'real PostgreSQL: no demo data, no token printed',
  { skip: onRealPostgres() ? false : 'needs DATABASE_URL' },
  async (t) => {
    const db = await createTestDatabase()
    t.teardown(db.drop)
    const s = await startServer({ DATABASE_URL: db.url! })
    t.notOk(tokenIn(s.output()), 'no token with DATABASE_URL')
    t.match(s.output(), /Database:\s+PostgreSQL/)
    t.equal((await fetch(`${s.url}/health/ready`)).status, 200)
    t.equal(await stop(s), 0)
  }
)
