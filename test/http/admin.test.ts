// Councils, users and tokens: who may create what, tokens shown once and revocable, the audit trail append-only.
import t from 'tap'
import { sql } from 'drizzle-orm'
import { buildTestApp } from '../helpers/app.js'

const h = await buildTestApp(t)
const [north, south] = h.councils
const admin = h.auth(h.admin.token)
const staff = h.auth(north.coordinator.token)

t.test('an admin creates a council; duplicate slugs and inconsistent size bounds are refused', async (t) => {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/councils',
    headers: admin,
    payload: { slug: 'eastshire', name: 'Eastshire Council' }
  })
  t.equal(res.statusCode, 201, res.body)
  t.equal(res.json().microMaxFte, 5, 'micro means five or fewer FTE by default')
  const dup = await h.app.inject({
    method: 'POST',
    url: '/api/v1/councils',
    headers: admin,
    payload: { slug: 'eastshire', name: 'Again' }
  })
  t.equal(dup.statusCode, 409)
  t.equal(dup.json().code, 'COUNCIL_SLUG_TAKEN')
  const bounds = await h.app.inject({
    method: 'POST',
    url: '/api/v1/councils',
    headers: admin,
    payload: { slug: 'westshire', name: 'Westshire', microMaxFte: 60 }
  })
  t.equal(bounds.statusCode, 422, bounds.body)
  t.equal(bounds.json().errors[0].path, 'body.microMaxFte')
  const badSlug = await h.app.inject({
    method: 'POST',
    url: '/api/v1/councils',
    headers: admin,
    payload: { slug: 'Bad Slug!', name: 'Westshire' }
  })
  t.equal(badSlug.statusCode, 400)
  t.equal(
    (
      await h.app.inject({
        method: 'POST',
        url: '/api/v1/councils',
        headers: staff,
        payload: { slug: 'mine', name: 'Mine' }
      })
    ).statusCode,
    403
  )
})

t.test("moving a council's micro bound recomputes its providers' size bands", async (t) => {
  const p = await h.addProvider(north, { fte: 6 })
  t.equal((await h.app.inject({ url: `/api/v1/providers/${p.id}`, headers: staff })).json().sizeBand, 'small')
  const council = await h.app.inject({ url: `/api/v1/councils/${north.id}`, headers: admin })
  const res = await h.app.inject({
    method: 'PATCH',
    url: `/api/v1/councils/${north.id}`,
    headers: { ...admin, 'if-match': council.headers.etag as string },
    payload: { microMaxFte: 6 }
  })
  t.equal(res.statusCode, 200, res.body)
  t.equal((await h.app.inject({ url: `/api/v1/providers/${p.id}`, headers: staff })).json().sizeBand, 'micro')
  t.equal(
    (await h.app.inject({ url: `/api/v1/councils/${south.id}`, headers: staff })).statusCode,
    404,
    'a co-ordinator sees only their own council'
  )
})

t.test('users: co-ordinators onboard their own providers only; role rules enforced', async (t) => {
  const p = await h.addProvider(north)
  const ok = await h.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: staff,
    payload: { role: 'provider', name: 'Second login', providerId: p.id }
  })
  t.equal(ok.statusCode, 201, ok.body)
  t.equal(ok.json().councilId, north.id)
  const coord = await h.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: staff,
    payload: { role: 'coordinator', name: 'New colleague' }
  })
  t.equal(coord.statusCode, 403, 'staff accounts come from an admin')
  const other = await h.addProvider(south)
  const cross = await h.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: staff,
    payload: { role: 'provider', name: 'Some One', providerId: other.id }
  })
  t.equal(cross.statusCode, 404, cross.body)
  const noProvider = await h.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin,
    payload: { role: 'provider', name: 'Some One', councilId: north.id }
  })
  t.equal(noProvider.statusCode, 422, noProvider.body)
  t.equal(noProvider.json().errors[0].path, 'body.providerId')
  const noCouncil = await h.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin,
    payload: { role: 'reviewer', name: 'Some One' }
  })
  t.equal(noCouncil.statusCode, 422)
  const listed = (await h.app.inject({ url: '/api/v1/users', headers: staff })).json().items
  t.ok(listed.every((u: { councilId: string }) => u.councilId === north.id))
})

