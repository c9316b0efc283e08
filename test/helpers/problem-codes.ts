// Holds every API route to the problem codes it declares (README: The API): a problem+json answer whose code is not
// among its route's declared codes (src/http/schemas/problem.ts, with the common answers src/http/plugins/openapi.ts
// adds) is reported, naming the route and the code. buildTestApp fails the test file with each one.
import type { FastifyInstance } from 'fastify'
import { declaredCodes } from '../../src/http/schemas/problem.js'

export function reportUndeclaredProblems (app: FastifyInstance, report: (undeclared: string) => void): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const schema = request.routeOptions.schema
    // pages (hidden from the document) and the router's own answers (no route) declare nothing
    if (schema === undefined || schema.hide === true || typeof payload !== 'string') return payload
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/problem+json')) return payload
    const code: unknown = JSON.parse(payload).code
    if (typeof code !== 'string' || !declaredCodes(schema.response).some((c) => c === code)) {
      report(`${request.method} ${request.routeOptions.url} answered ${reply.statusCode} ${String(code)}, ` +
        "which it does not declare: add it to the route's problemResponses")
    }
    return payload
  })
}
