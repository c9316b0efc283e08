// Graceful shutdown: closing the app lets an in-flight request finish before the database closes.
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { createTestDatabase } from '../helpers/database.js'

t.test('an in-flight request completes while the service closes; new connections are refused', async (t) => {
  const db = await createTestDatabase()
  t.teardown(db.drop)
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', MAX_EVENT_LOOP_DELAY_MS: '0' }), {
    database: db,
    logger: false
  })
  let release: () => void = () => {}
  const started = new Promise<void>((resolve) => {
    app.get('/test-slow', { schema: { hide: true } }, async () => {
      resolve()
      await new Promise<void>((resolve) => {
        release = resolve
      })
      await db.ping() // still usable: the database closes only after the request
      return { finished: true }
    })
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  const inFlight = fetch(`http://127.0.0.1:${port}/test-slow`)
  await started
  const closing = app.close()
  setTimeout(() => release(), 200)
  const res = await inFlight
  t.equal(res.status, 200)
  t.same(await res.json(), { finished: true })
  await closing
  await t.rejects(fetch(`http://127.0.0.1:${port}/health/live`), 'no longer listening')
})
