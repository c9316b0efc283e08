// A provider's data on request (README: Security and privacy, export and erasure): the export archive holds the
// record, its people, assessments, evidence and files, awards, concerns, appeals, messages and audit; the erasure
// leaves no personal string in any table, keeps the published award, the anonymous aggregates and every audit row's
// shape; both are staff-only, audited and refused while a case is open. The archive's files are read a file at a
// time, a few chunks per query, as the zip is sent.
import { and, eq, sql } from 'drizzle-orm'
import t from 'tap'
import yauzl from 'yauzl'
import {
  auditEvents,
  awards,
  concerns,
  evidenceFileChunks,
  evidenceFiles,
  notificationPreferences,
  users
} from '../../src/db/schema/index.js'
import { exportProviderData } from '../../src/use-cases/provider-data.js'
import { EVIDENCE_CHUNK_BYTES } from '../../src/use-cases/uploads.js'
import { buildTestApp } from '../helpers/app.js'
import { multipartBody, pdfOf, tinyPdf } from '../helpers/assessments.js'
import { addAssessment, bestAnswers } from '../helpers/feedback.js'
import { publishAward } from '../helpers/publication.js'

/** The statements run while `recording` is on. */
let recording = false
const statements: string[] = []
const h = await buildTestApp(t, { onQuery: (q) => { if (recording) statements.push(q) } })
const [north, south] = h.councils
const staff = h.auth(north.coordinator.token)
const db = h.db.db

// Unique strings, so any copy of them left in any table can be found.
const NAME = 'Zebedee Quillfeather Care'
const EMAIL = 'zebedee.quillfeather@example.org'
const PHONE = '07700 900461'
const USER_PHONE = '07700 900999'
const NARRATIVE = 'Zebedee checks every visit with Mrs Ottoline Brackenbury'
const COMMENT = 'Zebedee made my mother Philippa Gorringe laugh again'
const SUMMARY = 'A relative says Zebedee left Mr Cuthbert Pendlebury alone'
const terms = [NAME, EMAIL, PHONE, USER_PHONE, NARRATIVE, COMMENT, SUMMARY, `${NAME} owner`, 'certificate-zebedee']

const p = await h.addProvider(north, { name: NAME, contact: { email: EMAIL, phone: PHONE } })
await db.update(users).set({ email: EMAIL }).where(eq(users.id, p.userId))
await db.insert(notificationPreferences).values({ userId: p.userId, channel: 'sms', phone: USER_PHONE })
const award = await publishAward(h, north, p.id, { level: 'silver' })
const assessmentId = await addAssessment(h, north, p.id)
const post = async (token: string, url: string, payload: unknown) =>
  await h.app.inject({ method: 'POST', url, headers: h.auth(token), payload: payload as Record<string, unknown> })
