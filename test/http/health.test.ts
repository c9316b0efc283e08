// Liveness and readiness: ready answers 503 while the database is unreachable and 200 again when it
// returns, without a restart (shown on the real server through a TCP proxy we can cut).
import net from 'node:net'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { openDatabase } from '../../src/db/client.js'
import { buildTestApp } from '../helpers/app.js'
import { createTestDatabase, onRealPostgres } from '../helpers/database.js'

t.test('live and ready answer 200 with a healthy database', async (t) => {
  const h = await buildTestApp(t)
  const live = await h.app.inject({ url: '/health/live' })
  t.equal(live.statusCode, 200)
  t.same(live.json(), { status: 'ok' })
  const ready = await h.app.inject({ url: '/health/ready' })
  t.equal(ready.statusCode, 200)
  t.equal(ready.json().database, h.db.kind)
})

t.test(
  'ready is 503 while the database is unreachable, 200 again when it returns',
  {
    skip: onRealPostgres()
      ? false
      : 'needs the real PostgreSQL server (DATABASE_URL): PGlite lives in-process and cannot become unreachable'
  },
  async (t) => {
    const target = await createTestDatabase()
    t.teardown(target.drop)
    const upstream = new URL(target.url!)
    // A proxy we can switch off: sockets are destroyed and new connections refused while it is down.
    const sockets = new Set<net.Socket>()
    let up = true
    const proxy = net.createServer((client) => {
      if (!up) {
        client.destroy()
        return
      }
      const server = net.connect(Number(upstream.port || 5432), upstream.hostname)
      sockets.add(client).add(server)
      client.pipe(server).pipe(client)
      const drop = () => {
        client.destroy()
        server.destroy()
        sockets.delete(client)
        sockets.delete(server)
      }
      client.on('error', drop).on('close', drop)
      server.on('error', drop).on('close', drop)
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    t.teardown(() => {
      for (const s of sockets) s.destroy()
      proxy.close()
    })
    const viaProxy = new URL(target.url!)
    viaProxy.hostname = '127.0.0.1'
    viaProxy.port = String((proxy.address() as net.AddressInfo).port)
    const database = await openDatabase({ url: viaProxy.toString(), max: 2 })
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { database, logger: false })
    t.teardown(() => app.close())

    t.equal((await app.inject({ url: '/health/ready' })).statusCode, 200)
    up = false
    for (const s of sockets) s.destroy()
    const down = await app.inject({ url: '/health/ready' })
    t.equal(down.statusCode, 503)
    t.equal(down.json().code, 'DATABASE_UNREACHABLE')
    t.match(down.headers['content-type'], /application\/problem\+json/)
    t.equal((await app.inject({ url: '/health/live' })).statusCode, 200, 'still alive: the process is fine')
    up = true
    let status = 0
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await app.inject({ url: '/health/ready' })).statusCode
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    t.equal(status, 200, 'ready again with no restart')
  }
)
