// The RFC 9457 problem details body, declared once for responses, OpenAPI and tests.
import { z } from 'zod'
import { ERRORS } from '../../domain/errors.js'

export const fieldProblemSchema = z.object({
  path: z.string().describe('Where the problem is, e.g. "body.postcode" or "checklist/3/code"'),
  message: z.string()
})

export const problemSchema = z
  .object({
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
  415: 'Unsupported content type',
  422: 'Breaks a rule of the scheme',
  428: 'If-Match is required',
  429: 'Too many requests',
  500: "An error on the service's side (no internals are given)",
  503: 'Unavailable for now; try again'
}

/** Response schemas for the given error statuses, for a route's `schema.response`. */
export function problemResponses<S extends number> (...statuses: S[]): Record<S, typeof problemSchema> {
  const out = {} as Record<S, typeof problemSchema>
  for (const s of statuses) out[s] = problemSchema.describe(descriptions[s] ?? 'Problem')
  return out
}
