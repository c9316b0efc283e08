// Awards (the published mark), concerns raised about providers, and appeals against decisions.
import { date, index, integer, jsonb, pgTable, real, text, uuid, boolean } from 'drizzle-orm/pg-core'
import { councils, users } from './councils.js'
import { providers } from './providers.js'
import { assessments } from './assessments.js'
import type { ConcernOutcome } from '../../domain/scheme/enums.js'
import type {
  AppealOutcome,
  AppealState,
  AppealSubject,
  AwardState,
  ConcernSeverity,
  ConcernSource,
  ConcernState
} from '../../domain/workflow/index.js'
import { createdAt, id, rowVersion, tstz, updatedAt } from './common.js'

export const awards = pgTable(
  'awards',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id)
      .unique(),
    level: text('level', { enum: ['gold', 'silver', 'bronze'] }).notNull(),
    // src/domain/workflow award states
    status: text('status').$type<AwardState>().notNull().default('active'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    // never public (src/domain/README.md: Publication)
    statusReason: text('status_reason'),
    // feedback sample below the level's n_min: shown as such in the directory
    smallSample: boolean('small_sample').notNull().default(false),
    feedbackN: integer('feedback_n').notNull().default(0),
    feedbackQ: real('feedback_q'),
    feedbackG: real('feedback_g'),
    decidedBy: uuid('decided_by').references(() => users.id),
    publishedAt: tstz('published_at').notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion()
  },
  (t) => [
    index('awards_council_status_idx').on(t.councilId, t.status),
    index('awards_provider_idx').on(t.providerId),
    index('awards_updated_idx').on(t.councilId, t.updatedAt),
    index('awards_valid_to_idx').on(t.validTo)
  ]
)

export const concerns = pgTable(
  'concerns',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    source: text('source').$type<ConcernSource>().notNull(),
    summary: text('summary').notNull(),
    state: text('state').$type<ConcernState>().notNull().default('received'),
    severity: text('severity').$type<ConcernSeverity>(),
    outcome: text('outcome').$type<ConcernOutcome>(),
    // a feedback response that opened this concern through its safeguarding flag
    feedbackResponseId: uuid('feedback_response_id'),
    // the award this concern suspended, so closing it can offer reinstatement
    suspendedAwardId: uuid('suspended_award_id'),
    raisedOn: date('raised_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion()
  },
  (t) => [index('concerns_provider_idx').on(t.providerId, t.state)]
)

export const appeals = pgTable(
  'appeals',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    subjectType: text('subject_type').$type<AppealSubject>().notNull(),
    assessmentId: uuid('assessment_id').references(() => assessments.id),
    awardId: uuid('award_id').references(() => awards.id),
    state: text('state').$type<AppealState>().notNull().default('lodged'),
    grounds: text('grounds').notNull(),
    // who made the decision appealed against: a reviewer among them may not hear it
    decisionMakerIds: jsonb('decision_maker_ids').$type<string[]>().notNull(),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    outcome: text('outcome').$type<AppealOutcome>(),
    outcomeReason: text('outcome_reason'),
    lodgedBy: uuid('lodged_by').references(() => users.id),
    lodgedAt: tstz('lodged_at').notNull().defaultNow(),
    decidedAt: tstz('decided_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion()
  },
  (t) => [index('appeals_council_idx').on(t.councilId, t.state)]
)