/** Set-up failures throw: the file's top level must not assert once its subtests are planned. */
const created = (res: { statusCode: number; body: string }) => {
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`)
}
const evidence = await post(p.token, `/api/v1/assessments/${assessmentId}/evidence`, {
  itemCode: 'INS_PL',
  kind: 'document',
  narrative: NARRATIVE,
  issuedOn: '2026-01-10'
})
created(evidence)
// One file of a few bytes, one of several chunks and a part, one of exactly one chunk, one of a few chunks exactly.
const contents = new Map([
  ['certificate-zebedee.pdf', tinyPdf()],
  ['policy.pdf', pdfOf(200 * 1024)],
  ['one-chunk.pdf', pdfOf(EVIDENCE_CHUNK_BYTES)],
  ['four-chunks.pdf', pdfOf(4 * EVIDENCE_CHUNK_BYTES)]
])
const upload = multipartBody([...contents].map(([name, content]) => ({ name, type: 'application/pdf', content })))
const uploaded = await h.app.inject({
  method: 'POST',
  url: `/api/v1/assessments/${assessmentId}/evidence/${evidence.json().id}/files`,
  headers: { ...h.auth(p.token), 'content-type': upload.contentType },
  payload: upload.payload
})
created(uploaded)
for (const extra of [{ COMMENT }, {}, {}]) {
  const res = await post(north.coordinator.token, `/api/v1/assessments/${assessmentId}/feedback-responses`, {
    respondentType: 'person',
    mode: 'interview',
    answers: { ...bestAnswers(), ...extra }
  })
  created(res)
}
const concern = await post(north.coordinator.token, '/api/v1/concerns', {
  providerId: p.id,
  source: 'complaint',
  summary: SUMMARY
})
created(concern)

const exportOf = async (token = north.coordinator.token) =>
  await h.app.inject({ url: `/api/v1/providers/${p.id}/export`, headers: h.auth(token) })
const erase = async (confirm: string, token = north.coordinator.token) =>
  await post(token, `/api/v1/providers/${p.id}/erasure`, { confirm })

async function unzip (buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))))
  const out = new Map<string, Buffer>()
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (e, stream) => {
        if (e) return reject(e)
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => {
          out.set(entry.fileName, Buffer.concat(chunks))
          zip.readEntry()
        })
      })
    })
    zip.on('end', resolve)
    zip.on('error', reject)
    zip.readEntry()
  })
  return out
}

async function rows<T> (query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query)
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}
/** Every table of the database, each row as text, searched for each term. */
async function whereTermsRemain (): Promise<string[]> {
  const tables = await rows<{ name: string }>(
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'`
  )
  const found: string[] = []
  for (const { name } of tables) {
    for (const term of terms) {
      const [hit] = await rows<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(name)} r where r::text like ${`%${term}%`}`
      )
      if ((hit?.n ?? 0) > 0) found.push(`${name}: ${term}`)
    }
  }
  return found
}

t.test('export and erasure are refused while a concern is open, and to anyone but the council\'s staff', async (t) => {
  for (const res of [await exportOf(), await erase(NAME)]) {
    t.equal(res.statusCode, 409, res.body)
    t.equal(res.json().code, 'PROVIDER_CASE_OPEN')
  }
  for (const token of [p.token, south.coordinator.token]) {
    t.not((await exportOf(token)).statusCode, 200)
    t.not((await erase(NAME, token)).statusCode, 200)
  }
  t.equal((await exportOf(p.token)).statusCode, 403, 'the provider itself asks the council')
  t.equal((await exportOf(south.coordinator.token)).statusCode, 404, "another council's provider is not found")
  await db.update(concerns).set({ state: 'closed', closedOn: '2026-03-02' }).where(eq(concerns.providerId, p.id))
})

t.test('the export is one zip: provider.json with everything held, and the evidence files', async (t) => {
  recording = true
  const res = await exportOf()
  recording = false
  t.equal(res.statusCode, 200, res.body)
  t.equal(res.headers['content-type'], 'application/zip')
  t.match(res.headers['content-disposition'], /^attachment; filename="?provider-.*\.zip/)
  t.equal(res.headers['cache-control'], 'private, no-store')
  const entries = await unzip(res.rawPayload)
  const document = JSON.parse(entries.get('provider.json')!.toString('utf8'))
  t.equal(document.provider.name, NAME)
  t.same(document.provider.contact, { email: EMAIL, phone: PHONE })
  t.equal(document.council.name, 'Northshire Council')
  t.match(document.users, [{ id: p.userId, name: `${NAME} owner`, email: EMAIL }])
  t.equal(document.tokens.length, 1)
  t.notOk('tokenHash' in document.tokens[0], 'no token hash')
  t.match(document.notificationPreferences, [{ phone: USER_PHONE }])
  t.equal(document.assessments.length, 2)
  t.match(document.evidence, [{ narrative: NARRATIVE }])
  t.match(document.awards, [{ id: award.id, level: 'silver' }])
  t.match(document.concerns, [{ summary: SUMMARY }])
  t.ok(document.auditEvents.some((e: { action: string }) => e.action === 'create'), 'its audit trail')
  t.notMatch(JSON.stringify(document), COMMENT, "a respondent's comment is not the provider's to read")
  const files: Array<{ filename: string; mediaType: string; path: string }> = document.evidenceFiles
  t.same(files.map((f) => f.filename).sort(), [...contents.keys()].sort(), 'every file listed')
  for (const file of files) {
    t.equal(file.mediaType, 'application/pdf')
    t.ok(entries.get(file.path)?.equals(contents.get(file.filename)!), `${file.filename}, byte for byte`)
  }
  t.equal(entries.size, 1 + contents.size, 'provider.json and the files, nothing else')
  const audit = await db.select().from(auditEvents).where(eq(auditEvents.action, 'export'))
  t.match(audit, [{ entityType: 'provider', entityId: p.id, actorUserId: north.coordinator.id }])
  t.match(audit[0]?.after, { by: 'staff', files: contents.size })

  const chunkReads = statements.filter((q) => q.includes('"evidence_file_chunks"'))
  t.ok(chunkReads.length > 0, 'the chunks are read')
  t.same(chunkReads.filter((q) => !/"file_id" = \$\d+ .*\blimit \$\d+$/s.test(q)), [],
    "each read is one file's next few chunks, never every file's chunks at once")
  t.ok(chunkReads.length > contents.size, 'the larger files take more than one read')
})

t.test('a file that cannot be read whole fails the archive rather than arriving short', async (t) => {
  const [file] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.filename, 'policy.pdf'))
  await db.delete(evidenceFileChunks)
    .where(and(eq(evidenceFileChunks.fileId, file!.id), eq(evidenceFileChunks.seq, 3)))
  const actor = {
    kind: 'user', userId: north.coordinator.id, role: 'coordinator', councilId: north.id, providerId: null, tokenId: 't'
  } as const
  const { zip } = await exportProviderData(h.app.deps, { actor, now: h.clock.now }, p.id)
  await t.rejects(zip.toArray(), /of 204800 bytes found/)
})

t.test('erasure needs the name typed, then leaves no personal data anywhere and keeps what must be kept', async (t) => {
  const wrong = await erase('zebedee')
  t.equal(wrong.statusCode, 422)
  t.equal(wrong.json().code, 'ERASURE_NOT_CONFIRMED')
  t.same(wrong.json().errors.map((e: { path: string }) => e.path), ['body.confirm'])

  const aggregate = async () =>
    (await h.app.inject({ url: `/api/v1/providers/${p.id}/feedback-aggregate`, headers: staff })).json()
  const aggregateBefore = await aggregate()
  const awardBefore = (await db.select().from(awards).where(eq(awards.id, award.id)))[0]!
  const shape = async () =>
    (await db.select().from(auditEvents).orderBy(auditEvents.id)).map((e) => ({
      id: e.id,
      actor: e.actorUserId,
      role: e.actorRole,
      type: e.entityType,
      entity: e.entityId,
      action: e.action,
      from: e.fromState,
      to: e.toState,
      at: e.at.toISOString(),
      keys: Object.keys(e.after ?? {}).sort()
    }))
  const shapeBefore = await shape()
  t.ok((await whereTermsRemain()).length > terms.length, 'the strings are there to start with')

  const res = await erase(NAME)
  t.equal(res.statusCode, 200, res.body)
  t.same(await whereTermsRemain(), [], 'no table holds a name, email, phone, narrative, comment or summary')
  t.same((await db.select().from(awards).where(eq(awards.id, award.id)))[0], awardBefore, 'the award as published')
  t.same(await aggregate(), aggregateBefore, 'the anonymous aggregates')
  const shapeAfter = await shape()
  t.same(shapeAfter.slice(0, shapeBefore.length), shapeBefore, 'every audit row kept, with its shape')
  t.match(shapeAfter.slice(shapeBefore.length), [{ type: 'provider', entity: p.id, action: 'erase' }])
  const record = (await h.app.inject({ url: `/api/v1/providers/${p.id}`, headers: staff })).json()
  t.match(record, { name: 'Erased provider', status: 'inactive' })
  t.equal((await h.app.inject({ url: `/api/v1/providers/${p.id}`, headers: h.auth(p.token) })).statusCode, 401,
    "the provider's tokens no longer work")

  const again = await erase('Erased provider')
  t.equal(again.statusCode, 409)
  t.equal(again.json().code, 'PROVIDER_ALREADY_ERASED')
})

t.test('the database refuses any other change to the audit trail', async (t) => {
  await t.rejects(db.update(auditEvents).set({ action: 'forged' }).where(eq(auditEvents.entityId, p.id)))
  await t.rejects(db.execute(sql`select set_config('qualitymark.audit_redaction', 'on', false)`).then(async () =>
    await db.update(auditEvents).set({ action: 'forged' }).where(eq(auditEvents.entityId, p.id))),
  'even with the redaction flag, only the personal columns may change')
  await db.execute(sql`select set_config('qualitymark.audit_redaction', 'off', false)`)
  await t.rejects(db.delete(auditEvents).where(eq(auditEvents.entityId, p.id)))
})
