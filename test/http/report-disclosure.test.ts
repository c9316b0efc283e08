// What the reports may disclose and how they stay put (README: Reports): no group made of fewer than 3 providers, in
// the JSON, the CSV or the chart, and saying so; each response keeps the provider's size band as it was when it was
// given (through interview entry and through held-then-released link answers), so figures do not move when a
// provider grows or the council moves its micro bound; the CSV and the chart name the council, the period, the
// scheme and instrument versions and the small-expected-count warning; interview days are checked.
import { eq } from 'drizzle-orm'
import t from 'tap'
import { parse } from 'csv-parse/sync'
import { feedbackResponses } from '../../src/db/schema/index.js'
import { buildTestApp } from '../helpers/app.js'
import { addAssessment, bestAnswers, makeLinks, pathOf } from '../helpers/feedback.js'

const h = await buildTestApp(t) // today is 2026-03-02
const [north] = h.councils
const staff = h.auth(north.coordinator.token)
const OUTCOMES = '/api/v1/reports/outcomes-by-size?item=OCC_NOW&from=2026-01-01&to=2026-03-31'

const interview = async (assessmentId: string, occNow: string, receivedOn?: string) =>
  await h.app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${assessmentId}/feedback-responses`,
    headers: staff,
    payload: {
      respondentType: 'person',
      mode: 'interview',
      answers: { ...bestAnswers(), OCC_NOW: occNow },
      ...(receivedOn === undefined ? {} : { receivedOn })
    }
  })
const sendLink = async (link: string) =>
  await h.app.inject({
    method: 'POST',
    url: pathOf(link),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(bestAnswers()).toString()
  })
const changeFte = async (providerId: string, fte: number) => {
  const url = `/api/v1/providers/${providerId}`
  const etag = (await h.app.inject({ url, headers: staff })).headers.etag as string
  const res = await h.app.inject({ method: 'PATCH', url, headers: { ...staff, 'if-match': etag }, payload: { fte } })
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`)
  return res.json().sizeBand as string
}
const bandsOf = async (assessmentId: string) =>
  (
    await h.db.db
      .select({ sizeBand: feedbackResponses.sizeBand })
      .from(feedbackResponses)
      .where(eq(feedbackResponses.assessmentId, assessmentId))
  )
    .map((r) => r.sizeBand)
    .sort()

// Three micro providers, two answers each; three small providers, one each; one medium provider with five answers.
const named = async (name: string, fte: number) => (await h.addProvider(north, { name, fte })).id
const micro = [await named('Micro One', 1), await named('Micro Two', 2), await named('Micro Three', 3)]
const small = [await named('Small One', 10), await named('Small Two', 11), await named('Small Three', 12)]
const medium = await named('Only Medium Ltd', 100)
const assessmentOf = new Map<string, string>()
for (const p of [...micro, ...small, medium]) assessmentOf.set(p, await addAssessment(h, north, p))
for (const p of micro) {
  for (const occ of ['as_i_want', 'enough']) t.equal((await interview(assessmentOf.get(p)!, occ)).statusCode, 201)
}
for (const p of small) t.equal((await interview(assessmentOf.get(p)!, 'some_not_enough')).statusCode, 201)
for (let i = 0; i < 5; i++) t.equal((await interview(assessmentOf.get(medium)!, 'nothing')).statusCode, 201)

t.test('a band of one provider is hidden however many answers it has, with the band it would reveal', async (t) => {
  const body = (await h.app.inject({ url: OUTCOMES, headers: staff })).json()
  t.equal(body.councilName, 'Northshire Council')
  t.match(body.microVersusOthers.rows, [
    { group: 'micro', suppressed: false, n: 6 },
    { group: 'others', suppressed: false, n: 8 }
  ])
  t.same(body.bySizeBand.suppressedGroups, ['small', 'medium'], 'medium is one business; small would give it away')
  t.same(body.bySizeBand.rows[2], { group: 'medium', label: 'Medium providers', suppressed: true })
  t.same(body.bySizeBand.chiSquare, { computed: false, reason: 'suppressed' })
  t.match(body.notes[0], /^Not shown: Small providers, Medium providers\. A group made of fewer than 3 providers/)
  t.ok(body.microVersusOthers.chiSquare.lowExpectedShare > 0.2, 'expected counts are small here')
  t.match(body.notes[1], /^Micro versus others: \d+% of cells have an expected count below 5/)

  const csv = await h.app.inject({ url: `${OUTCOMES}&format=csv`, headers: staff })
  const [header, ...rows] = parse(csv.body, { bom: true }) as string[][]
  const cell = (row: string[], name: string) => row[header!.indexOf(name)]
  const first = rows[0]!
  t.same(
    ['council', 'period from', 'period to', 'scheme version', 'instrument version'].map((c) => cell(first, c)),
    ['Northshire Council', '2026-01-01', '2026-03-31', '1', '1']
  )
  t.match(cell(first, 'warning'), /^Micro versus others: \d+% of cells have an expected count below 5/)
  t.ok(Number(cell(first, 'cells with expected count below 5 (share)')) > 0.2)
  t.match(cell(first, 'notes'), 'Not shown: Small providers, Medium providers.')
  const mediumRow = rows.find((r) => r[2] === 'Medium providers')!
  t.same([cell(mediumRow, 'responses'), cell(mediumRow, 'suppressed')], ['', 'yes'])
  const counts = header!.flatMap((name, i) => (/\((n|%)\)$/.test(name) ? [mediumRow[i]] : []))
  t.ok(counts.length === 8 && counts.every((c) => c === ''), 'no count or percentage for the medium band')

  const chart = await h.app.inject({ url: OUTCOMES.replace('?', '/chart.svg?') + '&groups=size_band', headers: staff })
  t.equal(chart.statusCode, 200)
  t.match(chart.body, '>Northshire Council. Responses received 2026-01-01 to 2026-03-31, scheme version 1')
  t.match(chart.body, '>Not shown: Small providers, Medium providers.')
  t.notMatch(chart.body, /of 5\)/, 'no bar for the medium provider')
  const pairs = await h.app.inject({ url: OUTCOMES.replace('?', '/chart.svg?'), headers: staff })
  t.match(pairs.body, /Micro versus others: \d+% of cells have an expected count below 5/)
})

