// Every kind of bad request gets an RFC 9457 problem, never a 500 with internals.
import t, { type Test } from 'tap'
import type { InjectOptions } from 'fastify'
import { buildTestApp, sampleProvider } from '../helpers/app.js'
import { onRealPostgres } from '../helpers/database.js'

const h = await buildTestApp(t)
const staff = h.auth(h.councils[0].coordinator.token)

const isProblem = (t: Test, res: { headers: Record<string, unknown>; json: () => any }, status: number) => {
  t.match(res.headers['content-type'], /^application\/problem\+json/, 'problem+json')
  const body = res.json()
  t.equal(body.status, status)
  t.type(body.title, 'string')
  t.type(body.type, 'string')
  t.type(body.instance, 'string')
  return body
}

t.test('unknown route → 404; known path with another method → 405 with Allow', async (t) => {
  const missing = await h.app.inject({ url: '/api/v1/nothing-here' })
  t.equal(missing.statusCode, 404)
  isProblem(t, missing, 404)
  const wrong = await h.app.inject({ method: 'DELETE', url: '/api/v1/providers' })
  t.equal(wrong.statusCode, 405)
  t.match(wrong.headers.allow, /GET/)
  t.match(wrong.headers.allow, /POST/)
  isProblem(t, wrong, 405)
})

t.test('unknown entity → 404 problem; malformed id → 400 naming the param', async (t) => {
  const res = await h.app.inject({ url: '/api/v1/providers/6b1d1c3e-1f7a-4c59-9d2e-3f2f0f6f0a11', headers: staff })
  t.equal(res.statusCode, 404)
  t.equal(isProblem(t, res, 404).code, 'NOT_FOUND')
  const bad = await h.app.inject({ url: '/api/v1/providers/not-a-uuid', headers: staff })
  t.equal(bad.statusCode, 400)
  t.same(isProblem(t, bad, 400).errors, [{ path: 'params.id', message: 'must be a UUID' }])
})

t.test('malformed JSON, wrong content type, empty body, huge body, wrong types', async (t) => {
  const url = '/api/v1/providers'
  const malformed = await h.app.inject({
    method: 'POST',
    url,
    headers: { ...staff, 'content-type': 'application/json' },
    payload: '{"name": '
  })
  t.equal(malformed.statusCode, 400)
  isProblem(t, malformed, 400)
  const xml = await h.app.inject({
    method: 'POST',
    url,
    headers: { ...staff, 'content-type': 'application/xml' },
    payload: '<provider/>'
  })
  t.equal(xml.statusCode, 415)
  isProblem(t, xml, 415)
  const empty = await h.app.inject({
    method: 'POST',
    url,
    headers: { ...staff, 'content-type': 'application/json' },
    payload: ''
  })
  t.equal(empty.statusCode, 400)
  const huge = await h.app.inject({
    method: 'POST',
    url,
    headers: { ...staff, 'content-type': 'application/json' },
    payload: JSON.stringify({ ...sampleProvider(), description: 'x'.repeat(2_000_000) })
  })
  t.equal(huge.statusCode, 413)
  isProblem(t, huge, 413)
  const types = await h.app.inject({
    method: 'POST',
    url,
    headers: staff,
    payload: { ...sampleProvider(), fte: 'three', flags: { personalCare: 'yes' } }
  })
  t.equal(types.statusCode, 400)
  const paths = isProblem(t, types, 400).errors as Array<{ path: string }>
  t.ok(paths.some((e) => e.path === 'body.fte'))
  t.ok(paths.some((e) => e.path.startsWith('body.flags')))
  const proto = await h.app.inject({
    method: 'POST',
    url,
    headers: { ...staff, 'content-type': 'application/json' },
    payload: '{"__proto__": {"admin": true}}'
  })
  t.equal(proto.statusCode, 400)
})

t.test('401 carries WWW-Authenticate; repeated failures are rate limited with 429', async (t) => {
  const res = await h.app.inject({ url: '/api/v1/me', headers: h.auth('qm_wrong') })
  t.equal(res.statusCode, 401)
  t.match(res.headers['www-authenticate'], /Bearer/)
  isProblem(t, res, 401)
  const strict = await buildTestApp(t, { env: { AUTH_FAILURES_PER_MINUTE: '3' } })
  const codes: number[] = []
  for (let i = 0; i < 5; i++) {
    codes.push((await strict.app.inject({ url: '/api/v1/me', headers: strict.auth('qm_guess' + i) })).statusCode)
  }
  t.same(codes, [401, 401, 401, 429, 429], 'the fourth failure within a minute is refused')
  const limited = await strict.app.inject({ url: '/api/v1/me', headers: strict.auth('qm_again') })
  isProblem(t, limited, 429)
  t.ok(limited.headers['retry-after'], 'Retry-After tells when to try again')
  const good = await strict.app.inject({ url: '/api/v1/me', headers: strict.auth(strict.admin.token) })
  t.equal(good.statusCode, 200, "a valid token is not punished for others' failures")
})

