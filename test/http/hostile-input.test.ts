// A sweep over every operation of the OpenAPI document, as a fuzzer would: a NUL character or a lone surrogate in
// any path parameter, query parameter or JSON body field, and numbers beyond what the database holds, are each a
// 400 naming the field — never a 500. Pages answer the kind 400 page.
import { readFileSync } from 'node:fs'
import t, { type Test } from 'tap'
import { buildTestApp } from '../helpers/app.js'

const h = await buildTestApp(t)
const [north] = h.councils
const provider = await h.addProvider(north)
const tokens = [north.coordinator.token, north.reviewer.token, h.admin.token, provider.token]

interface Parameter { in: string; name: string; schema?: { type?: string } }
interface Operation { parameters?: Parameter[]; requestBody?: { content?: Record<string, unknown> } }
const doc = JSON.parse(readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>
}
const SOME_ID = '00000000-0000-4000-8000-000000000000'
const valueOf = (name: string, hostile?: string) =>
  name === hostile ? 'a%00b' : name === 'council' ? north.slug : SOME_ID
const fill = (path: string, hostile?: string) => path.replace(/\{(\w+)\}/g, (_m, name: string) => valueOf(name, hostile))

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
/** As the first role the operation lets in: a role refusal (403 before any input is read) tries the next. */
async function send (method: Method, url: string, payload?: unknown) {
  let res
  for (const token of tokens) {
    res = await h.app.inject({
      method,
      url,
      headers: h.auth(token),
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {})
    })
    if (res.statusCode !== 403 || res.json().code !== 'ROLE_NOT_ALLOWED') break
  }
  return res!
}

function assertNamed (t: Test, res: Awaited<ReturnType<typeof send>>, path: string, label: string) {
  t.equal(res.statusCode, 400, `${label}: ${res.body.slice(0, 200)}`)
  const body = res.json()
  t.ok(body.errors?.some((e: { path: string }) => e.path === path), `${label} names ${path}`)
}

const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase() as Method, op })))

t.test('a NUL in any path or query parameter is a 400 naming it', async (t) => {
  let checked = 0
  for (const { path, method, op } of operations) {
    for (const p of op.parameters ?? []) {
      if (p.in === 'path') {
        assertNamed(t, await send(method, fill(path, p.name)), `params.${p.name}`, `${method} ${path} ${p.name}`)
        checked++
      } else if (p.in === 'query') {
        const url = `${fill(path)}?${p.name}=a%00b`
        assertNamed(t, await send(method, url), `querystring.${p.name}`, `${method} ${url}`)
        checked++
      }
    }
  }
  t.ok(checked > 60, `${checked} parameters checked`)
})

t.test('a NUL or a lone surrogate in any JSON body field is a 400 naming it', async (t) => {
  let checked = 0
  for (const { path, method, op } of operations) {
    if (op.requestBody?.content?.['application/json'] === undefined) continue
    const label = `${method} ${path}`
    assertNamed(t, await send(method, fill(path), { name: 'a\u0000b' }), 'body.name', label)
    const surrogate = { nested: { text: ['ok', 'x\ud800y'] } }
    assertNamed(t, await send(method, fill(path), surrogate), 'body.nested.text.1', label)
    checked++
  }
  t.ok(checked > 25, `${checked} bodies checked`)
})

t.test('integer query parameters beyond what the database holds are a 400, never a 500', async (t) => {
  let checked = 0
  for (const { path, method, op } of operations) {
    for (const p of op.parameters ?? []) {
      if (p.in !== 'query' || (p.schema?.type !== 'integer' && p.schema?.type !== 'number')) continue
      for (const value of ['1e12', '99999999999999999999', '-1e12']) {
        const res = await send(method, `${fill(path)}?${p.name}=${value}`)
        t.equal(res.statusCode, 400, `${method} ${path}?${p.name}=${value}`)
      }
      checked++
    }
  }
  t.ok(checked >= 5, `${checked} numeric parameters checked`)
})

t.test('the probes of the review: each a 400 naming the field', async (t) => {
  const staff = h.auth(north.coordinator.token)
  const probes: Array<[string, string, Record<string, string>]> = [
    [`/oruk/${north.slug}/services?search=a%00b`, 'querystring.search', {}],
    ['/api/v1/providers?q=a%00b', 'querystring.q', staff],
    ['/api/v1/audit?entityType=provider&entityId=%00', 'querystring.entityId', staff],
    ['/api/v1/reports/outcomes-by-size?item=OCC_NOW&schemeVersion=1e12', 'querystring.schemeVersion', staff]
  ]
  for (const [url, field, headers] of probes) {
    const res = await h.app.inject({ url, headers })
    t.equal(res.statusCode, 400, url)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.ok(res.json().errors.some((e: { path: string }) => e.path === field), `${url} names ${field}`)
  }
})

t.test('pages answer a kind 400 page', async (t) => {
  for (const url of [`/directory/${north.slug}?q=a%00b`, '/directory/a%00b', '/feedback/a%00b']) {
    const res = await h.app.inject({ url })
    t.equal(res.statusCode, 400, url)
    t.match(res.headers['content-type'], /^text\/html/)
    t.match(res.body, /Sorry, we could not do that/)
  }
  const form = await h.app.inject({
    method: 'POST',
    url: '/feedback/qmf_unknown',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'COMMENT=a%00b'
  })
  t.equal(form.statusCode, 400)
  t.match(form.body, /Sorry, we could not do that/)
})