t.test('the value for money report says which bands it hides, in JSON, CSV and chart', async (t) => {
  const url = '/api/v1/reports/value-for-money?from=2026-01-01&to=2026-03-31'
  const body = (await h.app.inject({ url, headers: staff })).json()
  t.equal(body.councilName, 'Northshire Council')
  t.same(body.bands[2], { sizeBand: 'medium', suppressed: true })
  t.match(body.notes, [/^Not shown: medium providers\. A group made of fewer than 3 providers/])
  const [header, first] = parse((await h.app.inject({ url: `${url}&format=csv`, headers: staff })).body, {
    bom: true
  }) as string[][]
  t.equal(first![header!.indexOf('council')], 'Northshire Council')
  t.equal(first![header!.indexOf('scheme version')], '1')
  t.match(first![header!.indexOf('notes')], 'Not shown: medium providers.')
  const chart = await h.app.inject({ url: url.replace('?', '/chart.svg?'), headers: staff })
  t.match(chart.body, '>Northshire Council. Feedback received 2026-01-01 to 2026-03-31, scheme version 1')
})

t.test('responses keep the band they were given in: growing or moving the micro bound changes no figure', async (t) => {
  const before = (await h.app.inject({ url: OUTCOMES, headers: staff })).json()
  const valueBefore = (await h.app.inject({ url: '/api/v1/reports/value-for-money?from=2026-01-01', headers: staff }))
    .json()
  t.equal(await changeFte(micro[0]!, 20), 'small', 'Micro One grew')
  const council = await h.app.inject({ url: `/api/v1/councils/${north.id}`, headers: h.auth(h.admin.token) })
  const moved = await h.app.inject({
    method: 'PATCH',
    url: `/api/v1/councils/${north.id}`,
    headers: { ...h.auth(h.admin.token), 'if-match': council.headers.etag as string },
    payload: { microMaxFte: 1.5 }
  })
  t.equal(moved.statusCode, 200, moved.body)
  const now = (await h.app.inject({ url: `/api/v1/providers/${micro[1]!}`, headers: staff })).json()
  t.equal(now.sizeBand, 'small', 'Micro Two is small under the new bound')
  t.same((await h.app.inject({ url: OUTCOMES, headers: staff })).json(), before, 'the same report, figure for figure')
  const valueAfter = await h.app.inject({ url: '/api/v1/reports/value-for-money?from=2026-01-01', headers: staff })
  t.same(valueAfter.json().bands.slice(1), valueBefore.bands.slice(1), 'quality and gain stay in their bands')
  t.same(await bandsOf(assessmentOf.get(micro[0]!)!), ['micro', 'micro'], 'stored with each response')

  t.equal((await interview(assessmentOf.get(micro[0]!)!, 'as_i_want')).statusCode, 201)
  t.same(await bandsOf(assessmentOf.get(micro[0]!)!), ['micro', 'micro', 'small'], 'a new answer has the band now')
})

t.test('link answers keep the band of the day they were received, through holding and release', async (t) => {
  const p = await named('Growing Link Care', 1)
  const id = await addAssessment(h, north, p)
  const links = await makeLinks(h, north, id, { count: 3 })
  t.equal((await sendLink(links[0]!)).statusCode, 303)
  t.equal(await changeFte(p, 40), 'small')
  t.equal((await sendLink(links[1]!)).statusCode, 303)
  t.same(await bandsOf(id), [], 'still held')
  t.equal((await sendLink(links[2]!)).statusCode, 303)
  t.same(await bandsOf(id), ['micro', 'small', 'small'], 'released with the band each had when it arrived')
})

t.test('interview entry refuses a day before the assessment opened or in the future, naming the field', async (t) => {
  const id = assessmentOf.get(small[0]!)!
  for (const [day, message] of [
    ['2026-03-01', 'must not be before the assessment was opened (2026-03-02)'],
    ['2026-03-03', 'must not be in the future']
  ] as const) {
    const res = await interview(id, 'enough', day)
    t.equal(res.statusCode, 422, res.body)
    t.match(res.headers['content-type'], /application\/problem\+json/)
    t.same(res.json().errors, [{ path: 'body.receivedOn', message }])
  }
  t.equal((await interview(id, 'enough', '2026-03-02')).statusCode, 201, 'the opening day itself is fine')
})