t.test('a revoked token stops working at once; tokens are stored only as hashes', async (t) => {
  const p = await h.addProvider(h.councils[0])
  const me = await h.app.inject({ url: '/api/v1/me', headers: h.auth(p.token) })
  t.equal(me.json().role, 'provider', me.body)
  const list = (await h.app.inject({ url: `/api/v1/users/${p.userId}/tokens`, headers: staff })).json()
  t.equal(list.items.length, 1)
  t.notOk(JSON.stringify(list).includes(p.token), 'the secret is never listed')
  t.ok(list.items[0].lastUsedAt, 'last use recorded')
  const revoke = await h.app.inject({
    method: 'POST',
    url: `/api/v1/tokens/${list.items[0].id}/revoke`,
    headers: staff
  })
  t.equal(revoke.statusCode, 200)
  t.equal((await h.app.inject({ url: '/api/v1/me', headers: h.auth(p.token) })).statusCode, 401)
})

t.test('a database gone under a running app is a problem with no internals', async (t) => {
  const { buildApp } = await import('../../src/app.js')
  const { loadConfig } = await import('../../src/config.js')
  const { createTestDatabase } = await import('../helpers/database.js')
  const broken = await createTestDatabase()
  t.teardown(broken.drop)
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', MAX_EVENT_LOOP_DELAY_MS: '0' }), {
    database: broken,
    logger: false
  })
  t.teardown(() => app.close())
  await broken.close() // the database goes away under a running app
  const res = await app.inject({ url: '/api/v1/me', headers: { authorization: 'Bearer qm_anything' } })
  // A closed connection pool is an outage on PostgreSQL (503, try again: README: Reliability); a closed embedded
  // database cannot come back, so there it is an unexpected failure (500, logged).
  const status = onRealPostgres() ? 503 : 500
  t.equal(res.statusCode, status)
  const body = isProblem(t, res, status)
  t.notMatch(res.body, /select|api_tokens|stack|at \//i, 'no SQL, table names or stack trace')
  if (status === 503) t.ok(res.headers['retry-after'], 'says when to try again')
  else t.match(body.detail, /logged/)
})

t.test('security headers everywhere; CORS only on the public feeds', async (t) => {
  const api = await h.app.inject({
    url: '/api/v1/providers',
    headers: { ...staff, origin: 'https://elsewhere.example' }
  })
  t.equal(api.headers['x-content-type-options'], 'nosniff')
  t.match(api.headers['strict-transport-security'], /max-age/)
  t.match(api.headers['content-security-policy'], /default-src 'self'/)
  t.equal(api.headers['access-control-allow-origin'], undefined, 'the private API is not open to other origins')
  const feed = await h.app.inject({
    url: `/oruk/${h.councils[0].slug}/services`,
    headers: { origin: 'https://directory.example' }
  })
  t.equal(feed.statusCode, 200)
  t.equal(feed.headers['access-control-allow-origin'], '*', 'the open data feed is')
})

t.test('router and body parser refusals are problem+json with registered codes', async (t) => {
  const { isErrorCode } = await import('../../src/domain/errors.js')
  const json = { ...staff, 'content-type': 'application/json' }
  const cases: Array<[string, InjectOptions, number, string]> = [
    ['a path parameter over maxParamLength', { url: `/api/v1/providers/${'a'.repeat(300)}`, headers: staff }, 414,
      'MAX_PARAM_LENGTH'],
    ['bad percent-encoding in the API', { url: '/api/v1/providers/%E0%A4%A', headers: staff }, 400, 'BAD_URL'],
    ['bad percent-encoding on a page path', { url: '/directory/%E0%A4%A' }, 400, 'BAD_URL'],
    ['an unknown path', { url: '/api/v1/nothing-here' }, 404, 'ROUTE_NOT_FOUND'],
    ['a known path, another method', { method: 'DELETE', url: '/api/v1/providers', headers: staff }, 405,
      'METHOD_NOT_ALLOWED'],
    ['malformed JSON', { method: 'POST', url: '/api/v1/providers', headers: json, payload: '{"name": ' }, 400,
      'CTP_INVALID_JSON_BODY'],
    ['an empty JSON body', { method: 'POST', url: '/api/v1/providers', headers: json, payload: '' }, 400,
      'CTP_EMPTY_JSON_BODY'],
    ['a prototype-poisoning key', {
      method: 'POST',
      url: '/api/v1/providers',
      headers: json,
      payload: '{"__proto__": {"admin": true}}'
    }, 400, 'CTP_INVALID_JSON_BODY'],
    ['an unsupported body type', {
      method: 'POST',
      url: '/api/v1/providers',
      headers: { ...staff, 'content-type': 'application/xml' },
      payload: '<p/>'
    }, 415, 'CTP_INVALID_MEDIA_TYPE'],
    ['a body over the limit', {
      method: 'POST',
      url: '/api/v1/providers',
      headers: json,
      payload: JSON.stringify({ description: 'x'.repeat(2_000_000) })
    }, 413, 'CTP_BODY_TOO_LARGE']
  ]
  for (const [name, request, status, code] of cases) {
    const res = await h.app.inject(request)
    t.equal(res.statusCode, status, name)
    const body = isProblem(t, res, status)
    t.equal(body.code, code, `${name}: ${code}`)
    t.ok(isErrorCode(body.code), `${name}: the code is registered`)
    t.notOk('error' in body || 'statusCode' in body, `${name}: not fastify's default error shape`)
  }
})
