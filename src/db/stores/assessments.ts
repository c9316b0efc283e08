// The store of assessments and their evidence (README: Architecture): the only place that queries assessments,
// evidence, evidence_files and their chunks. Row locks live here; who may touch a record is the use case's check.
import { and, asc, count, desc, eq, getTableColumns, gt, notInArray, or, type SQL } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { assessments, evidence, evidenceFileChunks, evidenceFiles, feedbackResponses } from '../schema/index.js'
import type { AssessmentState } from '../../domain/workflow/index.js'
import { keysetPages, one } from './rows.js'

export type AssessmentRecord = typeof assessments.$inferSelect
export type NewAssessment = typeof assessments.$inferInsert
export type AssessmentPatch = Partial<Omit<AssessmentRecord, 'id' | 'councilId' | 'providerId' | 'version'>>
export type EvidenceRecord = typeof evidence.$inferSelect
export type NewEvidence = typeof evidence.$inferInsert
export type NewEvidenceFile = typeof evidenceFiles.$inferInsert
/** A file's metadata; its content is in evidence_file_chunks. */
export type EvidenceFileMeta = typeof evidenceFiles.$inferSelect
export type EvidenceWithFiles = EvidenceRecord & { files: EvidenceFileMeta[] }

const FINAL_STATES: AssessmentState[] = ['decided', 'withdrawn']

export async function findAssessment (q: Queryable, id: string): Promise<AssessmentRecord | undefined> {
  const [row] = await q.select().from(assessments).where(eq(assessments.id, id))
  return row
}

export async function lockAssessmentRow (q: Queryable, id: string): Promise<AssessmentRecord | undefined> {
  const [row] = await q.select().from(assessments).where(eq(assessments.id, id)).for('update')
  return row
}

export async function insertAssessment (q: Queryable, values: NewAssessment): Promise<AssessmentRecord> {
  return one(await q.insert(assessments).values(values).returning(), 'assessment')
}

/** Writes a patch with the next version. */
export async function updateAssessment (
  q: Queryable,
  before: Pick<AssessmentRecord, 'id' | 'version'>,
  patch: AssessmentPatch,
  now: Date
): Promise<AssessmentRecord> {
  return one(
    await q
      .update(assessments)
      .set({ ...patch, updatedAt: now, version: before.version + 1 })
      .where(eq(assessments.id, before.id))
      .returning(),
    'assessment'
  )
}

/** Sets the award an assessment produced, without a new version (part of issuing it). */
export async function linkAward (q: Queryable, assessmentId: string, awardId: string): Promise<void> {
  await q.update(assessments).set({ awardId }).where(eq(assessments.id, assessmentId))
}

/** The provider's assessment that is neither decided nor withdrawn, if any. */
export async function findOpenAssessment (q: Queryable, providerId: string) {
  const [row] = await q
    .select({ id: assessments.id, state: assessments.state })
    .from(assessments)
    .where(and(eq(assessments.providerId, providerId), notInArray(assessments.state, FINAL_STATES)))
  return row
}

export interface AssessmentFilter {
  councilId: string
  /** every id given must match (a provider's own, and the one asked for) */
  providerIds: string[]
  state?: AssessmentState | undefined
}

const whereOf = (f: AssessmentFilter): SQL | undefined =>
  and(
    eq(assessments.councilId, f.councilId),
    ...f.providerIds.map((id) => eq(assessments.providerId, id)),
    ...(f.state === undefined ? [] : [eq(assessments.state, f.state)])
  )

export async function pageAssessments (q: Queryable, f: AssessmentFilter, limit: number, offset: number) {
  return await q
    .select()
    .from(assessments)
    .where(whereOf(f))
    .orderBy(desc(assessments.createdAt), desc(assessments.id))
    .limit(limit)
    .offset(offset)
}

export async function countAssessments (q: Queryable, f: AssessmentFilter) {
  return await q.select({ n: count() }).from(assessments).where(whereOf(f))
}

// ── Evidence ────────────────────────────────────────────────────────────────────────────────────────────────
export async function listEvidence (q: Queryable, assessmentId: string): Promise<EvidenceRecord[]> {
  return await q.select().from(evidence).where(eq(evidence.assessmentId, assessmentId))
}

/**
 * What keeps an assessment's mark: its own evidence and what the provider has had verified since it was opened,
 * on it or on a later assessment (a renewal's new insurance keeps the current mark too).
 */
export async function listEvidenceKeepingMark (
  q: Queryable,
  a: { id: string; providerId: string; createdAt: Date }
): Promise<EvidenceRecord[]> {
  return await q.select().from(evidence).where(or(
    eq(evidence.assessmentId, a.id),
    and(eq(evidence.providerId, a.providerId), eq(evidence.status, 'verified'), gt(evidence.createdAt, a.createdAt))
  ))
}

