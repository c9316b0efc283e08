// The API contract of awards and their lifecycle actions (README: Assessments, evidence, decisions and awards).
import { z } from 'zod'
import { AwardLevelSchema } from '../../domain/scheme/enums.js'
import { AwardState, SuspensionReason } from '../../domain/workflow/index.js'
import { pageMeta, pageQuery } from './common.js'

export const awardSchema = z
  .object({
    id: z.uuid(),
    councilId: z.uuid(),
    providerId: z.uuid(),
    assessmentId: z.uuid(),
    level: AwardLevelSchema,
    status: AwardState,
    validFrom: z.string(),
    validTo: z.string().describe('The last day the award is valid'),
    statusReason: z.string().nullable().describe('Why it is suspended, revoked or withdrawn; never published'),
    smallSample: z.boolean(),
    feedbackN: z.number().int(),
    feedbackQ: z.number().nullable(),
    feedbackG: z.number().nullable(),
    publishedAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int()
  })
  .meta({ id: 'Award' })

export const awardListQuery = z.strictObject({
  ...pageQuery,
  status: AwardState.optional(),
  level: AwardLevelSchema.optional(),
  providerId: z.uuid().optional()
})

export const awardListSchema = z.object({ items: z.array(awardSchema), meta: pageMeta }).meta({ id: 'AwardList' })

const detail = z.string().trim().min(3).max(2000)

export const suspendSchema = z
  .strictObject({
    reason: SuspensionReason,
    note: detail.optional().describe('What happened, for the record')
  })
  .meta({ id: 'AwardSuspension' })

export const awardActionSchema = z.strictObject({ reason: detail }).meta({ id: 'AwardAction' })
