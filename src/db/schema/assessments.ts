// Assessments (one cycle for one provider) and the evidence submitted against checklist items.
import { sql } from 'drizzle-orm'
import {
  boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, uuid
} from 'drizzle-orm/pg-core'
import { councils, users } from './councils.js'
import { providers } from './providers.js'
import { schemeVersions } from './schemes.js'
import type { StoredEvidenceStatus } from '../../domain/evidence/evidence-rules.js'
import type { ComputedLevel, EvidenceKind } from '../../domain/scheme/enums.js'
import type { ScoringResult } from '../../domain/scoring/index.js'
import type { AssessmentKind, AssessmentOutcome, AssessmentState } from '../../domain/workflow/index.js'
import { createdAt, id, rowVersion, tstz, updatedAt } from './common.js'

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' })

export const assessments = pgTable(
  'assessments',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    kind: text('kind').$type<AssessmentKind>().notNull(),
    // src/domain/workflow assessment states
    state: text('state').$type<AssessmentState>().notNull().default('draft'),
    // pinned at opening: src/domain/README.md "Assessments are pinned to the version they started on"
    schemeVersionId: uuid('scheme_version_id')
      .notNull()
      .references(() => schemeVersions.id),
    openedBy: uuid('opened_by').references(() => users.id),
    // the award this assessment renews, if any
    renewsAwardId: uuid('renews_award_id'),
    computedLevel: text('computed_level').$type<ComputedLevel>(),
    proposedLevel: text('proposed_level').$type<ComputedLevel>(),
    decisionReason: text('decision_reason'),
    // snapshot of the score at proposal, so the provider sees exactly what was decided on
    scoreSnapshot: jsonb('score_snapshot').$type<ScoringResult>(),
    proposedBy: uuid('proposed_by').references(() => users.id),
    proposedAt: tstz('proposed_at'),
    factualAccuracyEndsOn: date('factual_accuracy_ends_on', { mode: 'string' }),
    providerComment: text('provider_comment'),
    // the provider accepted the proposal as factually accurate: it may be published before the window closes
    providerAcceptedAt: tstz('provider_accepted_at'),
    // what the co-ordinator asked for when requesting information, and the provider's answer
    infoRequestNote: text('info_request_note'),
    infoResponseNote: text('info_response_note'),
    outcome: text('outcome').$type<AssessmentOutcome>(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tstz('decided_at'),
    awardId: uuid('award_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion()
  },
  (t) => [
    // the work queue reads a state's oldest first and counts it from this index alone (README: Benchmarks)
    index('assessments_council_idx').on(t.councilId, t.state, t.updatedAt, t.id),
    index('assessments_provider_idx').on(t.providerId)
  ]
)

export const evidence = pgTable(
  'evidence',
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
    itemCode: text('item_code').notNull(),
    kind: text('kind').$type<EvidenceKind>().notNull(),
    status: text('status').$type<StoredEvidenceStatus>().notNull().default('submitted'),
    narrative: text('narrative'),
    issuedOn: date('issued_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    // e.g. a DBS check on the update service (src/domain/README.md: DBS_ENH) never expires
    noExpiry: boolean('no_expiry').notNull().default(false),
    reviewerNote: text('reviewer_note'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: tstz('reviewed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion()
  },
  (t) => [
    index('evidence_assessment_idx').on(t.assessmentId, t.itemCode),
    index('evidence_expiry_idx').on(t.expiresOn),
    // "replaced by a later verified piece for the same item?" (the work queue's expiring evidence, reminders)
    index('evidence_verified_item_idx').on(t.providerId, t.itemCode).where(sql`${t.status} = 'verified'`)
  ]
)

export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidence.id),
    filename: text('filename').notNull(),
    // detected from the content, not the declared type
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt()
  },
  (t) => [index('evidence_files_evidence_idx').on(t.evidenceId)]
)

// A file's content as rows of small pieces in order (src/use-cases/uploads.ts: EVIDENCE_CHUNK_BYTES), so a file is
// written and read a piece at a time, never as one value held whole in memory or rewritten on every append.
export const evidenceFileChunks = pgTable(
  'evidence_file_chunks',
  {
    fileId: uuid('file_id')
      .notNull()
      .references(() => evidenceFiles.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    content: bytea('content').notNull()
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })]
)
