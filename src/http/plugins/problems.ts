// One error handler for the whole service: every error leaves as application/problem+json (RFC 9457),
// validation errors name their fields, unknown routes are 404 (405 when another method exists), and
// nothing internal ever reaches a client in a 500.
import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import FindMyWay, { type HTTPMethod } from 'find-my-way'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { isDomainError, type DomainErrorKind, type FieldProblem } from '../../domain/errors.js'
import type { Problem } from '../schemas/problem.js'
import { UnsafeTextError } from './text-safety.js'

export const statusOfKind: Record<DomainErrorKind, number> = {
  invalid: 422,
  conflict: 409,
  not_found: 404,
  forbidden: 403,
  gone: 410,
  precondition_failed: 412,
  precondition_required: 428
}

export function problem (status: number, extra: Partial<Problem> = {}): Problem {
  const code = extra.code
  return {
    // RFC 9457 §4.2.1: "about:blank" when the status says it all; a stable URN per coded problem
    type: code !== undefined ? `urn:qualitymark:problem:${code.toLowerCase().replaceAll('_', '-')}` : 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...extra
  }
}

export function sendProblem (request: FastifyRequest, reply: FastifyReply, body: Problem) {
  return reply
    .code(body.status)
    .type('application/problem+json')
    .send({ ...body, instance: request.url })
}

export default fp(
  async function problems (app: FastifyInstance) {
    // A second router holding every route, only to tell 405 (known path, other method) from 404.
    const known = FindMyWay()
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method]
      for (const m of methods) {
        if (m === 'HEAD' || m === 'OPTIONS') continue
        try {
          known.on(m as HTTPMethod, route.url, () => {})
        } catch {
          /* registered twice under a prefix: fine */
        }
      }
    })

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '/'
      const allowed = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => known.find(m as 'GET', path) !== null)
      if (allowed.length > 0 && !allowed.includes(request.method)) {
        reply.header('allow', allowed.join(', '))
        return sendProblem(
          request,
          reply,
          problem(405, { detail: `${request.method} is not allowed here; use ${allowed.join(', ')}` })
        )
      }
      return sendProblem(request, reply, problem(404, { detail: `No resource at ${path}` }))
    })

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (isDomainError(error)) {
        const status = statusOfKind[error.kind]
        return sendProblem(
          request,
          reply,
          problem(status, {
            code: error.code,
            detail: error.message,
            ...(error.errors !== undefined ? { errors: error.errors } : {}),
            ...(error.details ?? {})
          })
        )
      }
      if (hasZodFastifySchemaValidationErrors(error) || error instanceof UnsafeTextError) {
        const where = hasZodFastifySchemaValidationErrors(error) ? error.validationContext ?? 'body' : ''
        const errors: FieldProblem[] = error instanceof UnsafeTextError
          ? error.errors
          : error.validation.map((v) => ({
            path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
            message: v.message ?? 'is invalid'
          }))
        return sendProblem(
          request,
          reply,
          problem(400, {
            code: 'VALIDATION_FAILED',
            detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
            errors
          })
        )
      }
      if (isResponseSerializationError(error)) {
        request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema')
        return sendProblem(request, reply, problem(500, { detail: 'The service failed to build its answer.' }))
      }
      const status = error.statusCode ?? 500
      if ((status >= 400 && status < 500) || status === 503) {
        // Fastify's own client errors (malformed JSON, 413, 415, 429 ...) and load shedding (503) carry safe messages.
        if (status === 429) reply.header('retry-after', reply.getHeader('retry-after') ?? '60')
        return sendProblem(
          request,
          reply,
          problem(status, {
            code: error.code?.startsWith('FST_') === true ? error.code.replace(/^FST_ERR_/, '') : error.code,
            detail: error.message
          })
        )
      }
      request.log.error({ err: error }, 'unhandled error')
      return sendProblem(
        request,
        reply,
        problem(500, { detail: 'Something went wrong on our side. It has been logged.' })
      )
    })
  },
  { name: 'problems' }
)
