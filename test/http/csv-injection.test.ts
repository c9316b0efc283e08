// Spreadsheet formula injection (OWASP "CSV Injection"): scheme wording and any other text reaches a CSV cell as
// text, never as a formula; numbers stay numbers.
import { parse } from 'csv-parse/sync'
import { eq } from 'drizzle-orm'
import t from 'tap'
import { schemeVersions } from '../../src/db/schema/index.js'
import { escapeFormula, toCsv } from '../../src/render/csv.js'
import { buildTestApp } from '../helpers/app.js'
import { answersAtScore, insertResponses } from '../helpers/reports.js'

t.test('every formula start is escaped; numbers, negative ones too, are not text', async (t) => {
  const attacks = ['=HYPERLINK("http://evil.example","x")', '+cmd|" /C calc"!A0', '-2+3', '@SUM(1+1)', '\t=1', '\r=1']
  for (const a of attacks) t.equal(escapeFormula(a), `'${a}`, JSON.stringify(a))
  t.equal(escapeFormula('Doing things I value'), 'Doing things I value')
  const [header, row] = parse(toCsv(['label', 'gain'], [[attacks[0]!, -1.25]]), { bom: true }) as string[][]
  t.same(header, ['label', 'gain'])
  t.same(row, [`'${attacks[0]}`, '-1.25'])
})

t.test("a council's scheme wording reaches the report CSV as text", async (t) => {
  const h = await buildTestApp(t)
  const [north] = h.councils
  const [scheme] = await h.db.db.select().from(schemeVersions).where(eq(schemeVersions.councilId, north.id))
  const doc = structuredClone(scheme!.document)
  const wording = ['=HYPERLINK("http://evil.example","Click")', '+cmd|" /C calc"!A0', '@SUM(A1)', '-1+1']
  for (const scale of doc.instrument.scales) {
    scale.answers.forEach((a, i) => { a.wording.plain = wording[i] ?? a.wording.plain })
  }
  await h.db.db.update(schemeVersions).set({ document: doc }).where(eq(schemeVersions.id, scheme!.id))
  const p = await h.addProvider(north)
  await insertResponses(h, north, p.id, [answersAtScore(3), answersAtScore(2), answersAtScore(1)], '2026-01-15')
  const res = await h.app.inject({
    url: '/api/v1/reports/outcomes-by-size?from=2026-01-01&to=2026-02-28&item=OCC_NOW&format=csv',
    headers: h.auth(north.coordinator.token)
  })
  t.equal(res.statusCode, 200, res.body)
  const cells = (parse(res.body, { bom: true }) as string[][]).flat()
  for (const w of wording) {
    t.ok(cells.includes(`'${w} (n)`), `escaped: ${w}`)
    t.notOk(cells.some((c) => c.startsWith(w.slice(0, 2))), `never bare: ${w}`)
  }
})
