// Evidence against checklist items: declarations, narratives, observations and files; the co-ordinator's review;
// private downloads; and the checklist view and scoring input built from it (src/domain/README.md: Evidence).
import { Readable } from 'node:stream'
import type { Queryable } from '../db/client.js'
import * as store from '../db/stores/assessments.js'
import type { AssessmentRecord, EvidenceRecord } from '../db/stores/assessments.js'
import { findAward } from '../db/stores/awards.js'
import { findProvider, type ProviderRecord } from '../db/stores/providers.js'
import { describeChecklistItem } from '../domain/evidence/checklist-item.js'
import { enqueueNotification } from '../db/stores/notifications.js'
import { DomainError, ERRORS } from '../domain/errors.js'
import {
  checkEvidenceReviewable,
  checkEvidenceSubmission,
  checkEvidenceSubmittable,
  evidenceLifecycle,
  pickItemEvidence,
  type EvidenceReviewEvent,
  type KeepingMark,
  type EvidenceSubmission
} from '../domain/evidence/evidence-rules.js'
import { EVIDENCE_MEDIA_TYPES } from '../domain/evidence/file-types.js'
import { isItemApplicable, type ChecklistItem, type SchemeDocument } from '../domain/scheme/index.js'
import type { EvidenceState } from '../domain/scoring/index.js'
import { assertActorReaches, assertProviderAccess, isStaff, notFound, requireStaff } from './access.js'
import { recordAudit } from './audit.js'
import { assertVersion } from './concurrency.js'
import { actorUserId, type Ctx, type Deps } from './context.js'
import { loadPublishedScheme } from './schemes.js'
import { EVIDENCE_CHUNK_BYTES, refusalOf, type ReceivedFile } from './uploads.js'

export type EvidenceRow = EvidenceRecord

/** Locks an assessment the actor may reach for an evidence change (ordering it against transitions). */
const lockAssessmentFor = async (q: Queryable, ctx: Ctx, id: string): Promise<AssessmentRecord> =>
  assertActorReaches(ctx.actor, await store.lockAssessmentRow(q, id), 'Assessment')

/** The pinned scheme and the provider as it is now: which items apply follows its current offering flags. */
export async function loadAssessmentBasis (
  q: Queryable,
  assessment: Pick<AssessmentRecord, 'councilId' | 'providerId' | 'schemeVersionId'>,
  /** the provider, when the caller has just read it */
  known?: ProviderRecord
) {
  const scheme = await loadPublishedScheme(q, assessment.councilId, assessment.schemeVersionId)
  // assessments.provider_id references providers: the provider is there
  const provider = known?.id === assessment.providerId ? known : await findProvider(q, assessment.providerId)
  if (provider === undefined) throw notFound('Provider')
  return { scheme: scheme.document, schemeNumber: scheme.number, provider }
}

export type AssessmentBasis = Awaited<ReturnType<typeof loadAssessmentBasis>>

/** Every checklist item with whether it applies, the evidence given, its status and the co-ordinator's note. */
export async function describeChecklist (q: Queryable, assessment: AssessmentRecord, basis?: AssessmentBasis) {
  const [{ scheme, provider }, pieces] = await Promise.all([
    basis ?? loadAssessmentBasis(q, assessment),
    store.listEvidenceWithFiles(q, assessment.id)
  ])
  return scheme.checklist.map((item) => {
    const applicable = isItemApplicable(item, provider.flags)
    const given = pieces.filter((p) => p.itemCode === item.code)
    return {
      code: item.code,
      category: item.category,
      title: item.title,
      guidance: item.guidance,
      tier: item.tier,
      limiter: item.limiter,
      evidenceKinds: item.evidenceKinds,
      applicable,
      ...describeChecklistItem(applicable, given),
      evidence: given
    }
  })
}

/** What the scoring engine reads: for each item, the piece that speaks for it. */
export async function collectScoringEvidence (
  q: Queryable,
  assessmentId: string
): Promise<Record<string, EvidenceState>> {
  return scoringEvidenceOf(await store.listEvidence(q, assessmentId))
}

/**
 * What the monitoring jobs read for an assessment behind a live mark: the same, over its evidence and what was
 * verified since on a later assessment of the provider's (src/db/stores/assessments.ts listEvidenceKeepingMark).
 */
