// The API contract of assessments, evidence and decisions (README: Assessments, evidence, decisions and awards),
// separate from the drizzle tables.
import { z } from 'zod'
import { EvidenceReviewEvent } from '../../domain/evidence/evidence-rules.js'
import { ComputedLevelSchema, EvidenceKindSchema, TierSchema } from '../../domain/scheme/enums.js'
import { AssessmentEvent, AssessmentKind, AssessmentOutcome, AssessmentState } from '../../domain/workflow/index.js'
import { isoDateString, pageMeta, pageQuery } from './common.js'

const note = z.string().trim().min(1).max(4000)

export const assessmentSchema = z
  .object({
    id: z.uuid(),
    councilId: z.uuid(),
    providerId: z.uuid(),
    kind: AssessmentKind,
    state: AssessmentState,
    schemeVersionId: z.uuid().describe('The published scheme version the assessment is pinned to'),
    renewsAwardId: z.uuid().nullable().describe('The live award a renewal, upgrade or reassessment would replace'),
    infoRequestNote: z.string().nullable().describe('What the co-ordinator last asked for'),
    infoResponseNote: z.string().nullable(),
    computedLevel: ComputedLevelSchema.nullable(),
    proposedLevel: ComputedLevelSchema.nullable(),
    decisionReason: z.string().nullable().describe('Why the proposed level is below the computed one'),
    proposedAt: z.date().nullable(),
    factualAccuracyEndsOn: z
      .string()
      .nullable()
      .describe('The day the comment window closes and the decision may be published'),
    providerComment: z.string().nullable(),
    providerAcceptedAt: z.date().nullable(),
    outcome: AssessmentOutcome.nullable(),
    decidedAt: z.date().nullable(),
    awardId: z.uuid().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int()
  })
  .meta({ id: 'Assessment' })

export const evidenceFileSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    mediaType: z.string().describe('Detected from the content, not the declared type'),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    createdAt: z.date()
  })
  .meta({ id: 'EvidenceFile' })

export const evidenceSchema = z
  .object({
    id: z.uuid(),
    assessmentId: z.uuid(),
    itemCode: z.string(),
    kind: EvidenceKindSchema,
    status: z.enum(['submitted', 'verified', 'rejected', 'info_requested']),
    narrative: z.string().nullable(),
    issuedOn: z.string().nullable(),
    expiresOn: z.string().nullable().describe("Last valid day: as given, or the issue date plus the item's validity"),
    noExpiry: z.boolean(),
    reviewerNote: z.string().nullable(),
    reviewedAt: z.date().nullable(),
    createdAt: z.date(),
    version: z.number().int(),
    files: z.array(evidenceFileSchema).optional()
  })
  .meta({ id: 'Evidence' })

export const checklistItemSchema = z
  .object({
    code: z.string(),
    category: z.string(),
    title: z.string(),
    guidance: z.string(),
    tier: TierSchema,
    limiter: z.boolean(),
    evidenceKinds: z.array(EvidenceKindSchema),
    applicable: z.boolean(),
    status: z.enum(['not_applicable', 'missing', 'submitted', 'verified', 'rejected', 'info_requested']),
    note: z.string().nullable().describe("The co-ordinator's note on the evidence that counts for the item"),
    expiresOn: z.string().nullable(),
    evidence: z.array(evidenceSchema)
  })
  .meta({ id: 'ChecklistItem' })

export const assessmentDetailSchema = assessmentSchema
  .extend({
    allowedActions: z.array(AssessmentEvent).describe('What may happen next, by someone'),
    checklist: z.array(checklistItemSchema)
  })
  .meta({ id: 'AssessmentDetail' })

export const assessmentListSchema = z
  .object({ items: z.array(assessmentSchema), meta: pageMeta })
  .meta({ id: 'AssessmentList' })

export const assessmentListQuery = z.strictObject({
  ...pageQuery,
  state: AssessmentState.optional(),
  providerId: z.uuid().optional()
})

