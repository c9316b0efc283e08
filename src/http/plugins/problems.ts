// One error handler for the whole service: every error leaves as application/problem+json (RFC 9457) with a
// code from the registry in src/domain/errors.ts; validation errors name their fields; the router's own answers
// (404, 405 when another method exists, 414, a malformed URL) are problems too; nothing internal reaches a client.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import FindMyWay, { type HTTPMethod } from 'find-my-way'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import {
  ERRORS,
  isDomainError,
  isErrorCode,
  type DomainErrorKind,
  type ErrorCode,
  type FieldProblem
} from '../../domain/errors.js'
import type { Problem } from '../schemas/problem.js'
import { UnsafeTextError } from './text-safety.js'
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../../db/unavailable.js'

/**
 * A database that is down, restarting, frozen or too slow (src/db/unavailable.ts) is the service's own passing
 * trouble, not a defect: 503 with Retry-After, logged as a warning (README: Reliability). Pages use it too.
 */
export function whenDatabaseUnavailable (error: unknown, request: FastifyRequest, reply: FastifyReply): boolean {
  if (!isDatabaseUnavailable(error)) return false
  request.log.warn({ err: error }, 'database unavailable')
  reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
  return true
}

export const DATABASE_UNAVAILABLE_DETAIL = 'The database is not answering just now; try again in a few seconds'

export const statusOfKind = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  conflict: 409,
  gone: 410,
  precondition_failed: 412,
  too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  invalid: 422,
  precondition_required: 428,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503
} as const satisfies Record<DomainErrorKind, number>

export const statusOfCode = (code: ErrorCode): number => statusOfKind[ERRORS[code].kind]

/** RFC 9457 §3.1.1: a stable URN per registered code, e.g. urn:qualitymark:problem:not-found. */
export const problemTypeOf = (code: ErrorCode): string =>
  `urn:qualitymark:problem:${code.toLowerCase().replaceAll('_', '-')}`

/** A problem for a registered code: its type, title and default detail come from the registry. */
export function problem (status: number, extra: Omit<Partial<Problem>, 'code'> & { code: ErrorCode }): Problem {
  const definition = ERRORS[extra.code]
  return { type: problemTypeOf(extra.code), title: definition.title, status, detail: definition.message, ...extra }
}

/** What fastify or one of its plugins (body parsers, multipart, rate limit, load shedding) answered, as a code. */
const FALLBACK_BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'MAX_PARAM_LENGTH',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE'
}

function codeOfFrameworkError (request: FastifyRequest, error: FastifyError, status: number): ErrorCode {
  // FST_ERR_CTP_BODY_TOO_LARGE → CTP_BODY_TOO_LARGE, FST_UNDER_PRESSURE → UNDER_PRESSURE (src/domain/errors.ts)
  const own = error.code?.replace(/^FST_(ERR_)?/, '')
  if (isErrorCode(own) && statusOfCode(own) === status) return own
  const fallback = FALLBACK_BY_STATUS[status] ?? 'BAD_REQUEST'
  if (error.code !== undefined) request.log.warn({ code: error.code, answered: fallback }, 'unregistered error code')
  return fallback
}

/** Fastify's `frameworkErrors`: the router's own refusals (malformed URL, path parameter too long) as problems. */
export function frameworkErrors (error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 400
  return sendProblem(request, reply, problem(status, {
    code: codeOfFrameworkError(request, error, status),
    detail: status === 414 ? 'A part of the path is too long' : 'The URL is not validly percent-encoded'
  }))
}

export function sendProblem (request: FastifyRequest, reply: FastifyReply, body: Problem) {
  return reply
    .code(body.status)
    .type('application/problem+json')
    .send({ ...body, instance: request.url })
}

// The methods the service's routes use (HEAD and OPTIONS come with them), as a 405's Allow header lists them.
const ROUTE_METHODS: readonly HTTPMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
const isRouterMethod = (m: string): m is HTTPMethod => ROUTE_METHODS.some((known) => known === m)

export default fp(
  async function problems (app: FastifyInstance) {
    // A second router holding every route, only to tell 405 (known path, other method) from 404.
    const known = FindMyWay()
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method]
      for (const m of methods) {
        if (!isRouterMethod(m)) continue
        try {
          known.on(m, route.url, () => {})
        } catch {
          /* registered twice under a prefix: fine */
        }
      }
    })

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '/'
      const allowed = ROUTE_METHODS.filter((m) => known.find(m, path) !== null)
      if (allowed.length > 0 && !allowed.some((m) => m === request.method)) {
        reply.header('allow', allowed.join(', '))
        return sendProblem(
          request,
          reply,
          problem(405, {
            code: 'METHOD_NOT_ALLOWED',
            detail: `${request.method} is not allowed here; use ${allowed.join(', ')}`
          })
        )
      }
      return sendProblem(request, reply, problem(404, { code: 'ROUTE_NOT_FOUND', detail: `No resource at ${path}` }))
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
        return sendProblem(
          request,
          reply,
          problem(500, { code: 'INTERNAL_ERROR', detail: 'The service failed to build its answer.' })
        )
      }
      if (whenDatabaseUnavailable(error, request, reply)) {
        return sendProblem(request, reply, problem(503, {
          code: 'DATABASE_UNREACHABLE',
          detail: DATABASE_UNAVAILABLE_DETAIL
        }))
      }
      const status = error.statusCode ?? 500
      if ((status >= 400 && status < 500) || status === 503) {
        // Fastify's own client errors (malformed JSON, 413, 415, 429 ...) and load shedding (503) carry safe messages.
        if (status === 429) reply.header('retry-after', reply.getHeader('retry-after') ?? '60')
        return sendProblem(
          request,
          reply,
          problem(status, { code: codeOfFrameworkError(request, error, status), detail: error.message })
        )
      }
      request.log.error({ err: error }, 'unhandled error')
      return sendProblem(
        request,
        reply,
        problem(500, { code: 'INTERNAL_ERROR' })
      )
    })
  },
  { name: 'problems' }
)