export async function collectKeepingEvidence (
  q: Queryable,
  a: { id: string; providerId: string; createdAt: Date }
): Promise<Record<string, EvidenceState>> {
  return scoringEvidenceOf(await store.listEvidenceKeepingMark(q, a))
}

function scoringEvidenceOf (pieces: readonly EvidenceRecord[]): Record<string, EvidenceState> {
  const out: Record<string, EvidenceState> = {}
  for (const code of new Set(pieces.map((p) => p.itemCode))) {
    const e = pickItemEvidence(pieces.filter((p) => p.itemCode === code))
    if (e === undefined) continue
    out[code] = {
      status: e.status,
      verifiedAt: e.status === 'verified' && e.reviewedAt !== null ? e.reviewedAt.toISOString() : null,
      issuedOn: e.issuedOn,
      expiresOn: e.expiresOn,
      noExpiry: e.noExpiry
    }
  }
  return out
}

function findItem (scheme: SchemeDocument, code: string) {
  const item = scheme.checklist.find((i) => i.code === code)
  if (item === undefined) {
    throw new DomainError('ITEM_UNKNOWN', 'invalid', `${code} is not an item of this assessment's scheme`, {
      errors: [{ path: 'itemCode', message: 'unknown item' }]
    })
  }
  return item
}

type EvidenceInput = EvidenceSubmission & { itemCode: string }

/**
 * The mark a decided assessment led to, for keeping it between assessments (src/domain/evidence/evidence-rules.ts);
 * an open assessment needs no award to take evidence, so nothing is read for it.
 */
export async function keepingOf (q: Queryable, assessment: AssessmentRecord): Promise<KeepingMark | undefined> {
  if (assessment.state !== 'decided' || assessment.awardId === null) return undefined
  return { awardState: (await findAward(q, assessment.awardId))?.status ?? null }
}

/** Refuses evidence for the item that the assessment cannot take now; the item is read only behind a mark. */
async function assertSubmittable (q: Queryable, assessment: AssessmentRecord, itemOf: () => Promise<ChecklistItem>) {
  const keeping = await keepingOf(q, assessment)
  const submittable = checkEvidenceSubmittable(assessment.state, keeping && { ...keeping, item: await itemOf() })
  if (!submittable.ok) throw submittable.error
}

/** Checks and writes one piece in the caller's transaction, on an assessment it has locked. */
async function insertEvidenceIn (tx: Queryable, ctx: Ctx, assessment: AssessmentRecord, input: EvidenceInput) {
  const { scheme, provider } = await loadAssessmentBasis(tx, assessment)
  const item = findItem(scheme, input.itemCode)
  await assertSubmittable(tx, assessment, async () => item)
  const checked = checkEvidenceSubmission(item, provider.flags, input, isStaff(ctx.actor))
  if (!checked.ok) throw checked.error
  const row = await store.insertEvidence(tx, {
    councilId: assessment.councilId,
    assessmentId: assessment.id,
    providerId: assessment.providerId,
    itemCode: input.itemCode,
    kind: input.kind,
    status: 'submitted',
    narrative: input.narrative ?? null,
    issuedOn: input.issuedOn ?? null,
    expiresOn: checked.value.expiresOn,
    noExpiry: checked.value.noExpiry,
    submittedBy: actorUserId(ctx.actor),
    createdAt: ctx.now,
    updatedAt: ctx.now
  })
  await recordAudit(tx, ctx, {
    councilId: assessment.councilId,
    entityType: 'evidence',
    entityId: row.id,
    action: 'submit',
    toState: 'submitted',
    after: { assessmentId: assessment.id, itemCode: input.itemCode, kind: input.kind }
  })
  return row
}

export async function addEvidence (deps: Deps, ctx: Ctx, assessmentId: string, input: EvidenceInput) {
  return await deps.db.transaction(async (tx) => {
    // The assessment row lock orders this against transitions: no evidence slips in after the review closes.
    const assessment = await lockAssessmentFor(tx, ctx, assessmentId)
    return { ...(await insertEvidenceIn(tx, ctx, assessment, input)), files: [] }
  })
}

export type { ReceivedFile as UploadedFile } from './uploads.js'

type UploadRefusal = 'UPLOAD_TOO_LARGE' | 'MULTIPART_REQUIRED' | 'FILE_TYPE_NOT_ALLOWED'

