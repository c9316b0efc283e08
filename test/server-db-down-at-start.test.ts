// Started while its database is down, the service waits for it instead of exiting (a supervisor would crash-loop
// it): liveness 200 and readiness 503 meanwhile, then it migrates and serves (README: Reliability).
import t from 'tap'
import { freePort, startPrivatePostgres } from './helpers/private-postgres.js'
import { startServerProcess, stopServerProcess, until } from './helpers/server-process.js'

t.test('the database comes up after the service: wait, then migrate and serve', async (t) => {
  const pg = await startPrivatePostgres(t)
  await pg.stop('fast')
  const port = await freePort()
  const server = await startServerProcess({ DATABASE_URL: pg.url, PORT: String(port) }, { noWait: true })
  t.teardown(async () => await stopServerProcess(server))
  const base = `http://127.0.0.1:${port}`
  await until('liveness answers', async () => (await fetch(`${base}/health/live`)).status === 200)
  const ready = await fetch(`${base}/health/ready`)
  t.equal(ready.status, 503, 'not ready while the database is down')
  t.match(ready.headers.get('retry-after'), /^\d+$/)
  const api = await fetch(`${base}/oruk/northshire/services`)
  t.equal(api.status, 503, 'routes answer 503 meanwhile')
  await new Promise((resolve) => setTimeout(resolve, 3000)) // a few failed attempts at migrating
  t.notOk(server.hasExited(), `still running while the database is down:\n${server.output()}`)
  await pg.start()
  await until('ready', async () => (await fetch(`${base}/health/ready`)).status === 200, 120_000)
  t.match(server.output(), /Quality Mark is running at/, 'migrated and serving')
  t.equal((await fetch(`${base}/oruk/northshire/services`)).status, 404, 'routes answer from the database')
  t.equal(await stopServerProcess(server), 0)
})
