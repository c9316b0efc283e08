// Each route answers only the problem codes it declares (README: The API): the check every API test runs with
// (test/helpers/problem-codes.ts) reports a code a route did not declare, and lets declared and common ones pass.
import t from 'tap'
import Fastify from 'fastify'
import { z } from 'zod'
import { DomainError, ERRORS, isErrorCode } from '../../src/domain/errors.js'
import { staffRoles } from '../../src/http/plugins/auth.js'
import openapi from '../../src/http/plugins/openapi.js'
import { idParams } from '../../src/http/schemas/common.js'
import { problemResponses, problemSchema } from '../../src/http/schemas/problem.js'
import { buildTestApp } from '../helpers/app.js'

const undeclared: string[] = []
const h = await buildTestApp(t, { onUndeclaredProblem: (what) => undeclared.push(what) })
const staff = h.auth(h.councils[0].coordinator.token)

// A route of this test only, declaring NOT_FOUND and answering whichever registered code it is asked for.
h.app.get(
  '/api/v1/test-only/:id',
  {
    config: { roles: staffRoles },
    schema: {
      tags: ['admin'],
      summary: 'Answers the code it is asked for',
      params: idParams,
      querystring: z.strictObject({ code: z.string() }),
      response: { 200: z.object({}), ...problemResponses('NOT_FOUND') }
    }
  },
  async (request) => {
    const { code } = request.query
    if (!isErrorCode(code)) throw new Error(`${code} is not registered`)
    throw new DomainError(code, ERRORS[code].kind)
  }
)

const ID = '6b1d1c3e-1f7a-4c59-9d2e-3f2f0f6f0a11'
const ask = async (url: string, headers: Record<string, string> = staff) =>
  (await h.app.inject({ url, headers })).json().code

t.beforeEach(() => {
  undeclared.length = 0
})

t.test('a code the route did not declare is reported, naming the route and the code', async (t) => {
  t.equal(await ask(`/api/v1/test-only/${ID}?code=VERSION_MISMATCH`), 'VERSION_MISMATCH')
  t.same(undeclared, [
    "GET /api/v1/test-only/:id answered 412 VERSION_MISMATCH, which it does not declare: add it to the route's " +
      'problemResponses'
  ])
})

t.test("the route's own codes and the answers every route can give pass", async (t) => {
  t.equal(await ask(`/api/v1/test-only/${ID}?code=NOT_FOUND`), 'NOT_FOUND', 'declared by the route')
  t.equal(await ask('/api/v1/test-only/not-a-uuid?code=NOT_FOUND'), 'VALIDATION_FAILED', 'validated input')
  t.equal(await ask(`/api/v1/test-only/${ID}?code=NOT_FOUND`, {}), 'UNAUTHENTICATED', 'a route with roles')
  t.equal(await ask(`/api/v1/test-only/${ID}?code=INTERNAL_ERROR`), 'INTERNAL_ERROR', 'every route')
  t.equal(await ask(`/api/v1/providers/${ID}`), 'NOT_FOUND', 'a real route')
  t.equal(await ask('/api/v1/nothing-here'), 'ROUTE_NOT_FOUND', 'no route: the router answers')
  t.same(undeclared, [])
})

t.test('the document lists the codes of the route, as it declared them and the common answers', async (t) => {
  await h.app.ready()
  const op = (h.app.swagger() as any).paths['/api/v1/test-only/{id}'].get
  t.ok(op['x-problem-codes'].includes('NOT_FOUND'))
  t.ok(op['x-problem-codes'].includes('UNAUTHENTICATED'))
  t.notOk(op['x-problem-codes'].includes('VERSION_MISMATCH'))
  t.match(op.responses['404'].description, /Codes: NOT_FOUND$/)
})

t.test('an error answer declared by its status alone is refused when the route is registered', async (t) => {
  const app = Fastify({ logger: false })
  await app.register(openapi, { serverUrl: 'http://localhost' })
  t.throws(
    () => app.get('/untold', { schema: { response: { 404: problemSchema } } }, async () => ({})),
    /\/untold: declare its error answers \(404\) by their codes with problemResponses/
  )
  await app.close()
})