/** An upload refused for its size (413) or type (415): registered codes of the too_large and media type kinds. */
export class UploadRefused extends DomainError<UploadRefusal> {
  constructor (
    readonly statusCode: 413 | 415,
    code: UploadRefusal,
    message: string
  ) {
    super(code, ERRORS[code].kind, message)
  }
}

/** The type is what the content shows (magic bytes), never what the client declared. */
function assertStorable (files: readonly ReceivedFile[], limit: number): void {
  let total = 0
  for (const f of files) {
    total += f.sizeBytes
    if (refusalOf(f) === 'too_large' || total > limit) {
      throw new UploadRefused(413, 'UPLOAD_TOO_LARGE', `The files together exceed ${limit} bytes`)
    }
    if (refusalOf(f) === 'type_not_allowed') {
      throw new UploadRefused(
        415,
        'FILE_TYPE_NOT_ALLOWED',
        `${f.filename} is ${f.detectedType ?? 'of an unrecognised type'}; ` +
          `evidence files may be ${EVIDENCE_MEDIA_TYPES.join(', ')}`
      )
    }
  }
  if (files.length === 0) {
    throw new DomainError('FILE_REQUIRED', 'invalid', 'Send at least one file', {
      errors: [{ path: 'file', message: 'required' }]
    })
  }
}

// Chunks written per statement: a few round trips fewer, and still only a small buffer held at a time.
const CHUNKS_PER_STATEMENT = 4

/** Copies a received file into the database, a few chunks per statement, in order. */
async function storeContent (tx: Queryable, fileId: string, f: ReceivedFile) {
  let seq = 0
  let batch: Uint8Array[] = []
  for await (const chunk of f.chunks()) {
    batch.push(chunk)
    if (batch.length === CHUNKS_PER_STATEMENT) {
      await store.insertEvidenceFileChunks(tx, fileId, seq, batch)
      seq += batch.length
      batch = []
    }
  }
  await store.insertEvidenceFileChunks(tx, fileId, seq, batch)
}

/** Writes files to a document or photos piece still awaiting review, a chunk at a time, with one audit event. */
async function storeFilesIn (tx: Queryable, ctx: Ctx, assessment: AssessmentRecord, piece: EvidenceRecord,
  files: readonly ReceivedFile[]) {
  if (piece.kind !== 'document' && piece.kind !== 'photos') {
    throw new DomainError(
      'EVIDENCE_TAKES_NO_FILES',
      'conflict',
      `A ${piece.kind} carries no files; give a document or photos`
    )
  }
  if (piece.status !== 'submitted') {
    throw new DomainError(
      'EVIDENCE_ALREADY_REVIEWED',
      'conflict',
      `This evidence is ${piece.status}; submit a new piece instead`
    )
  }
  const rows = []
  for (const f of files) {
    const [row] = await store.insertEvidenceFiles(tx, [{
      councilId: assessment.councilId,
      evidenceId: piece.id,
      filename: f.filename,
      // assertStorable has checked it is an allowed type
      mediaType: f.detectedType ?? '',
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
      createdAt: ctx.now
    }])
    if (row === undefined) throw new Error('the file row was not written')
    await storeContent(tx, row.id, f)
    rows.push(row)
  }
  await recordAudit(tx, ctx, {
    councilId: assessment.councilId,
    entityType: 'evidence',
    entityId: piece.id,
    action: 'attach_files',
    after: rows.map((r) => ({
      id: r.id,
      filename: r.filename,
      mediaType: r.mediaType,
      sizeBytes: r.sizeBytes,
      sha256: r.sha256
    }))
  })
  return rows
}

/** Attaches files to a document or photos piece still awaiting review; anything refused stores nothing. */
export async function attachEvidenceFiles (
  deps: Deps,
  ctx: Ctx,
  assessmentId: string,
  evidenceId: string,
  files: ReceivedFile[]
) {
  assertStorable(files, deps.config.UPLOAD_LIMIT_BYTES)
  return await deps.db.transaction(async (tx) => {
    const assessment = await lockAssessmentFor(tx, ctx, assessmentId)
    const piece = await store.lockEvidence(tx, assessmentId, evidenceId)
    if (piece === undefined) throw notFound('Evidence')
    await assertSubmittable(tx, assessment, async () =>
      findItem((await loadAssessmentBasis(tx, assessment)).scheme, piece.itemCode))
    return await storeFilesIn(tx, ctx, assessment, piece, files)
  })
}

