// The problem codes a route can answer whatever it does, from what every request passes through (src/app.ts: the
// router, the body parsers, text safety, rate limits, load shedding, authentication): the OpenAPI plugin adds them
// to each route's own declared codes, so a route declares only what its use cases refuse (README: The API).
import type { ErrorCode } from '../../domain/errors.js'
import { USER_ROLES, type UserRole } from '../../domain/roles.js'
import { answersWhileStarting } from '../routes/health.js'

/** What every route can answer. */
const EVERY_ROUTE: ErrorCode[] = [
  'VALIDATION_FAILED', // its schemas, and text-safety.ts, which reads every request's query
  'RATE_LIMITED',
  'INTERNAL_ERROR',
  'UNDER_PRESSURE'
]

/** Fastify's body parsers: malformed, empty or oversized JSON or form bodies, an unknown body type. */
const BODY_PARSERS: ErrorCode[] = [
  'CTP_INVALID_JSON_BODY',
  'CTP_EMPTY_JSON_BODY',
  'CTP_INVALID_CONTENT_LENGTH',
  'CTP_BODY_TOO_LARGE',
  'CTP_INVALID_MEDIA_TYPE'
]

// Fastify reads a body on every method but these (lib/handle-request.js)
const WITHOUT_BODY = new Set(['GET', 'HEAD'])
// auth.ts: a change sent with a session also needs its CSRF token (@fastify/csrf-protection's FST_CSRF_*)
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function commonAnswers (url: string, methods: string[], roles: UserRole[] | undefined): ErrorCode[] {
  const codes = [...EVERY_ROUTE]
  // src/app.ts: every route but health answers 503 until the database is ready, and whenever it does not answer
  if (!answersWhileStarting(url)) codes.push('DATABASE_UNREACHABLE')
  // the router: a path parameter over maxParamLength, or one not validly percent-encoded
  if (url.includes(':')) codes.push('MAX_PARAM_LENGTH', 'BAD_URL')
  if (methods.some((m) => !WITHOUT_BODY.has(m))) codes.push(...BODY_PARSERS)
  if (roles !== undefined) {
    codes.push('UNAUTHENTICATED')
    if (USER_ROLES.some((role) => !roles.includes(role))) codes.push('ROLE_NOT_ALLOWED')
    if (methods.some((m) => !SAFE_METHODS.has(m))) codes.push('CSRF_MISSING_SECRET', 'CSRF_INVALID_TOKEN')
  }
  return codes
}
