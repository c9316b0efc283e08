// The provider registry through the API: create, read, list with filters and stable pages, update with
// If-Match, deactivate, and who may do what.
import t from 'tap'
import { buildTestApp, sampleProvider } from '../helpers/app.js'

const h = await buildTestApp(t)
const [north, south] = h.councils
const staff = h.auth(north.coordinator.token)

t.test('a co-ordinator registers a provider; size band is derived from FTE', async (t) => {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/providers',
    headers: staff,
    payload: sampleProvider({ fte: 5, postcode: 'ls1 4ap' })
  })
  t.equal(res.statusCode, 201, res.body)
  const body = res.json()
  t.equal(body.sizeBand, 'micro')
  t.equal(body.postcode, 'LS1 4AP', 'postcode normalised')
  t.equal(res.headers.etag, '"v1"')
  const read = await h.app.inject({ url: `/api/v1/providers/${body.id}`, headers: staff })
  t.equal(read.statusCode, 200)
  t.equal(read.json().name, sampleProvider().name)
  const big = await h.app.inject({
    method: 'POST',
    url: '/api/v1/providers',
    headers: staff,
    payload: sampleProvider({ name: 'Big Care Ltd', fte: 5.5 })
  })
  t.equal(big.json().sizeBand, 'small')
})

t.test('bad input is a 400 problem naming each field, and nothing is written', async (t) => {
  const before = (await h.app.inject({ url: '/api/v1/providers?status=all&perPage=100', headers: staff })).json().meta
    .totalItems
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/providers',
    headers: staff,
    payload: { ...sampleProvider(), postcode: 'NOT A POSTCODE', fte: -1, surprise: true }
  })
  t.equal(res.statusCode, 400)
  t.match(res.headers['content-type'], /application\/problem\+json/)
  const paths = res.json().errors.map((e: { path: string }) => e.path)
  t.ok(paths.includes('body.postcode'), 'postcode named')
  t.ok(paths.includes('body.fte'), 'fte named')
  t.ok(
    paths.some((p: string) => p === 'body' || p.startsWith('body')),
    'unknown field refused'
  )
  t.match(JSON.stringify(res.json().errors), /surprise/, 'the unknown field is named')
  const after = (await h.app.inject({ url: '/api/v1/providers?status=all&perPage=100', headers: staff })).json().meta
    .totalItems
  t.equal(after, before)
})

t.test('list filters, text search, sorting and stable pagination', async (t) => {
  for (const [i, name] of ['Zeta Care', 'Alpha Days', 'Mid Support'].entries()) {
    await h.app.inject({
      method: 'POST',
      url: '/api/v1/providers',
      headers: staff,
      payload: sampleProvider({
        name,
        fte: i * 10,
        serviceTypes: i === 1 ? ['day_activities'] : ['support_in_home'],
        clientGroups: i === 2 ? ['autism'] : ['older_people']
      })
    })
  }
  const days = (await h.app.inject({ url: '/api/v1/providers?serviceType=day_activities', headers: staff })).json()
  t.same(
    days.items.map((p: { name: string }) => p.name),
    ['Alpha Days']
  )
  const autism = (await h.app.inject({ url: '/api/v1/providers?clientGroup=autism', headers: staff })).json()
  t.same(
    autism.items.map((p: { name: string }) => p.name),
    ['Mid Support']
  )
  const micro = (await h.app.inject({ url: '/api/v1/providers?sizeBand=small', headers: staff })).json()
  t.ok(micro.items.every((p: { sizeBand: string }) => p.sizeBand === 'small'))
  const search = (await h.app.inject({ url: '/api/v1/providers?q=zeta', headers: staff })).json()
  t.same(
    search.items.map((p: { name: string }) => p.name),
    ['Zeta Care']
  )
  const all = (await h.app.inject({ url: '/api/v1/providers?perPage=100&sort=-name', headers: staff }))
    .json()
    .items.map((p: { id: string }) => p.id)
  const paged: string[] = []
  for (let page = 1; page <= 10; page++) {
    const r = (
      await h.app.inject({ url: `/api/v1/providers?perPage=2&page=${page}&sort=-name`, headers: staff })
    ).json()
    paged.push(...r.items.map((p: { id: string }) => p.id))
    if (page >= r.meta.totalPages) break
  }
  t.same(paged, all, 'pages concatenate to the full list, in order, without repeats')
  const bad = await h.app.inject({ url: '/api/v1/providers?perPage=1000&sort=colour', headers: staff })
  t.equal(bad.statusCode, 400)
  t.same(
    bad
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort(),
    ['querystring.perPage', 'querystring.sort']
  )
})

