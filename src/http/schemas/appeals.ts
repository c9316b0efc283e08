// The appeals API contract: lodging, the reviewer's hearing and decision, and what the outcome changed.
import { z } from 'zod'
import { AwardLevelSchema } from '../../domain/scheme/enums.js'
import { AppealOutcome, AppealState, AppealSubject } from '../../domain/workflow/index.js'
import {
  APPEAL_GROUNDS_LENGTH,
  APPEAL_NOTE_LENGTH,
  type AppealDecision,
  type AppealListQuery,
  type AppealLodge
} from '../../use-cases/appeals.js'
import { pageMeta, pageQuery } from './common.js'

export const AppealOutcomeSchema = AppealOutcome

export const appealSchema = z
  .object({
    id: z.uuid(),
    councilId: z.uuid(),
    providerId: z.uuid(),
    subjectType: AppealSubject,
    assessmentId: z.uuid().nullable(),
    awardId: z.uuid().nullable(),
    state: AppealState,
    grounds: z.string(),
    reviewerId: z.uuid().nullable(),
    outcome: AppealOutcomeSchema.nullable(),
    outcomeReason: z.string().nullable(),
    lodgedAt: z.date(),
    decidedAt: z.date().nullable(),
    version: z.number().int()
  })
  .meta({
    id: 'Appeal',
    description: "A provider's appeal against a decision, downgrade, suspension or revocation " +
      '(src/domain/README.md: Lifecycles)'
  })

export const appealListSchema = z.object({ items: z.array(appealSchema), meta: pageMeta }).meta({ id: 'AppealList' })
export const appealListQuery = z.strictObject({ state: AppealState.optional(), ...pageQuery }) satisfies
  z.ZodType<AppealListQuery>

export const appealLodgeSchema = z
  .strictObject({
    subjectType: AppealSubject,
    assessmentId: z.uuid().optional().describe('For a decision: the decided assessment'),
    awardId: z.uuid().optional().describe('For a downgrade, suspension or revocation: the award'),
    grounds: z.string().trim().min(APPEAL_GROUNDS_LENGTH.min).max(APPEAL_GROUNDS_LENGTH.max)
  })
  .refine((b) => (b.subjectType === 'decision' ? b.assessmentId !== undefined : b.awardId !== undefined), {
    message: 'a decision appeal names assessmentId; a downgrade, suspension or revocation appeal names awardId',
    path: ['subjectType']
  })
  .meta({ id: 'AppealLodge' }) satisfies z.ZodType<AppealLodge>

export const appealNoteSchema = z.strictObject({
  reason: z.string().trim().min(APPEAL_NOTE_LENGTH.min).max(APPEAL_NOTE_LENGTH.max).optional()
})
export const appealDecisionSchema = z
  .strictObject({
    outcome: AppealOutcomeSchema,
    reason: z.string().trim().min(3).max(8000),
    level: AwardLevelSchema.optional().describe(
      'Decision or downgrade appeals upheld (or partly): issue the award at this level, never above the computed level'
    )
  })
  .meta({ id: 'AppealDecision' }) satisfies z.ZodType<AppealDecision>

export const appealDecidedSchema = z
  .object({
    appeal: appealSchema,
    applied: z.object({
      action: z.enum(['none', 'award_reinstated', 'award_issued', 'reassessment_opened']),
      awardId: z.uuid().nullable(),
      assessmentId: z.uuid().nullable()
    })
  })
  .meta({ id: 'AppealDecided' })
