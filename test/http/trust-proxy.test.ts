// Rate limits are keyed on the client address: the socket's, or with TRUST_PROXY the one the trusted proxy names
// in X-Forwarded-For (README: Security and privacy, TRUST_PROXY).
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'

const limited = { RATE_LIMIT_PER_MINUTE: '3' }

async function statuses (h: Awaited<ReturnType<typeof buildTestApp>>, forwardedFor: string[]) {
  const out: number[] = []
  for (const xff of forwardedFor) {
    const headers = { 'x-forwarded-for': xff }
    const res = await h.app.inject({ url: '/health/live', remoteAddress: '10.0.0.5', headers })
    out.push(res.statusCode)
  }
  return out
}

t.test('behind one trusted proxy, each client has its own bucket', async (t) => {
  const h = await buildTestApp(t, { env: { ...limited, TRUST_PROXY: '1' } })
  const a = '198.51.100.1'
  const b = '198.51.100.2'
  t.same(await statuses(h, [a, a, a, a]), [200, 200, 200, 429], 'one client reaches its limit')
  t.same(await statuses(h, [b]), [200], 'another client behind the same proxy is not held back')
  t.same(await statuses(h, [`${a}, ${b}`]), [200], 'only the hop the trusted proxy added counts')
})

t.test('by default X-Forwarded-For is ignored: a client cannot pick its own bucket', async (t) => {
  const h = await buildTestApp(t, { env: limited })
  t.same(await statuses(h, ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4']), [200, 200, 200, 429])
})
