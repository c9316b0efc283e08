// The reports page (README: Reports in the portal): each report from the GET form as tables with its chart inline,
// the period and the question checked with the input kept, a hidden group said to be hidden, the CSV download the
// API's own (same bytes), and the forbidden page for a provider's person.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { signedInStaff } from '../helpers/manage.js'
import { insertAward, insertResponses, OCC_LEVELS } from '../helpers/reports.js'

const h = await buildTestApp(t)
const [north] = h.councils
const ids: string[] = []
for (const fte of [1, 2, 3, 10]) {
  ids.push((await h.addProvider(north, { fte, hourlyPricePence: 2000, name: `Provider ${fte}` })).id)
}
for (const [i, id] of ids.entries()) {
  await insertResponses(h, north, id, OCC_LEVELS.map((occ) => ({ OCC_NOW: occ, OCC_AFFECT: 'yes' })), '2026-01-15')
  if (i === 0) await insertAward(h, north, id, { level: 'gold', status: 'active', validTo: '2026-03-20' })
}
const co = await signedInStaff(h, north.coordinator, 'co@northshire.example')
const period = 'from-day=1&from-month=1&from-year=2026&to-day=28&to-month=2&to-year=2026'

t.test('the form: the three reports, operations by default, in the navigation', async (t) => {
  const page = await co.get('/manage/reports')
  t.equal(page.statusCode, 200)
  t.match(page.body, /aria-current="page"[^>]*>\s*Reports|href="\/manage\/reports"[^>]*aria-current/)
  t.match(page.body, /Scheme operations/)
  t.match(page.body, /Value for money/)
  t.match(page.body, /Outcomes by provider size/)
  t.match(page.body, /<form method="get" action="\/manage\/reports"/)
  t.match(page.body, /<caption class="govuk-table__caption govuk-table__caption--m">Awards by level/)
  t.match(page.body, /<svg[\s\S]*role="img"[\s\S]*<title id="chart-0-title">/, 'the chart inline, with its title')
})

t.test('operations for a period: tables with the numbers, the CSV the API’s own', async (t) => {
  const page = await co.get(`/manage/reports?report=operations&${period}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, /Gold<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">1<\/td>/)
  const href = /href="([^"]+format=csv[^"]*)"/.exec(page.body)?.[1]?.replaceAll('&amp;', '&') ?? ''
  t.match(href, /^\/api\/v1\/reports\/operations\?format=csv&from=2026-01-01&to=2026-02-28/)
  const csv = await co.get(href)
  t.equal(csv.statusCode, 200, 'the download works with the page’s session')
  t.match(String(csv.headers['content-type']), /^text\/csv/)
  const api = await h.app.inject({ url: href, headers: h.auth(north.coordinator.token) })
  t.equal(csv.body, api.body, 'the same CSV as the API')
})

t.test('outcomes by size: a question is needed and must exist; small groups are hidden', async (t) => {
  const none = await co.get(`/manage/reports?report=outcomes&${period}`)
  t.equal(none.statusCode, 400)
  t.match(none.body, /There is a problem/)
  t.match(none.body, /Select the question to compare/)
  t.match(none.body, /<option value="OCC_NOW">[^<]*\(OCC_NOW\)<\/option>/, 'the questions to choose from')
  const unknown = await co.get(`/manage/reports?report=outcomes&item=NOPE&${period}`)
  t.equal(unknown.statusCode, 400)
  t.match(unknown.body, /Select a question from the list: NOPE is not one of [A-Z_, ]*OCC_NOW/)
  const page = await co.get(`/manage/reports?report=outcomes&item=OCC_NOW&${period}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, /Micro versus others/)
  t.match(page.body, /<option value="OCC_NOW" selected>/, 'the chosen question is kept')
  t.match(page.body, /Hidden: too few to show/, 'one small provider is a group too small to show')
  t.match(page.body, /chart-1-title/, 'two charts, each with its own ids')
  t.match(page.body, /outcomes-by-size\?format=csv&amp;from=2026-01-01&amp;to=2026-02-28&amp;item=OCC_NOW/)
})

t.test('value for money; a period in the wrong order or not a date keeps the input', async (t) => {
  const page = await co.get(`/manage/reports?report=value&${period}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, /Hourly price, feedback quality Q and gain G by size band/)
  const backwards = await co.get('/manage/reports?report=value&from-day=1&from-month=3&from-year=2026' +
    '&to-day=1&to-month=1&to-year=2026')
  t.equal(backwards.statusCode, 400)
  t.match(backwards.body, /The start of the period must be on or before its end/)
  const notReal = await co.get('/manage/reports?report=value&from-day=31&from-month=2&from-year=2026')
  t.equal(notReal.statusCode, 400)
  t.match(notReal.body, /The start of the period must be a real date/)
  t.match(notReal.body, /name="from-day" type="text" value="31"|value="31"/, 'the input is kept')
  const odd = await co.get('/manage/reports?report=nonsense')
  t.equal(odd.statusCode, 400)
  t.match(odd.body, /Select a report/)
})

t.test('a provider’s person gets the forbidden page; no session goes to sign-in', async (t) => {
  const person = await signedInStaff(h, { id: (await h.addProvider(north, { name: 'Own' })).userId }, 'own@x.example')
  t.equal((await person.get('/manage/reports')).statusCode, 403)
  t.equal((await h.app.inject({ url: '/manage/reports' })).statusCode, 303)
})
