// Feedback invitations (single-use links) and anonymous responses from people who use services.
import { boolean, date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { councils, users } from './councils.js'
import { providers } from './providers.js'
import { assessments } from './assessments.js'
import { createdAt, id, tstz } from './common.js'

export const feedbackInvitations = pgTable(
  'feedback_invitations',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    // SHA-256 of the single-use token; the token is only in the link handed out once
    tokenHash: text('token_hash').notNull().unique(),
    respondentType: text('respondent_type').notNull(),
    mode: text('mode').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    revokedAt: tstz('revoked_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt()
  },
  (t) => [index('feedback_invitations_assessment_idx').on(t.assessmentId)]
)

// Privacy (src/domain/README.md): no name, contact details, IP address or user agent is ever stored here.
export const feedbackResponses = pgTable(
  'feedback_responses',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    // Left null for link responses: linking a response to its invitation would let whoever handed out
    // the links read a named person's answers. Single use is enforced on the invitation row instead.
    invitationId: uuid('invitation_id').unique(),
    respondentType: text('respondent_type').notNull(),
    mode: text('mode').notNull(),
    instrumentVersion: integer('instrument_version').notNull(),
    // normalised answers: item code → answer score (0–3) or 'yes' | 'no'
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    comment: text('comment'),
    // pending | approved | hidden | erased
    commentStatus: text('comment_status'),
    safeguardingFlag: boolean('safeguarding_flag').notNull().default(false),
    // the day only: a timestamp could tie a response to a visit
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    enteredBy: uuid('entered_by').references(() => users.id)
  },
  (t) => [
    index('feedback_responses_assessment_idx').on(t.assessmentId),
    index('feedback_responses_provider_idx').on(t.providerId)
  ]
)
