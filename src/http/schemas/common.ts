// Small schemas shared by many routes: ids, pagination, list envelopes.
import { z } from 'zod'

export const uuidParam = (name: string) => z.object({ [name]: z.uuid({ error: 'must be a UUID' }) })
export const idParams = z.object({ id: z.uuid({ error: 'must be a UUID' }) })

/** The largest PostgreSQL integer: a query number above it would fail in the database, so it is a 400 here. */
export const MAX_INT4 = 2_147_483_647

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(MAX_INT4).default(1).describe('1-based page number'),
  perPage: z.coerce.number().int().min(1).max(100).default(20).describe('Items per page, at most 100')
}

export const pageMeta = z.object({
  page: z.number().int(),
  perPage: z.number().int(),
  totalItems: z.number().int(),
  totalPages: z.number().int()
})

export const ifMatchHeaders = z.object({
  'if-match': z
    .string()
    .optional()
    .describe('The ETag you read (e.g. "v3"); the change is refused with 412 if the record changed since')
})

/** What a change that takes If-Match may answer (src/use-cases/concurrency.ts: parseIfMatch, assertVersion). */
export const IF_MATCH_CODES = ['IF_MATCH_INVALID', 'VERSION_MISMATCH'] as const
/** ... and one that requires it (requireIfMatch). */
export const IF_MATCH_REQUIRED_CODES = [...IF_MATCH_CODES, 'IF_MATCH_REQUIRED'] as const

export const isoDateString = z.iso.date({ error: 'must be a date as YYYY-MM-DD' })