export const assessmentOpenSchema = z
  .strictObject({
    providerId: z.uuid().optional().describe('Required for co-ordinators; a provider opens its own'),
    kind: AssessmentKind.default('initial')
  })
  .meta({ id: 'AssessmentOpen' })

export const optionalNoteBody = z.strictObject({ note: note.optional() }).default({})
export const noteBody = z.strictObject({ note })
export const reasonBody = z.strictObject({ reason: note })

export const proposeDecisionSchema = z
  .strictObject({
    level: ComputedLevelSchema.describe('The computed level or a lower one; never higher'),
    reason: note.optional().describe('Required when the level is below the computed one')
  })
  .meta({ id: 'DecisionProposal' })

export const commentSchema = z.strictObject({ comment: z.string().trim().min(1).max(5000) })

export const evidenceCreateSchema = z
  .strictObject({
    itemCode: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be a checklist item code'),
    kind: EvidenceKindSchema,
    narrative: z
      .string()
      .trim()
      .min(1)
      .max(10_000)
      .optional()
      .describe('The declaration, narrative or observation text'),
    issuedOn: isoDateString.optional(),
    expiresOn: isoDateString.optional().describe("When omitted, computed from issuedOn and the item's validity"),
    noExpiry: z.boolean().optional().describe('Only for items with an expiry waiver, e.g. DBS on the update service')
  })
  .meta({ id: 'EvidenceCreate' })

export const evidenceReviewBody = (event: EvidenceReviewEvent) => (event === 'verify' ? optionalNoteBody : noteBody)

const reasonSchema = z.object({
  level: z.enum(['bronze', 'silver', 'gold']),
  code: z.string(),
  message: z.string(),
  item: z.string().optional(),
  items: z.array(z.string()).optional(),
  actual: z.union([z.number(), z.string()]).nullable().optional(),
  required: z.union([z.number(), z.string()]).optional()
})

export const scoreSchema = z
  .object({
    decisionDate: z.string(),
    computedLevel: ComputedLevelSchema,
    levelBeforeLimiters: ComputedLevelSchema,
    complianceLevel: ComputedLevelSchema,
    compliancePercent: z.number(),
    categories: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        applicable: z.number(),
        met: z.number(),
        applicableWeight: z.number(),
        metWeight: z.number()
      })
    ),
    itemResults: z.array(
      z.object({
        code: z.string(),
        category: z.string(),
        tier: TierSchema,
        weight: z.number(),
        limiter: z.boolean(),
        applicable: z.boolean(),
        met: z.boolean(),
        reasonCode: z.string(),
        reason: z.string(),
        expiresOn: z.string().nullable()
      })
    ),
    feedback: z.object({
      responses: z.number(),
      n: z.number(),
      q: z.number().nullable(),
      g: z.number().nullable(),
      meanSafe: z.number().nullable(),
      meanDignity: z.number().nullable(),
      itemMeans: z.record(z.string(), z.number().nullable()),
      nMin: z.object({ bronze: z.number(), silver: z.number(), gold: z.number() }),
      feedbackLevel: ComputedLevelSchema,
      smallSample: z.boolean()
    }),
    limitersApplied: z.array(z.object({ code: z.string(), cap: z.string(), message: z.string() })),
    reasons: z.array(reasonSchema).describe('For each level above the computed one, what stands in its way')
  })
  .meta({ id: 'Score' })

export const decisionSchema = z
  .object({
    assessmentId: z.uuid(),
    state: AssessmentState,
    computedLevel: ComputedLevelSchema.nullable(),
    proposedLevel: ComputedLevelSchema.nullable(),
    decisionReason: z.string().nullable(),
    proposedAt: z.date().nullable(),
    factualAccuracyEndsOn: z.string().nullable(),
    providerComment: z.string().nullable(),
    providerAcceptedAt: z.date().nullable(),
    outcome: AssessmentOutcome.nullable(),
    decidedAt: z.date().nullable(),
    awardId: z.uuid().nullable(),
    score: scoreSchema.nullable().describe('The score the proposal rests on, with its reasons')
  })
  .meta({ id: 'Decision' })
