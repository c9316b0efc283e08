// Use cases of scheme versions (src/domain/README.md: "Scheme version — an immutable, published document"): the default
// scheme installed as published v1 for every new council, one draft at a time, edit with If-Match, validate, publish,
// diff.
import { LRUCache } from 'lru-cache'
import { inTransaction, type Queryable } from '../db/client.js'
import { lockCouncil } from '../db/stores/councils.js'
import * as store from '../db/stores/schemes.js'
import type { SchemeVersionRow, SchemeVersionStatus } from '../db/stores/schemes.js'
import { deepFreeze } from '../domain/deep-freeze.js'
import { DomainError, type FieldProblem } from '../domain/errors.js'
import {
  createDefaultSchemeDocument,
  diffSchemeDocuments,
  validateSchemeDocument,
  type SchemeDocument
} from '../domain/scheme/index.js'
import { isStaff, notFound, requireStaff } from './access.js'
import { recordAudit } from './audit.js'
import { assertVersion } from './concurrency.js'
import { propertyOf } from '../thrown.js'
import { actorUserId, type Actor, type Ctx, type Deps } from './context.js'

export type { SchemeVersionRow, SchemeVersionStatus }
export type SchemeVersionRecord = SchemeVersionRow & { title: string }

const ENTITY = 'scheme_version'
const asRecord = (row: SchemeVersionRow): SchemeVersionRecord => ({ ...row, title: row.document.title })

/**
 * Fields of `input` that parsing dropped: the domain schema strips unknown keys, the API refuses them (strict
 * bodies: unknown fields are a validation error).
 */
function listUnknownFields (input: unknown, parsed: unknown, path: string[]): FieldProblem[] {
  if (typeof input !== 'object' || input === null || typeof parsed !== 'object' || parsed === null) return []
  return Object.entries(input).flatMap(([key, value]) =>
    key in parsed
      ? listUnknownFields(value, propertyOf(parsed, key), [...path, key])
      : [{ path: [...path, key].join('.'), message: `unknown field ${key}` }]
  )
}

/**
 * The document or a 422 problem listing every problem, with paths under `body` (README: Scheme versions and scoring:
 * "listing every problem").
 */
export function requireValidSchemeDocument (input: unknown): SchemeDocument {
  const checked = validateSchemeDocument(input)
  const problems = checked.ok
    ? listUnknownFields(input, checked.value, ['body'])
    : (checked.error.errors ?? []).map((p) => ({
        path: ['body', ...p.path.split('/').filter(Boolean)].join('.'),
        message: p.message
      }))
  if (problems.length === 0 && checked.ok) return checked.value
  throw new DomainError(
    'SCHEME_DOCUMENT_INVALID',
    'invalid',
    `The scheme document has ${problems.length} problem(s): ${problems.map((p) => p.path).join(', ')}`,
    { errors: problems }
  )
}

/**
 * src/domain/README.md: every new council gets the default scheme (version 1) published, so assessments can start at
 * once.
 */
export async function installDefaultScheme (q: Queryable, ctx: Ctx, councilId: string): Promise<SchemeVersionRecord> {
  const row = await store.insertSchemeVersion(q, {
    councilId,
    number: 1,
    status: 'published',
    document: createDefaultSchemeDocument(),
    createdBy: actorUserId(ctx.actor),
    publishedAt: ctx.now,
    publishedBy: actorUserId(ctx.actor),
    createdAt: ctx.now,
    updatedAt: ctx.now
  })
  await recordAudit(q, ctx, {
    councilId,
    entityType: ENTITY,
    entityId: row.id,
    action: 'install_default',
    toState: 'published',
    after: { number: 1 }
  })
  return asRecord(row)
}

/**
 * Providers read their council's published versions (the checklist and its guidance), never drafts: 404 as for another
 * council's.
 */
function canRead (actor: Actor, row: SchemeVersionRow): boolean {
  if (actor.kind !== 'user' || actor.councilId !== row.councilId) return false
  if (isStaff(actor)) return true
  return actor.role === 'provider' && row.status === 'published'
}

