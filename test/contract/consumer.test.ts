// The contract consumer (test/contract/client.ts) against the running service: typed only by what
// openapi/openapi.json says, it uploads a file, downloads it, reads a CSV report and a chart, and walks the ORUK
// feed over a real socket. The generated types are checked against the committed document here too.
import { readFile } from 'node:fs/promises'
import t from 'tap'
import openapiTS, { astToString } from 'openapi-typescript'
import { buildTestApp } from '../helpers/app.js'
import { assessmentDriver, tinyPdf } from '../helpers/assessments.js'
import { publishAward } from '../helpers/publication.js'
import { ApiProblem, createClient, type ProblemCode } from './client.js'

t.test('test/contract/openapi.d.ts is what openapi-typescript makes of openapi/openapi.json', async (t) => {
  const committed = await readFile(new URL('./openapi.d.ts', import.meta.url), 'utf8')
  const generated = astToString(await openapiTS(new URL('../../openapi/openapi.json', import.meta.url)))
  t.ok(committed.endsWith(generated), 'stale: run `npm run contract:types` and commit test/contract/openapi.d.ts')
})

const h = await buildTestApp(t)
const [north] = h.councils
const address = await h.app.listen({ port: 0, host: '127.0.0.1' })
const d = assessmentDriver(h)
const p = await h.addProvider(north)
const assessmentId = await d.openUnderReview(p.token, north.coordinator.token)
const evidence = await h.app.inject({
  method: 'POST',
  url: `/api/v1/assessments/${assessmentId}/evidence`,
  headers: h.auth(p.token),
  payload: { itemCode: 'INS_PL', kind: 'document', issuedOn: '2026-01-10' }
})
const evidenceId = evidence.json().id as string
const provider = createClient(address, p.token)
const staff = createClient(address, north.coordinator.token)

t.test('uploads a file as multipart/form-data and downloads the same bytes', async (t) => {
  const pdf = tinyPdf()
  const uploaded = await provider.uploadFiles(assessmentId, evidenceId, [
    { name: 'insurance.pdf', blob: new Blob([pdf], { type: 'application/pdf' }) }
  ])
  const [file] = uploaded.items
  t.equal(file?.mediaType, 'application/pdf')
  t.equal(file?.filename, 'insurance.pdf')
  t.equal(await provider.downloadPdf(assessmentId, evidenceId, file?.id ?? ''), pdf.toString('latin1'))
})

t.test('a refusal is a problem whose code the document lists', async (t) => {
  const expected: ProblemCode = 'NOT_FOUND'
  const refused = await provider
    .uploadFiles(assessmentId, '6b1d1c3e-1f7a-4c59-9d2e-3f2f0f6f0a11', [{ name: 'x.pdf', blob: new Blob([tinyPdf()]) }])
    .catch((e: unknown) => e)
  t.type(refused, ApiProblem)
  t.equal((refused as ApiProblem).problem.code, expected)
})

t.test('reads the operations report as JSON and as CSV, and its chart as SVG', async (t) => {
  const json = await staff.operationsJson()
  t.type(json.asOf, 'string')
  const csv = await staff.operationsCsv()
  t.match(csv.split('\n')[0], /,/, 'a header row')
  const svg = await staff.operationsChart()
  t.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
  t.match(svg, /<title/)
})

t.test('walks the ORUK feed page by page to its last page', async (t) => {
  for (const name of ['Alder Care', 'Birch Support', 'Cedar Help']) {
    const listed = await h.addProvider(north, { name })
    await publishAward(h, north, listed.id, { level: 'silver' })
  }
  const first = await staff.orukServices(north.slug, { page: 1, per_page: 2 })
  t.equal(first.total_items, 3)
  t.equal(first.total_pages, 2)
  const all = await staff.walkOruk(north.slug, 2)
  t.equal(all.length, 3)
  t.same(new Set(all.map((s) => s.name)), new Set(['Alder Care', 'Birch Support', 'Cedar Help']))
})
