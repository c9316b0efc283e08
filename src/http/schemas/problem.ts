// The RFC 9457 problem details body, declared once for responses, OpenAPI and tests.
import { z } from 'zod'
import { ERRORS, isErrorCode, type ErrorCode, type KindOf } from '../../domain/errors.js'
import { statusOfCode, type statusOfKind } from '../plugins/problems.js'

export const fieldProblemSchema = z.object({
  path: z.string().describe('Where the problem is, e.g. "body.postcode" or "checklist/3/code"'),
  message: z.string()
})

// Extension members (RFC 9457 §3.2) pass through: a rule's refusal names what it found, e.g. a transition's
// `from`, `action` and `allowed`, or the `concernIds` still open, so a client can act on them.
export const problemSchema = z
  .looseObject({
    type: z.string().describe('A URI identifying the problem type (RFC 9457 §3.1.1)'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z
      .enum(Object.keys(ERRORS))
      .optional()
      .describe('Stable machine-readable code from the registry (src/domain/errors.ts), e.g. VERSION_MISMATCH'),
    errors: z.array(fieldProblemSchema).optional().describe('Every field that failed validation')
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details, served as application/problem+json' })

export type Problem = z.infer<typeof problemSchema>

const descriptions: Record<number, string> = {
  400: 'The request is malformed or fails validation',
  401: 'No valid bearer token',
  403: 'The token may not do this',
  404: 'Not found',
  409: 'Not allowed in the current state',
  410: 'No longer available',
  412: 'If-Match does not match the current version',
  413: 'Body too large',
  414: 'A part of the path is too long',
  415: 'Unsupported content type',
  422: 'Breaks a rule of the scheme',
  428: 'If-Match is required',
  429: 'Too many requests',
  500: "An error on the service's side (no internals are given)",
  503: 'Unavailable for now; try again'
}

/** Where an error answer's schema keeps the codes it stands for; the OpenAPI document shows them under this key. */
export const PROBLEM_CODES = 'x-problem-codes'

type StatusOf<C extends ErrorCode> = (typeof statusOfKind)[KindOf<C>]
const registryOrder = Object.keys(ERRORS)

/**
 * An operation's error answers, from the codes it can answer: one problem response per status, each naming its
 * codes (in registry order), for a route's `schema.response`. The answers every route can give are added by
 * src/http/plugins/openapi.ts; a test fails when a route answers a code it did not declare (README: The API).
 */
export function problemResponses<C extends ErrorCode> (...codes: C[]): Record<StatusOf<C>, typeof problemSchema> {
  const byStatus = new Map<number, ErrorCode[]>()
  for (const code of [...new Set(codes)].sort((a, b) => registryOrder.indexOf(a) - registryOrder.indexOf(b))) {
    const status = statusOfCode(code)
    byStatus.set(status, [...(byStatus.get(status) ?? []), code])
  }
  return Object.fromEntries([...byStatus].map(([status, list]) => [
    status,
    problemSchema.meta({ description: descriptions[status] ?? 'Problem', [PROBLEM_CODES]: list })
  ])) as Record<StatusOf<C>, typeof problemSchema>
}

/** The codes a route's `schema.response` declares through problemResponses, whatever their status. */
export function declaredCodes (response: unknown): ErrorCode[] {
  if (response === null || typeof response !== 'object') return []
  return Object.values(response).flatMap((schema) => codesOfSchema(schema))
}

function codesOfSchema (schema: unknown): ErrorCode[] {
  if (!(schema instanceof z.ZodType)) return []
  const codes = schema.meta()?.[PROBLEM_CODES]
  return Array.isArray(codes) ? codes.filter(isErrorCode) : []
}
