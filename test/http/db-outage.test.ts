// While the database is down or frozen every request is answered, soon, with a 503 problem that says so and when to
// try again, never a 500 and never a hang; readiness says 503 until the pool really serves again (README:
// Reliability). On a private PostgreSQL cluster the test stops, starts, freezes (SIGSTOP) and thaws.
import type { InjectOptions } from 'fastify'
import t, { type Test } from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { startPrivatePostgres } from '../helpers/private-postgres.js'
import { until } from '../helpers/server-process.js'

const pg = await startPrivatePostgres(t)
const h = await buildTestApp(t, { serverUrl: pg.url, timeoutMs: 1500, watchdog: true })
const [north] = h.councils
const providers = (): InjectOptions => ({
  method: 'GET',
  url: '/api/v1/providers',
  headers: h.auth(north.coordinator.token)
})

/** The answer, or 'no answer' when there is none in 30 s (a hang, far beyond the bounds under test). */
async function answer (request: InjectOptions) {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<'no answer'>((resolve) => {
    timer = setTimeout(() => resolve('no answer'), 30_000)
  })
  try {
    return await Promise.race([h.app.inject(request), hang])
  } finally {
    clearTimeout(timer)
  }
}

function assertUnavailable (t: Test, res: Awaited<ReturnType<typeof answer>>, what: string) {
  if (res === 'no answer') return t.fail(`${what}: no answer`)
  t.equal(res.statusCode, 503, `${what}: 503`)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.equal(res.json().code, 'DATABASE_UNREACHABLE', `${what}: a stable code`)
  t.match(res.headers['retry-after'], /^\d+$/, `${what}: Retry-After`)
}

t.test('database stopped: 503 problem with Retry-After; back to 200 when it returns', async (t) => {
  t.equal((await h.app.inject(providers())).statusCode, 200)
  await pg.stop('immediate')
  for (let i = 0; i < 3; i++) assertUnavailable(t, await answer(providers()), `request ${i + 1} while down`)
  assertUnavailable(t, await answer({ method: 'GET', url: '/health/ready' }), 'readiness while down')
  t.equal((await h.app.inject('/health/live')).statusCode, 200, 'liveness while down')
  await pg.start()
  await until('a read succeeds again', async () => (await h.app.inject(providers())).statusCode === 200)
  t.equal((await h.app.inject('/health/ready')).statusCode, 200, 'ready once the pool serves')
})

t.test('database frozen (SIGSTOP): answered within the bounds, not left waiting', async (t) => {
  t.equal((await h.app.inject(providers())).statusCode, 200)
  await pg.freeze()
  try {
    for (let i = 0; i < 2; i++) assertUnavailable(t, await answer(providers()), `request ${i + 1} while frozen`)
    const write = await answer({
      method: 'PATCH',
      url: `/api/v1/councils/${north.id}`,
      headers: h.auth(h.admin.token),
      payload: { name: 'Northshire County Council' }
    })
    assertUnavailable(t, write, 'a write while frozen')
    assertUnavailable(t, await answer({ method: 'GET', url: '/health/ready' }), 'readiness while frozen')
  } finally {
    await pg.thaw()
  }
  await until('a read succeeds again', async () => (await h.app.inject(providers())).statusCode === 200)
  t.equal((await h.app.inject('/health/ready')).statusCode, 200)
})
