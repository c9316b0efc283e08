// A provider's data on request (README: Security and privacy, export and erasure): everything held about it and its
// people as one zip archive, and the erasure of its personal data, keeping what the council must keep. Both are
// staff-only, audited, and refused while an appeal or concern about the provider is open. A provider's own people
// download what the service holds about their business as JSON or CSV (exportMyProviderData), audited too.
import { PassThrough, type Readable } from 'node:stream'
import yazl from 'yazl'
import type { Tx } from '../db/client.js'
import {
  countOpenCases,
  eraseProviderData,
  findProvider,
  loadProviderData,
  type ProviderData,
  type ProviderRecord
} from '../db/stores/provider-data.js'
import { DomainError } from '../domain/errors.js'
import { assertStaffAccess, notFound, requireProviderPerson } from './access.js'
import { recordAudit } from './audit.js'
import { readEvidenceFile } from './evidence.js'
import type { Ctx, Deps } from './context.js'

async function openProvider (tx: Tx, ctx: Ctx, providerId: string): Promise<ProviderRecord> {
  const provider = assertStaffAccess(ctx.actor, await findProvider(tx, providerId), 'Provider')
  if ((await countOpenCases(tx, provider.id)) > 0) {
    throw new DomainError(
      'PROVIDER_CASE_OPEN',
      'conflict',
      'An appeal or concern about this provider is still open: close it first'
    )
  }
  return provider
}

/** Where each evidence file sits in the archive; names are reduced to safe characters. */
const filePath = (f: { evidenceId: string; id: string; filename: string }): string =>
  `evidence/${f.evidenceId}/${f.id}-${f.filename.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100)}`

/**
 * The archive as a stream: provider.json, then each file read a few chunks at a time as the zip is sent (after the
 * records' transaction), one file after another, so neither a whole file nor the whole archive is ever held in
 * memory. A file that cannot be read whole ends the stream with an error: the download fails rather than arriving
 * short.
 */
function archiveOf (deps: Deps, data: ProviderData, exportedAt: Date): Readable {
  const zip = new yazl.ZipFile()
  const archive = new PassThrough()
  let reading: Readable | undefined
  const fail = (e: Error) => archive.destroy(e)
  zip.on('error', fail)
  // A reply abandoned part way stops the file being read.
  archive.on('close', () => reading?.destroy())
  const { files, feedbackComments, ...rest } = data
  const document = {
    exportedAt,
    ...rest,
    evidenceFiles: files.map((f) => ({ ...f, path: filePath(f) })),
    feedbackResponses: 'Anonymous answers are not part of a provider export (README: Security and privacy)'
  }
  zip.addBuffer(Buffer.from(JSON.stringify(document, null, 2)), 'provider.json', { mtime: exportedAt })
  for (const f of files) {
    // Opened only when the zip reaches the file, so one file is read at a time.
    zip.addReadStreamLazy(filePath(f), { mtime: exportedAt, size: f.sizeBytes }, (open) => {
      reading = readEvidenceFile(deps, f).on('error', fail)
      open(null, reading)
    })
  }
  zip.end()
  zip.outputStream.pipe(archive)
  return archive
}

/** Everything about the provider, read with its 'export' audit event (counts only) in one transaction. */
async function readForExport (deps: Deps, ctx: Ctx, open: (tx: Tx) => Promise<ProviderRecord>, by: string) {
  return await deps.db.transaction(async (tx) => {
    const provider = await open(tx)
    const loaded = await loadProviderData(tx, provider)
    await recordAudit(tx, ctx, {
      councilId: provider.councilId,
      entityType: 'provider',
      entityId: provider.id,
      action: 'export',
      after: { by, files: loaded.files.length, auditEvents: loaded.auditEvents.length }
    })
    return loaded
  })
}

export async function exportProviderData (deps: Deps, ctx: Ctx, providerId: string) {
  const data = await readForExport(deps, ctx, async (tx) => await openProvider(tx, ctx, providerId), 'staff')
  const filename = `provider-${providerId}-${ctx.now.toISOString().slice(0, 10)}.zip`
  return { filename, zip: archiveOf(deps, data, ctx.now) }
}

