// The feedback API contract: invitations (links shown once), interview entry, moderation and anonymous aggregates.
import { z } from 'zod'
import { CommentStatusSchema, FeedbackModeSchema, RespondentTypeSchema } from '../../domain/scheme/index.js'
import { isoDateString } from './common.js'

export const invitationsCreateSchema = z
  .strictObject({
    count: z.number().int().min(1).max(200).describe('How many single-use links to make'),
    respondentType: RespondentTypeSchema,
    mode: z.enum(['self', 'easy_read']).default('self').describe('Which version of the web form the link opens first'),
    expiresInDays: z.number().int().min(1).max(180).default(28)
  })
  .meta({ id: 'FeedbackInvitationsCreate' })

const invitationStatusSchema = z.enum(['unused', 'used', 'expired', 'revoked'])

export const invitationSchema = z
  .object({
    id: z.uuid(),
    assessmentId: z.uuid(),
    respondentType: RespondentTypeSchema,
    mode: FeedbackModeSchema,
    status: invitationStatusSchema,
    expiresAt: z.string(),
    usedOn: z.string().nullable().describe('The day only: a time could tie the response to a visit'),
    revokedAt: z.string().nullable(),
    createdAt: z.string()
  })
  .meta({ id: 'FeedbackInvitation', description: 'An invitation; its token is never shown again' })

export const createdInvitationsSchema = z
  .object({
    items: z.array(
      invitationSchema.extend({
        link: z.url().describe('The single-use link: shown in this answer only, stored only as a hash')
      })
    )
  })
  .meta({ id: 'FeedbackInvitationsCreated' })

export const invitationListSchema = z
  .object({
    items: z.array(invitationSchema),
    counts: z.record(invitationStatusSchema, z.number().int())
  })
  .meta({ id: 'FeedbackInvitationList' })

export const interviewResponseCreateSchema = z
  .strictObject({
    respondentType: RespondentTypeSchema,
    mode: z.enum(['interview', 'assisted', 'easy_read']),
    answers: z
      .record(z.string().max(64), z.string().max(10_000))
      .describe(
        'Question code → answer value (e.g. {"SAFE": "as_safe_as_i_want"}); COMMENT is free text, held for moderation'
      ),
    safeguarding: z
      .boolean()
      .default(false)
      .describe("The person wants to tell someone about a worry for their or someone else's safety: opens a concern"),
    receivedOn: isoDateString.optional().describe('The day of the interview; today when absent')
  })
  .meta({ id: 'FeedbackInterviewCreate' })

const commentStatusSchema = CommentStatusSchema

export const responseSchema = z
  .object({
    id: z.uuid(),
    assessmentId: z.uuid(),
    providerId: z.uuid(),
    respondentType: RespondentTypeSchema,
    mode: FeedbackModeSchema,
    instrumentVersion: z.number().int(),
    answers: z.record(z.string(), z.string()),
    comment: z.string().nullable(),
    commentStatus: commentStatusSchema.nullable(),
    safeguardingFlag: z.boolean(),
    receivedOn: z.string(),
    enteredByCoordinator: z.boolean()
  })
  .meta({ id: 'FeedbackResponse', description: 'One anonymous response: for co-ordinators only' })

export const responseListSchema = z
  .object({
    items: z.array(responseSchema),
    waiting: z
      .number()
      .int()
      .describe('Link answers held until FEEDBACK_RELEASE_BATCH (at least 3) have arrived; then listed')
  })
  .meta({ id: 'FeedbackResponseList' })
export const responseListQuery = z.object({ commentStatus: commentStatusSchema.optional() })

export const moderationSchema = z
  .strictObject({
    status: z.enum(['approved', 'hidden']),
    reason: z.string().trim().min(1).max(1000).optional()
  })
  .meta({ id: 'FeedbackCommentModeration' })

export const safeguardingFlagSchema = z
  .strictObject({
    summary: z.string().trim().min(3).max(2000).describe('What the concern is about, for the people who handle it')
  })
  .meta({ id: 'FeedbackSafeguardingFlag' })

export const safeguardingFlagResultSchema = z.object({ response: responseSchema, concernId: z.uuid() })

const itemAggregateSchema = z.object({
  code: z.string(),
  kind: z.enum(['scale', 'text']),
  answered: z.number().int(),
  counts: z.array(z.object({ value: z.string(), score: z.number().nullable(), count: z.number().int() })),
  mean: z.number().nullable()
})

export const aggregateSchema = z
  .object({
    scope: z.enum(['assessment', 'provider']),
    assessmentId: z.uuid().nullable(),
    providerId: z.uuid(),
    instrumentVersion: z.number().int().nullable(),
    smallGroup: z.boolean().describe('Fewer than 3 responses: hidden from everyone but co-ordinators'),
    hidden: z.boolean(),
    hiddenReason: z.string().nullable(),
    responses: z.number().int().nullable(),
    n: z.number().int().nullable().describe('Responses counted for Q (at least the minimum of scored answers)'),
    q: z.number().nullable(),
    g: z.number().nullable(),
    items: z.array(itemAggregateSchema),
    comments: z.array(z.string()).describe('Approved comments, only when at least 3 responses')
  })
  .meta({ id: 'FeedbackAggregate' })
