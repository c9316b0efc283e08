// A database restart never takes the process down (README: Reliability): the service runs as its own process on a
// private PostgreSQL cluster that is crash-stopped (`pg_ctl -m immediate`) and started again 20 times while reads and
// writes are in flight; the process must still be running afterwards and serve again. postgres.js 3.4.9 crashed
// here (a write scheduled on a connection that had closed meanwhile), which scripts/patches/ mends at install.
import t from 'tap'
import { buildTestApp, sampleProvider } from './helpers/app.js'
import { startPrivatePostgres } from './helpers/private-postgres.js'
import { startServerProcess, stopServerProcess, until } from './helpers/server-process.js'

const RESTARTS = 20

const ANSWER_WITHIN_MS = 15_000

t.test('20 immediate restarts of PostgreSQL under load: the process never exits', async (t) => {
  const pg = await startPrivatePostgres(t)
  const setup = await buildTestApp(t, { serverUrl: pg.url })
  const [north] = setup.councils
  await setup.app.close() // only the child process talks to the database from here on
  const server = await startServerProcess({ DATABASE_URL: setup.db.url!, LOG_LEVEL: 'fatal' })
  t.teardown(async () => await stopServerProcess(server))
  const auth = { authorization: `Bearer ${north.coordinator.token}` }

  const statuses = new Map<number, number>()
  const load = { on: true }
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1)
  const loop = async (i: number) => {
    for (let n = 0; load.on; n++) {
      try {
        // reads, and writes in a transaction with its audit event: both kinds of work a restart interrupts
        const res = n % 3 === 0
          ? await fetch(`${server.url}/api/v1/providers`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: JSON.stringify(sampleProvider({ name: `Restart ${i}-${n}` })),
            signal: AbortSignal.timeout(ANSWER_WITHIN_MS)
          })
          : await fetch(`${server.url}/api/v1/providers?perPage=5`, {
            headers: auth,
            signal: AbortSignal.timeout(ANSWER_WITHIN_MS)
          })
        await res.arrayBuffer()
        count(res.status)
      } catch (err) {
        if (err instanceof DOMException && err.name === 'TimeoutError') {
          count(-1) // not answered in time: an outage must be answered, never left hanging
          continue
        }
        count(0) // connection refused: only once the process has gone
        if (server.hasExited()) return
      }
    }
  }
  const loops = Array.from({ length: 12 }, (_, i) => loop(i))
  for (let i = 0; i < RESTARTS && !server.hasExited(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 150 + (i % 4) * 100))
    await pg.stop('immediate')
    await new Promise((resolve) => setTimeout(resolve, (i % 3) * 100))
    await pg.start()
  }
  // serving again once the database is back, then stop the load
  await until('a read succeeds', async () =>
    server.hasExited() ||
    (await fetch(`${server.url}/api/v1/providers`, { headers: auth, signal: AbortSignal.timeout(ANSWER_WITHIN_MS) }))
      .status === 200
  )
  load.on = false
  await Promise.all(loops)
  t.comment(`answers by status: ${JSON.stringify(Object.fromEntries(statuses))}`)
  if (server.hasExited()) t.fail(`the process exited during the restarts:\n${server.output()}`)
  else t.pass(`the process is still running after ${RESTARTS} restarts`)
  t.ok((statuses.get(200) ?? 0) + (statuses.get(201) ?? 0) > 0, 'requests were served between the restarts')
  t.equal(statuses.get(-1) ?? 0, 0, `every request was answered within ${ANSWER_WITHIN_MS} ms`)
  t.equal(await stopServerProcess(server), 0, 'and it still shuts down cleanly')
})