t.test('update needs If-Match; a stale ETag is refused, never overwritten', async (t) => {
  const p = await h.addProvider(north)
  const mine = h.auth(p.token)
  const noMatch = await h.app.inject({
    method: 'PATCH',
    url: `/api/v1/providers/${p.id}`,
    headers: mine,
    payload: { description: 'x' }
  })
  t.equal(noMatch.statusCode, 428)
  const ok = await h.app.inject({
    method: 'PATCH',
    url: `/api/v1/providers/${p.id}`,
    headers: { ...mine, 'if-match': '"v1"' },
    payload: { description: 'We help at home', fte: 7 }
  })
  t.equal(ok.statusCode, 200, ok.body)
  t.equal(ok.json().sizeBand, 'small')
  t.equal(ok.headers.etag, '"v2"')
  const stale = await h.app.inject({
    method: 'PATCH',
    url: `/api/v1/providers/${p.id}`,
    headers: { ...staff, 'if-match': '"v1"' },
    payload: { description: 'overwrite' }
  })
  t.equal(stale.statusCode, 412)
  t.equal(stale.json().code, 'VERSION_MISMATCH')
  const rating = await h.app.inject({
    method: 'PATCH',
    url: `/api/v1/providers/${p.id}`,
    headers: { ...mine, 'if-match': '"v2"' },
    payload: { cqcRating: 'outstanding' }
  })
  t.equal(rating.statusCode, 403, 'a provider cannot set its own CQC rating')
  const history = (await h.app.inject({ url: `/api/v1/providers/${p.id}/history`, headers: staff })).json()
  t.same(
    history.items.map((e: { action: string }) => e.action),
    ['create', 'update']
  )
  t.equal(history.items[1].before.description, 'Help at home')
  t.equal(history.items[1].after.description, 'We help at home')
})

t.test('who may see what', async (t) => {
  const a = await h.addProvider(north, { name: 'Provider A' })
  const b = await h.addProvider(north, { name: 'Provider B' })
  const y = await h.addProvider(south, { name: 'Southern Provider' })
  t.equal(
    (await h.app.inject({ url: `/api/v1/providers/${b.id}`, headers: h.auth(a.token) })).statusCode,
    404,
    'provider A cannot see B'
  )
  t.equal(
    (
      await h.app.inject({
        method: 'PATCH',
        url: `/api/v1/providers/${b.id}`,
        headers: { ...h.auth(a.token), 'if-match': '"v1"' },
        payload: { description: 'x' }
      })
    ).statusCode,
    404
  )
  const list = (await h.app.inject({ url: '/api/v1/providers', headers: h.auth(a.token) })).json()
  t.same(
    list.items.map((p: { id: string }) => p.id),
    [a.id],
    'a provider lists only itself'
  )
  t.equal(
    (await h.app.inject({ url: `/api/v1/providers/${y.id}`, headers: staff })).statusCode,
    404,
    "another council's provider does not exist for us"
  )
  t.equal(
    (
      await h.app.inject({
        method: 'POST',
        url: '/api/v1/providers',
        headers: h.auth(a.token),
        payload: sampleProvider()
      })
    ).statusCode,
    403,
    'providers cannot register providers'
  )
  t.equal((await h.app.inject({ url: '/api/v1/providers' })).statusCode, 401)
  t.equal((await h.app.inject({ url: '/api/v1/providers', headers: h.auth('qm_not-a-real-token') })).statusCode, 401)
  t.equal(
    (await h.app.inject({ url: '/api/v1/providers', headers: h.auth(h.admin.token) })).statusCode,
    403,
    'admins manage accounts, not providers'
  )
})

t.test('deactivation keeps the record, hides it from the default list, and is audited', async (t) => {
  const p = await h.addProvider(north, { name: 'Leaving Ltd' })
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/v1/providers/${p.id}/deactivate`,
    headers: staff,
    payload: { reason: 'Retired' }
  })
  t.equal(res.statusCode, 200)
  t.equal(res.json().status, 'inactive')
  const active = (await h.app.inject({ url: '/api/v1/providers?perPage=100', headers: staff }))
    .json()
    .items.map((x: { id: string }) => x.id)
  t.notOk(active.includes(p.id))
  const audit = (
    await h.app.inject({ url: `/api/v1/audit?entityType=provider&entityId=${p.id}`, headers: staff })
  ).json()
  t.same(
    audit.items.map((e: { action: string }) => e.action),
    ['create', 'deactivate']
  )
  t.equal(audit.items[1].reason, 'Retired')
})

t.test('a provider that leaves has its live award withdrawn in the same step', async (t) => {
  const { assessmentDriver } = await import('../helpers/assessments.js')
  const d = assessmentDriver(h)
  const p = await h.addProvider(north, { name: 'Moving Away Care' })
  const id = await d.openUnderReview(p.token, north.coordinator.token)
  await d.proposeAccepted(id, p, north.id, north.coordinator.token, {
    flags: sampleProvider().flags,
    tier: 'B',
    level: 'bronze',
    responses: 3
  })
  const published = await d.post(north.coordinator.token, `/api/v1/assessments/${id}/publish-decision`)
  t.equal(published.statusCode, 200, published.body)
  const awardsBefore = (await h.app.inject({ url: `/api/v1/awards?providerId=${p.id}`, headers: staff })).json().items
  t.equal(awardsBefore[0].status, 'active')
  await h.app.inject({
    method: 'POST',
    url: `/api/v1/providers/${p.id}/deactivate`,
    headers: staff,
    payload: { reason: 'Moved to another area' }
  })
  const award = (await h.app.inject({ url: `/api/v1/awards/${awardsBefore[0].id}`, headers: staff })).json()
  t.equal(award.status, 'withdrawn')
})