/**
 * The provider's own copy: its record, people, contact choices, messages, assessments, evidence (the files are
 * listed; each downloads from its item page), awards and appeals. Not in it: feedback (anonymous, src/domain/
 * README.md: roles), concerns (they may name the person who raised them) and the staff's audit trail. As JSON, or as
 * a CSV of the same document (src/render/document-csv.ts), so both always hold the same things: the caller chooses.
 */
export async function exportMyProviderData (deps: Deps, ctx: Ctx) {
  const me = requireProviderPerson(ctx.actor)
  const data = await readForExport(deps, ctx, async (tx) => {
    const provider = await findProvider(tx, me.providerId)
    if (provider === undefined) throw notFound('Provider')
    return provider
  }, 'provider')
  const document = {
    exportedAt: ctx.now,
    council: data.council,
    provider: data.provider,
    people: data.users.map(({ id, name, email, active, createdAt }) => ({ id, name, email, active, createdAt })),
    apiTokens: data.tokens,
    contactPreferences: data.notificationPreferences,
    messages: data.notificationMessages,
    assessments: data.assessments,
    evidence: data.evidence,
    evidenceFiles: data.files,
    awards: data.awards,
    appeals: data.appeals,
    notIncluded: 'Feedback answers (anonymous), concerns (they may name who raised them) and the council\'s audit trail'
  }
  return { filenameStem: `your-quality-mark-data-${ctx.now.toISOString().slice(0, 10)}`, document }
}

/** The personal strings to redact wherever a copy was written, longest first (so a name inside a longer text goes). */
function personalTerms (data: ProviderData): string[] {
  const p = data.provider
  const terms = [
    p.name,
    p.description,
    p.postcode,
    p.cqcLocationId,
    p.charityNumber,
    p.companyNumber,
    ...Object.values(p.contact),
    ...data.users.flatMap((u) => [u.name, u.email]),
    ...data.notificationPreferences.map((n) => n.phone),
    ...data.assessments.flatMap((a) => [a.providerComment, a.infoRequestNote, a.infoResponseNote]),
    ...data.evidence.flatMap((e) => [e.narrative, e.reviewerNote]),
    ...data.files.map((f) => f.filename),
    ...data.concerns.map((c) => c.summary),
    ...data.appeals.flatMap((a) => [a.grounds, a.outcomeReason]),
    ...data.feedbackComments
  ]
  const usable = terms.flatMap((t) => (typeof t === 'string' && t.trim().length >= 3 ? [t.trim()] : []))
  return [...new Set(usable)].sort((a, b) => b.length - a.length)
}

export async function eraseProvider (deps: Deps, ctx: Ctx, providerId: string, input: { confirm: string }) {
  return await deps.db.transaction(async (tx) => {
    const provider = await openProvider(tx, ctx, providerId)
    if (provider.erasedAt !== null) {
      throw new DomainError('PROVIDER_ALREADY_ERASED', 'conflict', `Erased on ${provider.erasedAt.toISOString()}`)
    }
    if (input.confirm !== provider.name) {
      throw new DomainError('ERASURE_NOT_CONFIRMED', 'invalid', "Type the provider's name exactly to confirm", {
        errors: [{ path: 'body.confirm', message: "must be the provider's name, exactly as registered" }]
      })
    }
    const data = await loadProviderData(tx, provider)
    await eraseProviderData(tx, data, personalTerms(data), ctx.now)
    await recordAudit(tx, ctx, {
      councilId: provider.councilId,
      entityType: 'provider',
      entityId: provider.id,
      action: 'erase',
      fromState: provider.status,
      toState: 'inactive',
      after: { erasedAt: ctx.now, users: data.users.length, evidenceFiles: data.files.length }
    })
    return { providerId: provider.id, erasedAt: ctx.now.toISOString() }
  })
}
