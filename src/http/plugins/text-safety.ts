// One check for every text a request carries (query, path parameters, JSON and form bodies), before any schema
// runs: a NUL character (PostgreSQL text cannot hold one) or a lone UTF-16 surrogate (not Unicode text) is a
// 400 naming the field — a problem on the API, the kind 400 page on pages — never a 500 from the database.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { FieldProblem } from '../../domain/errors.js'

// With the u flag a surrogate pair is one code point, so only an unpaired half matches.
// eslint-disable-next-line no-control-regex -- finding the NUL character is the point
const UNSAFE = /\u0000|[\uD800-\uDFFF]/u
const MAX_DEPTH = 32

export class UnsafeTextError extends Error {
  readonly statusCode = 400
  constructor (readonly errors: FieldProblem[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('; '))
  }
}

/** Every place in `value` (strings, object keys, nested) holding a NUL or a lone surrogate, as field problems. */
export function unsafeTextIn (value: unknown, path: string, depth = 0): FieldProblem[] {
  if (typeof value === 'string') return UNSAFE.test(value) ? [{ path, message: describe(value) }] : []
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || Buffer.isBuffer(value)) return []
  return Object.entries(value).flatMap(([key, v]) =>
    UNSAFE.test(key)
      ? [{ path, message: `has a field name that ${describe(key).replace(/^must/, 'must')}` }]
      : unsafeTextIn(v, `${path}.${key}`, depth + 1)
  )
}

const describe = (s: string) =>
  s.includes('\u0000') ? 'must not contain a NUL character' : 'must be valid Unicode text (it has a lone surrogate)'

export default fp(
  async function textSafety (app: FastifyInstance) {
    app.addHook('preValidation', async (request) => {
      const problems = [
        ...unsafeTextIn(request.params, 'params'),
        ...unsafeTextIn(request.query, 'querystring'),
        ...unsafeTextIn(request.body, 'body')
      ]
      if (problems.length > 0) throw new UnsafeTextError(problems)
    })
  },
  { name: 'text-safety' }
)