async function loadReadable (q: Queryable, ctx: Ctx, id: string): Promise<SchemeVersionRecord> {
  const row = await store.findSchemeVersion(q, id)
  if (row === undefined || !canRead(ctx.actor, row)) throw notFound('Scheme version')
  return asRecord(row)
}

/** Locks a draft of the actor's council for a change; a published version is immutable (409). */
async function lockDraft (q: Queryable, ctx: Ctx, id: string, expectedVersion: number): Promise<SchemeVersionRow> {
  const staff = requireStaff(ctx.actor)
  const row = await store.lockSchemeVersion(q, id)
  if (row === undefined || row.councilId !== staff.councilId) throw notFound('Scheme version')
  if (row.status !== 'draft') {
    throw new DomainError(
      'SCHEME_VERSION_PUBLISHED',
      'conflict',
      `Scheme version ${row.number} is published and cannot change; create a draft from it (POST ` +
        '/api/v1/scheme-versions with fromVersionId)'
    )
  }
  assertVersion(row.version, expectedVersion, `Scheme version ${row.number}`)
  return row
}

export async function getSchemeVersion (deps: Deps, ctx: Ctx, id: string): Promise<SchemeVersionRecord> {
  return await loadReadable(deps.db, ctx, id)
}

export async function listSchemeVersions (deps: Deps, ctx: Ctx, query: { status: SchemeVersionStatus | 'all' }) {
  const actor = ctx.actor
  if (actor.kind !== 'user' || actor.councilId === null) throw notFound('Council')
  const status = actor.role === 'provider' ? 'published' : query.status
  // A list is a table of contents: the title, not the whole document.
  return { items: await store.listSchemeVersionSummaries(deps.db, actor.councilId, status) }
}

/** The version new assessments pin (src/domain/README.md: "Assessments are pinned to the version they started on"). */
export async function getCurrentPublishedScheme (q: Queryable, councilId: string): Promise<SchemeVersionRecord> {
  const row = await store.findLatestPublished(q, councilId)
  if (row === undefined) {
    throw new DomainError('SCHEME_NOT_PUBLISHED', 'conflict', 'The council has no published scheme version yet')
  }
  return asRecord(row)
}

// A published version never changes and is never deleted (only drafts are edited or discarded, lockDraft): once
// read as committed, it is kept by id for every later read in this process, so the pages that show an assessment
// do not fetch and parse its scheme each time. A read inside a transaction is not kept: that transaction may be
// the one publishing it, and may yet roll back. Frozen, being shared between requests. Bounded: a council has a
// handful of versions in use.
const publishedVersions = new LRUCache<string, SchemeVersionRecord>({ max: 64 })

/** A published version of the council by id, e.g. the one an assessment is pinned to; 404 otherwise. */
export async function loadPublishedScheme (q: Queryable, councilId: string, id: string): Promise<SchemeVersionRecord> {
  const kept = publishedVersions.get(id)
  if (kept !== undefined && kept.councilId === councilId) return kept
  const row = await store.findPublished(q, councilId, id)
  if (row === undefined) throw notFound('Scheme version')
  const record = asRecord(row)
  if (!inTransaction(q)) publishedVersions.set(id, deepFreeze(record))
  return record
}

export async function getCurrentPublishedSchemeFor (deps: Deps, ctx: Ctx): Promise<SchemeVersionRecord> {
  const actor = ctx.actor
  if (actor.kind !== 'user' || actor.councilId === null) throw notFound('Scheme version')
  return await getCurrentPublishedScheme(deps.db, actor.councilId)
}

/**
 * One draft at a time per council, so there is never a question of which draft will become the next version.
 * The council row is locked so two co-ordinators cannot both start one.
 */