/** The assessment's evidence, oldest first, each with its files' metadata. */
export async function listEvidenceWithFiles (q: Queryable, assessmentId: string): Promise<EvidenceWithFiles[]> {
  const [pieces, files] = await Promise.all([
    q
      .select()
      .from(evidence)
      .where(eq(evidence.assessmentId, assessmentId))
      .orderBy(asc(evidence.createdAt), asc(evidence.id)),
    q
      .select(getTableColumns(evidenceFiles))
      .from(evidenceFiles)
      .innerJoin(evidence, eq(evidence.id, evidenceFiles.evidenceId))
      .where(eq(evidence.assessmentId, assessmentId))
      .orderBy(asc(evidenceFiles.createdAt))
  ])
  return pieces.map((p) => ({ ...p, files: files.filter((f) => f.evidenceId === p.id) }))
}

export async function insertEvidence (q: Queryable, values: NewEvidence): Promise<EvidenceRecord> {
  return one(await q.insert(evidence).values(values).returning(), 'evidence')
}

export async function lockEvidence (
  q: Queryable,
  assessmentId: string,
  evidenceId: string
): Promise<EvidenceRecord | undefined> {
  const [row] = await q
    .select()
    .from(evidence)
    .where(and(eq(evidence.id, evidenceId), eq(evidence.assessmentId, assessmentId)))
    .for('update')
  return row
}

export async function updateEvidence (
  q: Queryable,
  before: Pick<EvidenceRecord, 'id' | 'version'>,
  patch: Partial<Pick<EvidenceRecord, 'status' | 'reviewerNote' | 'reviewedBy' | 'reviewedAt'>>,
  now: Date
): Promise<EvidenceRecord> {
  return one(
    await q
      .update(evidence)
      .set({ ...patch, updatedAt: now, version: before.version + 1 })
      .where(eq(evidence.id, before.id))
      .returning(),
    'evidence'
  )
}

export async function insertEvidenceFiles (q: Queryable, files: NewEvidenceFile[]): Promise<EvidenceFileMeta[]> {
  return await q.insert(evidenceFiles).values(files).returning()
}

/** Writes the next pieces of a file's content, numbered on from `seq`, in one statement. */
export async function insertEvidenceFileChunks (
  q: Queryable,
  fileId: string,
  seq: number,
  pieces: readonly Uint8Array[]
): Promise<void> {
  if (pieces.length === 0) return
  await q.insert(evidenceFileChunks).values(pieces.map((content, n) => ({ fileId, seq: seq + n, content })))
}

/** A file's content in order, read a few chunks per query, so it is never held whole in memory. */
export async function * readEvidenceFileContent (q: Queryable, fileId: string, perQuery = 4): AsyncGenerator<Buffer> {
  const chunks = keysetPages(
    async (after: number | null, limit) => await q
      .select({ seq: evidenceFileChunks.seq, content: evidenceFileChunks.content })
      .from(evidenceFileChunks)
      .where(and(eq(evidenceFileChunks.fileId, fileId), gt(evidenceFileChunks.seq, after ?? -1)))
      .orderBy(asc(evidenceFileChunks.seq))
      .limit(limit),
    (c) => c.seq,
    perQuery
  )
  for await (const { content } of chunks) yield Buffer.from(content.buffer, content.byteOffset, content.byteLength)
}

export async function hasEvidenceFile (q: Queryable, evidenceId: string): Promise<boolean> {
  const [file] = await q
    .select({ id: evidenceFiles.id })
    .from(evidenceFiles)
    .where(eq(evidenceFiles.evidenceId, evidenceId))
    .limit(1)
  return file !== undefined
}

/** One file with the owners of its evidence, for the access check. */
export async function findEvidenceFile (q: Queryable, assessmentId: string, evidenceId: string, fileId: string) {
  const [row] = await q
    .select({ file: evidenceFiles, councilId: evidence.councilId, providerId: evidence.providerId })
    .from(evidenceFiles)
    .innerJoin(evidence, eq(evidence.id, evidenceFiles.evidenceId))
    .where(and(eq(evidenceFiles.id, fileId), eq(evidence.id, evidenceId), eq(evidence.assessmentId, assessmentId)))
  return row
}

/** The answers of the feedback responses collected for an assessment (what scoring reads of them). */
export async function listFeedbackAnswers (q: Queryable, assessmentId: string) {
  return await q
    .select({ answers: feedbackResponses.answers })
    .from(feedbackResponses)
    .where(eq(feedbackResponses.assessmentId, assessmentId))
}
