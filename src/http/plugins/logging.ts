// pino options: a request id on every line; no tokens, cookies, IP addresses, feedback links or the values a
// failed database statement was given in logs.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { FastifyServerOptions } from 'fastify'
import { stdSerializers, type DestinationStream, type SerializedError } from 'pino'
import type { Config } from '../../config.js'
import { stringPropertyOf } from '../../thrown.js'

// A feedback link's token and a sign-in link are secrets (they are the permission to answer, to sign in), and so
// are an OpenID Connect callback's code and state. The router decodes and tolerates doubled slashes, so the test
// runs on the path as the router sees it, and on every spelling of it.
const secretPaths: Array<[RegExp, string]> = [
  [/^\/+feedback(?:\/|$)/i, '/feedback/[redacted]'],
  [/^\/+sign-in\/+link(?:\/|$)/i, '/sign-in/link/[redacted]']
]
const secretQuery = /([?&](?:token|secret|code|state)=)[^&#]*/gi

function decodedPath (path: string): string {
  let decoded = path
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(decoded)
      if (next === decoded) break
      decoded = next
    } catch {
      break
    }
  }
  return decoded.replace(/\\/g, '/').replace(/\/{2,}/g, '/')
}

export function redactUrl (url: string): string {
  const q = url.indexOf('?')
  const path = q === -1 ? url : url.slice(0, q)
  const query = q === -1 ? '' : url.slice(q).replace(secretQuery, '$1[redacted]')
  const decoded = decodedPath(path)
  const secret = secretPaths.find(([re]) => re.test(decoded))
  return `${secret === undefined ? path : secret[1]}${query}`
}

// A caller's X-Request-Id is kept (to trace a request across services) only when it is short and plain: it is
// written to the append-only audit and to every log line.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/

export function requestIdOf (req: IncomingMessage): string {
  const given = req.headers['x-request-id']
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID()
}

// SQLSTATE-coded errors from either driver (postgres.js PostgresError, PGlite's DatabaseError).
const SQLSTATE = /^[0-9A-Z]{5}$/
interface DbErrorLike { code: string; constraint?: unknown; table?: unknown; column?: unknown; severity?: unknown }

const isDbError = (e: unknown): e is Error & DbErrorLike => {
  const code = stringPropertyOf(e, 'code')
  return e instanceof Error && code !== undefined && SQLSTATE.test(code)
}
const hasQuery = (e: unknown): e is Error & { query: string } =>
  e instanceof Error && stringPropertyOf(e, 'query') !== undefined

function causes (err: unknown): unknown[] {
  const chain: unknown[] = []
  for (let e = err; e instanceof Error && chain.length < 5; e = e.cause) chain.push(e)
  return chain
}

const stackFrames = (err: Error) => (err.stack ?? '').split('\n').filter((l) => l.startsWith('    at ')).join('\n')

/**
 * pino's `err` serializer. A database error's message and properties carry the statement's bound values
 * (drizzle: "Failed query: … params: …"; postgres.js: `parameters`; PostgreSQL: "Key (x)=(…)"), which may be a
 * webhook secret, a respondent's comment or a token hash: for those only the SQL shape (placeholders, no values),
 * the SQLSTATE code and the constraint, table and column names are logged, with the stack frames.
 */
export function safeErrorSerializer (err: unknown): SerializedError {
  const top = err instanceof Error ? err : new Error(String(err))
  const chain = causes(top)
  const db = chain.find(isDbError)
  const query = chain.find(hasQuery)
  if (db === undefined && query === undefined) return stdSerializers.err(top)
  const out: SerializedError = {
    type: top.constructor.name,
    message: 'database statement failed (values not logged)',
    ...(query !== undefined ? { sql: query.query.slice(0, 2000) } : {}),
    ...(db !== undefined
      ? { code: db.code, constraint: db.constraint, table: db.table, column: db.column, severity: db.severity }
      : {}),
    stack: stackFrames(top),
    raw: top
  }
  // pino's contract: the original error, kept but not logged
  return Object.defineProperty(out, 'raw', { enumerable: false })
}

export function loggerOptions (config: Config, stream?: DestinationStream): FastifyServerOptions['logger'] {
  return {
    level: config.LOG_LEVEL,
    ...(stream !== undefined ? { stream } : {}),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]'
    },
    serializers: {
      // Only what is needed to trace a request: no remote address (personal data), no headers.
      req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: safeErrorSerializer
    }
  }
}