export async function createSchemeDraft (
  deps: Deps,
  ctx: Ctx,
  input: { fromVersionId?: string | undefined }
): Promise<SchemeVersionRecord> {
  const staff = requireStaff(ctx.actor)
  return await deps.db.transaction(async (tx) => {
    await lockCouncil(tx, staff.councilId)
    const draft = await store.findDraft(tx, staff.councilId)
    if (draft !== undefined) {
      throw new DomainError(
        'SCHEME_DRAFT_EXISTS',
        'conflict',
        `Draft version ${draft.number} (${draft.id}) is open already; edit, publish or discard it first`
      )
    }
    const base = input.fromVersionId === undefined ? undefined : await loadReadable(tx, ctx, input.fromVersionId)
    const row = await store.insertSchemeVersion(tx, {
      councilId: staff.councilId,
      number: (await store.highestNumber(tx, staff.councilId)) + 1,
      status: 'draft',
      document: base?.document ?? createDefaultSchemeDocument(),
      basedOnId: base?.id ?? null,
      createdBy: staff.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now
    })
    await recordAudit(tx, ctx, {
      councilId: staff.councilId,
      entityType: ENTITY,
      entityId: row.id,
      action: 'create_draft',
      toState: 'draft',
      after: { number: row.number, basedOnId: row.basedOnId, basedOnNumber: base?.number ?? null }
    })
    return asRecord(row)
  })
}

/** Replaces a draft's whole document; an invalid document is refused (422), so a draft is always publishable. */
export async function replaceSchemeDraftDocument (
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: unknown
): Promise<SchemeVersionRecord> {
  const document = requireValidSchemeDocument(input)
  return await deps.db.transaction(async (tx) => {
    const before = await lockDraft(tx, ctx, id, expectedVersion)
    const after = await store.updateSchemeVersion(tx, before, { document }, ctx.now)
    await recordAudit(tx, ctx, {
      councilId: before.councilId,
      entityType: ENTITY,
      entityId: id,
      action: 'edit_draft',
      after: { changes: diffSchemeDocuments(before.document, document) }
    })
    return asRecord(after)
  })
}

/**
 * Draft → published, immutable from then on; new assessments pin it. Re-validated in case the rules grew since the
 * edit.
 */
export async function publishSchemeDraft (
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number
): Promise<SchemeVersionRecord> {
  return await deps.db.transaction(async (tx) => {
    const before = await lockDraft(tx, ctx, id, expectedVersion)
    requireValidSchemeDocument(before.document)
    const after = await store.updateSchemeVersion(
      tx,
      before,
      { status: 'published', publishedAt: ctx.now, publishedBy: actorUserId(ctx.actor) },
      ctx.now
    )
    await recordAudit(tx, ctx, {
      councilId: before.councilId,
      entityType: ENTITY,
      entityId: id,
      action: 'publish',
      fromState: 'draft',
      toState: 'published',
      after: { number: before.number }
    })
    return asRecord(after)
  })
}

/** A draft may be thrown away (its number is reused by the next draft); the audit trail keeps what it held. */
export async function discardSchemeDraft (deps: Deps, ctx: Ctx, id: string, expectedVersion: number): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const before = await lockDraft(tx, ctx, id, expectedVersion)
    await store.deleteSchemeVersion(tx, id)
    await recordAudit(tx, ctx, {
      councilId: before.councilId,
      entityType: ENTITY,
      entityId: id,
      action: 'discard_draft',
      fromState: 'draft',
      before: { number: before.number, document: before.document }
    })
  })
}

/** What changed from `fromId` (default: the version this one was based on) to `id`. */
export async function diffSchemeVersions (deps: Deps, ctx: Ctx, id: string, fromId: string | undefined) {
  const to = await loadReadable(deps.db, ctx, id)
  const baseId = fromId ?? to.basedOnId
  if (baseId === null) {
    throw new DomainError(
      'SCHEME_DIFF_BASE_REQUIRED',
      'invalid',
      `Scheme version ${to.number} was not copied from another version; say which to compare with`,
      {
        errors: [{ path: 'querystring.from', message: 'is required for this version' }]
      }
    )
  }
  const from = await loadReadable(deps.db, ctx, baseId)
  return {
    from: { id: from.id, number: from.number, status: from.status },
    to: { id: to.id, number: to.number, status: to.status },
    changes: diffSchemeDocuments(from.document, to.document)
  }
}
