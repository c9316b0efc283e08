// Large evidence files (README: For providers, uploads): spooled to disk and written a 1 MB chunk at a time, the file
// comes back byte for byte with the SHA-256 of what was sent.
import t from 'tap'
import { createHash, randomBytes } from 'node:crypto'
import { buildTestApp } from '../helpers/app.js'
import { multipartBody, tinyPdf } from '../helpers/assessments.js'

t.test('a file of several chunks is stored whole and in order', async (t) => {
  const h = await buildTestApp(t)
  const [north] = h.councils
  const p = await h.addProvider(north)
  const post = async (url: string, payload: object) =>
    await h.app.inject({ method: 'POST', url, headers: h.auth(p.token), payload })
  const { id } = (await post('/api/v1/assessments', { kind: 'initial' })).json()
  const piece = await post(`/api/v1/assessments/${id}/evidence`, {
    itemCode: 'INS_PL',
    kind: 'document',
    expiresOn: '2026-12-31'
  })
  t.equal(piece.statusCode, 201)
  const content = Buffer.concat([tinyPdf(), randomBytes(2_600_000)])
  const body = multipartBody([{ name: 'big.pdf', type: 'application/pdf', content }])
  const up = await h.app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${id}/evidence/${piece.json().id}/files`,
    headers: { ...h.auth(p.token), 'content-type': body.contentType },
    payload: body.payload
  })
  t.equal(up.statusCode, 201, up.body)
  const [file] = up.json().items
  t.equal(file.sizeBytes, content.length)
  t.equal(file.sha256, createHash('sha256').update(content).digest('hex'))
  const down = await h.app.inject({
    method: 'GET',
    url: `/api/v1/assessments/${id}/evidence/${piece.json().id}/files/${file.id}`,
    headers: h.auth(p.token)
  })
  t.equal(down.statusCode, 200)
  t.ok(down.rawPayload.equals(content), 'every chunk, in order')
})