t.test(
  'tokens: ≥128-bit secret shown once, hashed at rest, expiring, revocable; deactivated users lose access',
  async (t) => {
    const p = await h.addProvider(north)
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/users/${p.userId}/tokens`,
      headers: admin,
      payload: { label: 'office PC' }
    })
    t.equal(res.statusCode, 201)
    t.equal(res.headers['cache-control'], 'no-store')
    const { token, prefix } = res.json()
    t.ok(Buffer.from(token.slice(3), 'base64url').length >= 16, 'at least 128 random bits')
    t.ok(token.startsWith(prefix))
    const stored = await h.db.db.execute(sql`select token_hash from api_tokens where prefix = ${prefix}`)
    const rows = (Array.isArray(stored) ? stored : (stored as { rows: unknown[] }).rows) as Array<{
      token_hash: string
    }>
    t.equal(rows.length, 1)
    t.not(rows[0]!.token_hash, token, 'only a hash is stored')
    t.equal(rows[0]!.token_hash.length, 64, 'SHA-256 hex')
    t.equal((await h.app.inject({ url: '/api/v1/me', headers: h.auth(token) })).statusCode, 200)

    const expiring = (
      await h.app.inject({
        method: 'POST',
        url: `/api/v1/users/${p.userId}/tokens`,
        headers: admin,
        payload: { label: 'short', expiresAt: new Date(h.clock.now.getTime() + 86_400_000).toISOString() }
      })
    ).json().token
    t.equal((await h.app.inject({ url: '/api/v1/me', headers: h.auth(expiring) })).statusCode, 200)
    h.clock.advanceDays(2)
    t.equal((await h.app.inject({ url: '/api/v1/me', headers: h.auth(expiring) })).statusCode, 401, 'expired')

    const deact = await h.app.inject({ method: 'POST', url: `/api/v1/users/${p.userId}/deactivate`, headers: staff })
    t.equal(deact.statusCode, 200)
    t.equal(
      (await h.app.inject({ url: '/api/v1/me', headers: h.auth(token) })).statusCode,
      401,
      "a deactivated user's tokens stop working"
    )
    const other = await h.addProvider(north)
    t.equal(
      (await h.app.inject({ url: `/api/v1/users/${other.userId}/tokens`, headers: h.auth(p.token) })).statusCode,
      401
    )
    const mine = await h.addProvider(north)
    t.equal(
      (await h.app.inject({ url: `/api/v1/users/${other.userId}/tokens`, headers: h.auth(mine.token) })).statusCode,
      404,
      "a provider cannot manage another's tokens"
    )
  }
)

t.test('the audit trail is append-only: the database refuses updates and deletes', async (t) => {
  const events = (
    await h.app.inject({ url: `/api/v1/audit?entityType=council&entityId=${north.id}`, headers: staff })
  ).json().items
  t.ok(events.length >= 1)
  t.equal(events[0].action, 'create')
  const refusal = async (statement: ReturnType<typeof sql>) => {
    try {
      await h.db.db.execute(statement)
      return 'allowed'
    } catch (e) {
      return String((e as { cause?: Error }).cause?.message ?? e)
    }
  }
  t.match(await refusal(sql`update audit_events set action = 'tampered'`), /append-only/)
  t.match(await refusal(sql`delete from audit_events`), /append-only/)
})

t.test("staff may not issue a provider's token; tokens expire by default; last use is recorded", async (t) => {
  const p = await h.addProvider(north)
  const url = `/api/v1/users/${p.userId}/tokens`
  for (const token of [north.coordinator.token, north.reviewer.token]) {
    const refused = await h.app.inject({ method: 'POST', url, headers: h.auth(token), payload: { label: 'as them' } })
    t.equal(refused.statusCode, 403, refused.body)
    t.match(refused.headers['content-type'], /^application\/problem\+json/)
    t.equal(refused.json().code, 'TOKEN_FOR_PROVIDER_REFUSED')
  }
  const listed = await h.app.inject({ url, headers: staff })
  t.equal(listed.json().items.length, 1, 'nothing was issued')
  const own = await h.app.inject({ method: 'POST', url, headers: h.auth(p.token), payload: { label: 'my phone' } })
  t.equal(own.statusCode, 201, 'a provider issues more tokens for itself')
  const expected = new Date(h.clock.now.getTime() + 90 * 86_400_000).toISOString()
  t.equal(own.json().expiresAt, expected, 'TOKEN_DEFAULT_TTL_DAYS (90) by default')
  const byAdmin = await h.app.inject({ method: 'POST', url, headers: admin, payload: { label: 'first' } })
  t.equal(byAdmin.statusCode, 201)
  t.equal(byAdmin.json().lastUsedAt, null)
  t.equal((await h.app.inject({ url: '/api/v1/me', headers: h.auth(byAdmin.json().token) })).statusCode, 200)
  const tokens = (await h.app.inject({ url, headers: staff })).json().items
  const after = tokens.find((i: { id: string }) => i.id === byAdmin.json().id)
  t.equal(after.lastUsedAt, h.clock.now.toISOString(), 'last use recorded')
  h.clock.advanceDays(91)
  t.equal((await h.app.inject({ url: '/api/v1/me', headers: h.auth(own.json().token) })).statusCode, 401, 'expired')
})
