// Which failures mean "the database is unavailable right now" rather than "this request is wrong" (README:
// Reliability): a lost or refused connection, a connect that timed out, a server that stopped answering, a
// statement or lock that hit its timeout, a server shutting down or starting up. Those are answered 503 with
// Retry-After; anything else keeps its own handling.
import { propertyOf, stringPropertyOf } from '../thrown.js'

// postgres.js's own connection errors (src/errors.js there) and this service's watchdog (src/db/watchdog.ts).
const DRIVER_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'DATABASE_NO_ANSWER'
])
// Node.js socket errors.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN'
])
// SQLSTATEs: query_canceled (statement_timeout), lock_not_available (lock_timeout), admin/crash shutdown,
// cannot_connect_now (starting up), too_many_connections, the connection exception class 08, and
// idle_in_transaction_session_timeout.
const SQLSTATES = new Set(['57014', '55P03', '57P01', '57P02', '57P03', '53300', '25P03'])

/** True when `error` (or an error it wraps, as drizzle wraps the driver's) says the database is unavailable. */
export function isDatabaseUnavailable (error: unknown): boolean {
  let e: unknown = error
  for (let depth = 0; depth < 6 && e !== null && typeof e === 'object'; depth++) {
    const code = stringPropertyOf(e, 'code')
    if (code !== undefined) {
      if (DRIVER_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08')) {
        return true
      }
    }
    // AggregateError (a connect to several addresses) and the wrapped cause
    const inner = propertyOf(e, 'errors')
    if (Array.isArray(inner) && inner.some(isDatabaseUnavailable)) return true
    e = propertyOf(e, 'cause')
  }
  return false
}

/** Seconds a client is asked to wait before trying again while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5
