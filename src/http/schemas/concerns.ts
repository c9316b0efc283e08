// The concerns API contract: raising, triage, investigation, outcome, closing and reinstating a suspended award.
import { z } from 'zod'
import { ConcernSeverity, ConcernSource, ConcernState } from '../../domain/workflow/index.js'
import type { ConcernCreate, ConcernListQuery } from '../../use-cases/concerns.js'
import { pageMeta, pageQuery } from './common.js'

export const ConcernSourceSchema = ConcernSource
export const ConcernOutcomeSchema = z.enum(['upheld', 'partly_upheld', 'not_upheld'])

const reason = z.string().trim().min(3).max(2000)

export const concernSchema = z
  .object({
    id: z.uuid(),
    councilId: z.uuid(),
    providerId: z.uuid(),
    source: ConcernSourceSchema,
    state: ConcernState,
    severity: ConcernSeverity.nullable(),
    outcome: ConcernOutcomeSchema.nullable(),
    raisedOn: z.iso.date(),
    closedOn: z.iso.date().nullable(),
    // Staff only (a provider's view leaves these out: see src/use-cases/concerns.ts, "What a provider sees").
    summary: z.string().optional(),
    feedbackResponseId: z.uuid().nullable().optional(),
    suspendedAwardId: z.uuid().nullable().optional(),
    allowedActions: z.array(z.string()).optional().describe('What staff may do next'),
    version: z.number().int()
  })
  .meta({
    id: 'Concern',
    description: 'A complaint or safeguarding matter about a provider (src/domain/README.md: Lifecycles)'
  })

export const concernListSchema = z.object({ items: z.array(concernSchema), meta: pageMeta }).meta({ id: 'ConcernList' })

export const concernListQuery = z.strictObject({
  providerId: z.uuid().optional(),
  state: ConcernState.optional(),
  ...pageQuery
}) satisfies z.ZodType<ConcernListQuery>

export const concernCreateSchema = z
  .strictObject({
    providerId: z.uuid(),
    source: ConcernSourceSchema.exclude(['feedback']).describe('Feedback concerns are opened by a flagged response'),
    summary: z.string().trim().min(3).max(4000)
  })
  .meta({ id: 'ConcernCreate' }) satisfies z.ZodType<ConcernCreate>

export const concernTriageSchema = z.strictObject({
  severity: ConcernSeverity.describe("safeguarding suspends the provider's live award until the concern is closed"),
  reason: reason.optional()
})
export const concernOutcomeSchema = z.strictObject({ outcome: ConcernOutcomeSchema, reason })
export const concernNoteSchema = z.strictObject({ reason: reason.optional() })
export const concernReinstateSchema = z.strictObject({ reason })