/** A document or photos piece and its files in one transaction: a refused file leaves no piece without files. */
export async function submitEvidenceWithFiles (
  deps: Deps,
  ctx: Ctx,
  assessmentId: string,
  input: EvidenceInput,
  files: ReceivedFile[]
) {
  assertStorable(files, deps.config.UPLOAD_LIMIT_BYTES)
  return await deps.db.transaction(async (tx) => {
    const assessment = await lockAssessmentFor(tx, ctx, assessmentId)
    const piece = await insertEvidenceIn(tx, ctx, assessment, input)
    return { ...piece, files: await storeFilesIn(tx, ctx, assessment, piece, files) }
  })
}

/** A co-ordinator verifies, rejects or queries one piece; the note is what the provider sees on the item. */
export async function reviewEvidence (
  deps: Deps,
  ctx: Ctx,
  assessmentId: string,
  evidenceId: string,
  event: EvidenceReviewEvent,
  note: string | null,
  expectedVersion?: number
) {
  requireStaff(ctx.actor)
  return await deps.db.transaction(async (tx) => {
    const assessment = await lockAssessmentFor(tx, ctx, assessmentId)
    const reviewable = checkEvidenceReviewable(assessment.state, await keepingOf(tx, assessment))
    if (!reviewable.ok) throw reviewable.error
    const before = await store.lockEvidence(tx, assessmentId, evidenceId)
    if (before === undefined) throw notFound('Evidence')
    assertVersion(before.version, expectedVersion, 'The evidence')
    const next = evidenceLifecycle.transition(before.status, event)
    if (!next.ok) throw next.error
    if (event === 'verify' && (before.kind === 'document' || before.kind === 'photos')) {
      if (!(await store.hasEvidenceFile(tx, evidenceId))) {
        throw new DomainError('EVIDENCE_HAS_NO_FILES', 'conflict', `This ${before.kind} has no file to verify`)
      }
    }
    const after = await store.updateEvidence(
      tx,
      before,
      { status: next.value, reviewerNote: note, reviewedBy: actorUserId(ctx.actor), reviewedAt: ctx.now },
      ctx.now
    )
    await recordAudit(tx, ctx, {
      councilId: assessment.councilId,
      entityType: 'evidence',
      entityId: evidenceId,
      action: event,
      fromState: before.status,
      toState: next.value,
      reason: note
    })
    if (event !== 'verify') {
      // A rejected or queried item needs the provider's action: tell them which item and what was said.
      await enqueueNotification(tx, {
        councilId: assessment.councilId,
        kind: 'information_requested',
        dedupeKey: `evidence-${event}:${evidenceId}:v${before.version + 1}`,
        recipientProviderId: assessment.providerId,
        payload: {
          providerId: assessment.providerId,
          assessmentId,
          itemCode: before.itemCode,
          note: note ?? undefined
        },
        now: ctx.now
      })
    }
    return after
  })
}

/**
 * A file's content as a stream, read a few chunks per query as it is consumed and holding about one chunk ahead;
 * a file erased meanwhile ends the stream with an error rather than short of its recorded size.
 */
export function readEvidenceFile (deps: Deps, file: Pick<store.EvidenceFileMeta, 'id' | 'sizeBytes'>): Readable {
  async function * content () {
    let sent = 0
    for await (const chunk of store.readEvidenceFileContent(deps.db, file.id)) {
      sent += chunk.length
      yield chunk
    }
    if (sent !== file.sizeBytes) throw new Error(`file ${file.id}: ${sent} of ${file.sizeBytes} bytes found`)
  }
  return Readable.from(content(), { objectMode: false, highWaterMark: EVIDENCE_CHUNK_BYTES })
}

/**
 * Only the provider and its council's co-ordinators reach a file; to anyone else it does not exist. Its content is
 * read as the reply is sent (readEvidenceFile).
 */
export async function getEvidenceFile (deps: Deps, ctx: Ctx, assessmentId: string, evidenceId: string, fileId: string) {
  const row = await store.findEvidenceFile(deps.db, assessmentId, evidenceId, fileId)
  const file = assertProviderAccess(ctx.actor, row, 'File').file
  return { ...file, content: () => readEvidenceFile(deps, file) }
}
