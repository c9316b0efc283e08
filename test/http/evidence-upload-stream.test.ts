// Evidence files stored as rows of 32 KB chunks (README: For providers, uploads): spooled to disk and written a few
// chunks per statement, a file comes back byte for byte, with its recorded size as Content-Length and the SHA-256
// of what was sent; an upload refused or failing part way leaves no chunk behind.
import t from 'tap'
import { createHash, randomBytes } from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import { evidenceFileChunks, evidenceFiles } from '../../src/db/schema/index.js'
import type { Ctx } from '../../src/use-cases/context.js'
import { attachEvidenceFiles } from '../../src/use-cases/evidence.js'
import { EVIDENCE_CHUNK_BYTES, type ReceivedFile } from '../../src/use-cases/uploads.js'
import { buildTestApp } from '../helpers/app.js'
import { multipartBody, pdfOf } from '../helpers/assessments.js'

const h = await buildTestApp(t)
const [north] = h.councils
const p = await h.addProvider(north)
const post = async (url: string, payload: object) =>
  await h.app.inject({ method: 'POST', url, headers: h.auth(p.token), payload })
const { id } = (await post('/api/v1/assessments', { kind: 'initial' })).json()
const documentFor = async (itemCode: string): Promise<string> => {
  const piece = await post(`/api/v1/assessments/${id}/evidence`, {
    itemCode,
    kind: 'document',
    expiresOn: '2026-12-31'
  })
  if (piece.statusCode !== 201) throw new Error(piece.body)
  return piece.json().id
}
const upload = async (evidenceId: string, name: string, type: string, content: Buffer) => {
  const body = multipartBody([{ name, type, content }])
  return await h.app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${id}/evidence/${evidenceId}/files`,
    headers: { ...h.auth(p.token), 'content-type': body.contentType },
    payload: body.payload
  })
}
const chunkRows = async (fileId?: string) => {
  const [row] = await h.db.db.select({ n: count() }).from(evidenceFileChunks)
    .where(fileId === undefined ? undefined : eq(evidenceFileChunks.fileId, fileId))
  return row?.n
}

t.test('files of one, several and part chunks come back byte for byte with their size', async (t) => {
  const evidenceId = await documentFor('INS_PL')
  const sizes = [200 * 1024, EVIDENCE_CHUNK_BYTES, 1000, 2_600_000]
  for (const size of sizes) {
    const content = pdfOf(size)
    const up = await upload(evidenceId, `file-${size}.pdf`, 'application/pdf', content)
    t.equal(up.statusCode, 201, up.body)
    const [file] = up.json().items
    t.equal(file.sizeBytes, size)
    t.equal(file.sha256, createHash('sha256').update(content).digest('hex'))
    t.equal(await chunkRows(file.id), Math.ceil(size / EVIDENCE_CHUNK_BYTES), `${size} bytes in 32 KB chunks`)
    const down = await h.app.inject({
      method: 'GET',
      url: `/api/v1/assessments/${id}/evidence/${evidenceId}/files/${file.id}`,
      headers: h.auth(p.token)
    })
    t.equal(down.statusCode, 200)
    t.equal(down.headers['content-length'], String(size), `Content-Length of ${size}`)
    t.equal(down.headers['content-type'], 'application/pdf')
    t.equal(down.headers['x-content-type-options'], 'nosniff')
    t.equal(down.headers['cache-control'], 'private, no-store')
    t.ok(down.rawPayload.equals(content), `${size} bytes: every chunk, in order`)
  }
})

t.test('a refused upload writes no chunk', async (t) => {
  const evidenceId = await documentFor('FIRST_AID')
  const before = await chunkRows()
  const res = await upload(evidenceId, 'notes.pdf', 'application/pdf', randomBytes(100 * 1024))
  t.equal(res.statusCode, 415, res.body)
  t.equal(await chunkRows(), before, 'no chunk rows')
  t.equal((await h.db.db.select().from(evidenceFiles).where(eq(evidenceFiles.evidenceId, evidenceId))).length, 0)
})

t.test('a file whose content fails part way is rolled back with the chunks already written', async (t) => {
  const evidenceId = await documentFor('INS_PI')
  const before = await chunkRows()
  const chunk = pdfOf(EVIDENCE_CHUNK_BYTES)
  let written = 0
  const failing: ReceivedFile = {
    filename: 'half.pdf',
    detectedType: 'application/pdf',
    sizeBytes: 10 * EVIDENCE_CHUNK_BYTES,
    sha256: '0'.repeat(64),
    tooLarge: false,
    chunks: async function * () {
      for (; written < 6; written++) yield chunk
      throw new Error('the spooled copy went away')
    },
    discard: async () => {}
  }
  const ctx: Ctx = {
    actor: { kind: 'user', userId: p.userId, role: 'provider', councilId: north.id, providerId: p.id, tokenId: 't' },
    now: h.clock.now
  }
  await t.rejects(attachEvidenceFiles(h.app.deps, ctx, id, evidenceId, [failing]), /went away/)
  t.equal(written, 6, 'chunks were read and written before the failure')
  t.equal(await chunkRows(), before, 'no chunk rows')
  t.equal((await h.db.db.select().from(evidenceFiles).where(eq(evidenceFiles.evidenceId, evidenceId))).length, 0)
})
