// Feedback invitations (single-use links) and anonymous responses from people who use services.
import { boolean, date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { councils, users } from './councils.js'
import { providers } from './providers.js'
import { assessments } from './assessments.js'
import { createdAt, id, tstz } from './common.js'
import type { NormalisedAnswers } from '../../domain/feedback/instrument.js'
import type { SizeBand } from '../../domain/providers.js'
import type { CommentStatus, FeedbackMode, RespondentType } from '../../domain/scheme/enums.js'

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
    respondentType: text('respondent_type').$type<RespondentType>().notNull(),
    mode: text('mode').$type<FeedbackMode>().notNull(),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    revokedAt: tstz('revoked_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt()
  },
  (t) => [index('feedback_invitations_assessment_idx').on(t.assessmentId)]
)

// What one person answered, as held (feedbackHeld) and as released (feedbackResponses).
// Privacy (src/domain/README.md): no name, contact details, IP address or user agent is ever stored here.
const answerColumns = () => ({
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
  respondentType: text('respondent_type').$type<RespondentType>().notNull(),
  mode: text('mode').$type<FeedbackMode>().notNull(),
  instrumentVersion: integer('instrument_version').notNull(),
  // the provider's size band when the answers were received, so reports do not move when it grows or the council moves
  // its micro bound (README: Reports); copied from the held row on release
  sizeBand: text('size_band').$type<SizeBand>().notNull(),
  // normalised answers: item code → answer score (0–3) or 'yes' | 'no'
  answers: jsonb('answers').$type<NormalisedAnswers>().notNull(),
  comment: text('comment')
})

export const feedbackResponses = pgTable(
  'feedback_responses',
  {
    ...answerColumns(),
    // Left null for link responses: linking a response to its invitation would let whoever handed out
    // the links read a named person's answers. Single use is enforced on the invitation row instead.
    invitationId: uuid('invitation_id').unique(),
    commentStatus: text('comment_status').$type<CommentStatus>(),
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

// Answers sent through a link wait here until FEEDBACK_RELEASE_BATCH (at least 3) have arrived for the assessment,
// then move to feedback_responses together, in random order, with new ids and the release's day (README: Security
// and privacy, feedback). No date, no invitation, nothing that orders them.
export const feedbackHeld = pgTable('feedback_held', answerColumns(), (t) => [
  index('feedback_held_assessment_idx').on(t.assessmentId)
])

// A link spent but whose answers are not yet held: SHA-256 of "spend:" + the link's token, which only the
// respondent holds, so the row names no invitation. It lets the same link send its answers again after a failure
// between the two steps (no answer lost), and only once (the row is deleted when the answers are held).
export const feedbackSpends = pgTable('feedback_spends', {
  keyHash: text('key_hash').primaryKey()
})
