// Reports through the API (README: Reports), against values worked out by hand: the research report's appendix Table 1
// rebuilt from stored responses (Chi-sq(3) = 8.9, p = 0.031; Fisher p = 0.18), the under-3 suppression rule and
// its secondary suppression, value for money medians and quartiles, operations counts and stage durations from
// the audit trail, CSV and SVG output, authorisation and bad queries.
import t, { type Test } from 'tap'
import { parse } from 'csv-parse/sync'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { renderBarChart } from '../../src/render/bar-chart-svg.js'
import { buildTestApp } from '../helpers/app.js'
import {
  answersAtScore,
  insertAssessment,
  insertAward,
  insertEvidence,
  insertResponses,
  insertStateChanges,
  OCC_LEVELS,
  PUBLISHED_AFFECT,
  PUBLISHED_TIME_USE
} from '../helpers/reports.js'

const h = await buildTestApp(t) // today is 2026-03-02
const [north, south] = h.councils
const get = async (token: string, url: string, headers: Record<string, string> = {}) =>
  await h.app.inject({ method: 'GET', url, headers: { ...h.auth(token), ...headers } })
const asNorth = async (url: string, headers: Record<string, string> = {}) =>
  await get(north.coordinator.token, url, headers)
const OUTCOMES = '/api/v1/reports/outcomes-by-size?from=2026-01-01&to=2026-02-28'
const VALUE = '/api/v1/reports/value-for-money?from=2025-10-01&to=2025-12-31'
const OPERATIONS = '/api/v1/reports/operations'

const provider = async (c: typeof north, fte: number, pounds: number) =>
  (await h.addProvider(c, { fte, hourlyPricePence: pounds * 100, name: `Provider ${fte} FTE` })).id
const micro = [
  await provider(north, 1, 16),
  await provider(north, 2, 18),
  await provider(north, 3, 20),
  await provider(north, 4, 22)
]
const small = [await provider(north, 10, 24), await provider(north, 20, 25), await provider(north, 30, 26)]
const medium = [await provider(north, 100, 28), await provider(north, 120, 30)]
const large = [await provider(north, 300, 35)]

/** Expands counts per OCC_NOW level into answer sets, with OCC_AFFECT "yes" for the first `yes` of them. */
const timeUse = (counts: readonly number[], yes: number) =>
  counts
    .flatMap((n, level) => Array.from({ length: n }, () => OCC_LEVELS[level] as string))
    .map((occ, i) => ({ OCC_NOW: occ, OCC_AFFECT: i < yes ? 'yes' : 'no' }))
const spread = <T>(items: T[], ways: number): T[][] =>
  Array.from({ length: ways }, (_, w) => items.filter((_, i) => i % ways === w))

// Table 1 in the period (received 2026-01-15). Micro: 29/19/10/0, 54 yes. Others 8/17/11/1 and 31 yes, split as
// small 6/14/10/0 (26 yes), medium 1/1/0/0 (2 yes: a band of 2 responses, one from each medium provider) and large
// 1/2/1/1 (3 yes, one provider).
const microAnswers = timeUse(PUBLISHED_TIME_USE.micro, PUBLISHED_AFFECT.micro.yes)
for (const [i, sets] of spread(microAnswers, 4).entries()) {
  await insertResponses(h, north, micro[i]!, sets, '2026-01-15')
}
for (const [i, sets] of spread(timeUse([6, 14, 10, 0], 26), 3).entries()) {
  await insertResponses(h, north, small[i]!, sets, '2026-01-15')
}
for (const [i, sets] of spread(timeUse([1, 1, 0, 0], 2), 2).entries()) {
  await insertResponses(h, north, medium[i]!, sets, '2026-01-15')
}
await insertResponses(h, north, large[0]!, timeUse([1, 2, 1, 1], 3), '2026-01-15')

// Value for money, received 2025-11-01: Q and G per provider worked out from the answers' scores.
// G = ((3−1) + (3−0)) / 2 = 2.5
const gained = { OCC_AFFECT: 'yes', OCC_WITHOUT: 'some_not_enough', CTL_AFFECT: 'yes', CTL_WITHOUT: 'none' }
await insertResponses(h, north, micro[0]!, [answersAtScore(3, gained)], '2025-11-01') // Q 100, G 2.5
await insertResponses(h, north, micro[1]!, [answersAtScore(2)], '2025-11-01') // Q 66.67, G 0
// Q (100 + 33.33) / 2 = 66.67, G 1.25
await insertResponses(h, north, micro[2]!, [answersAtScore(3, gained), answersAtScore(1)], '2025-11-01')
await insertResponses(h, north, small[0]!, [answersAtScore(3)], '2025-11-01') // the only small provider with feedback
await insertResponses(h, north, medium[0]!, [answersAtScore(0)], '2025-11-01')
// Outside both periods: counted by neither report (it would add a "nothing" to micro and a Q of 0).
await insertResponses(h, north, micro[3]!, [answersAtScore(0)], '2025-09-30')

// Southshire: three responses from three micro providers, and the operations fixtures.
const southMicro = await provider(south, 1, 15)
for (const p of [southMicro, await provider(south, 2, 15), await provider(south, 3, 15)]) {
  await insertResponses(h, south, p, timeUse([1, 0, 0, 0], 1), '2026-01-20')
}

t.test(
  "outcomes by size reproduces the research report's Table 1: counts, percentages, Chi-sq(3) = 8.9, p = 0.031",
  async (t) => {
    const res = await asNorth(`${OUTCOMES}&item=OCC_NOW`)
    t.equal(res.statusCode, 200, res.body)
    const body = res.json()
    t.same(body.item, {
      code: 'OCC_NOW',
      question: 'Thinking about how you spend your time, which is closest to your life now?'
    })
    t.same(
      body.answers.map((a: { value: string }) => a.value),
      OCC_LEVELS
    )
    t.equal(
      body.answers[0].label,
      'Doing things I value and enjoy, as much as I want',
      "plain wording of the scheme version's instrument"
    )
    t.same(body.period, { from: '2026-01-01', to: '2026-02-28' })
    const [m, o] = body.microVersusOthers.rows
    t.match(m, {
      group: 'micro',
      label: 'Micro providers',
      suppressed: false,
      n: 58,
      counts: [...PUBLISHED_TIME_USE.micro]
    })
    t.match(o, { group: 'others', suppressed: false, n: 37, counts: [...PUBLISHED_TIME_USE.others] })
    t.same(m.percentages.map(Math.round), [50, 33, 17, 0], 'the published 50/33/17/-')
    t.same(o.percentages.map(Math.round), [22, 46, 30, 3], 'the published 22/46/30/3')
    const chi = body.microVersusOthers.chiSquare
    t.equal(chi.computed, true)
    t.equal(chi.statistic.toFixed(1), '8.9')
    t.equal(chi.degreesOfFreedom, 3)
    t.equal(chi.pValue.toFixed(3), '0.031')
    t.same(body.microVersusOthers.fisher, { computed: false, reason: 'not_2x2' })
  }
)

t.test(
  'a band of 2 responses is hidden, and so is the next smallest band so it cannot be worked out from "others"',
  async (t) => {
    const body = (await asNorth(`${OUTCOMES}&item=OCC_NOW`)).json()
    const bands = body.bySizeBand
    t.same(bands.suppressedGroups, ['medium', 'large'])
    t.same(
      bands.rows[2],
      { group: 'medium', label: 'Medium providers', suppressed: true },
      'no size, no counts, no percentages'
    )
    t.same(bands.rows[3], { group: 'large', label: 'Large providers', suppressed: true })
    t.match(bands.rows[1], { group: 'small', n: 30, counts: [6, 14, 10, 0] })
    // others (37) − small (30) = 7 is all a reader can get: medium and large together, never medium alone.
    const shownSizes = bands.rows.flatMap((r: { n?: number }) => (r.n === undefined ? [] : [r.n]))
    t.same(shownSizes, [58, 30])
    // Tests run on the shown bands only: micro vs small, the empty "nothing" column dropped. By hand: totals 35/33/20
    // of 88; expected micro 23.07/21.75/13.18, small 11.93/11.25/6.82; Σ(O−E)²/E = 7.747 on (2−1)(3−1) = 2 df.
    t.equal(bands.chiSquare.statistic.toFixed(3), '7.747')
    t.equal(bands.chiSquare.degreesOfFreedom, 2)
    t.equal(bands.chiSquare.pValue.toFixed(4), '0.0208')
  }
)

t.test('the 2×2 "does the support affect how you spend your time" gives Fisher\'s exact p = 0.18', async (t) => {
  const body = (await asNorth(`${OUTCOMES}&item=OCC_AFFECT`)).json()
  t.same(
    body.answers.map((a: { label: string }) => a.label),
    ['Yes', 'No']
  )
  t.same(
    body.microVersusOthers.rows.map((r: { counts: number[] }) => r.counts),
    [
      [54, 4],
      [31, 6]
    ]
  )
  t.equal(body.microVersusOthers.fisher.computed, true)
  t.equal(body.microVersusOthers.fisher.pValue.toFixed(2), '0.18')
  t.equal(body.microVersusOthers.chiSquare.degreesOfFreedom, 1)
})

t.test('CSV by ?format=csv or Accept: text/csv, with a header row and the same figures', async (t) => {
  for (const [url, headers] of [
    [`${OUTCOMES}&item=OCC_NOW&format=csv`, {}],
    [`${OUTCOMES}&item=OCC_NOW`, { accept: 'text/csv' }]
  ] as const) {
    const res = await asNorth(url, headers)
    t.equal(res.statusCode, 200)
    t.match(res.headers['content-type'], /^text\/csv; charset=utf-8/)
    t.equal(
      res.headers['content-disposition'],
      'attachment; filename=outcomes-by-size-OCC_NOW-2026-01-01-2026-02-28.csv'
    )
    const [header, ...rows] = parse(res.body, { bom: true }) as string[][]
    t.same(header!.slice(0, 5), ['item', 'comparison', 'group', 'responses', 'suppressed'])
    t.ok(
      header!.includes('Doing some things I value and enjoy, but not enough (%)'),
      'a quoted comma stays in its cell'
    )
    const col = (name: string) => header!.indexOf(name)
    const microRow = rows[0]!
    t.same([microRow[1], microRow[2], microRow[3], microRow[4]], ['micro versus others', 'Micro providers', '58', 'no'])
    t.equal(microRow[col('Doing things I value and enjoy, as much as I want (n)')], '29')
    t.equal(microRow[col('Doing things I value and enjoy, as much as I want (%)')], '50')
    t.equal(microRow[col('chi-square')], '8.869')
    t.equal(microRow[col('degrees of freedom')], '3')
    t.equal(microRow[col('chi-square p-value')], '0.0311')
    const mediumRow = rows.find((r) => r[2] === 'Medium providers')!
    t.same(
      [mediumRow[3], mediumRow[4], mediumRow[col('Doing things I value and enjoy, as much as I want (n)')]],
      ['', 'yes', '']
    )
  }
  const json = await asNorth(`${OUTCOMES}&item=OCC_NOW`, { accept: 'application/json, text/csv;q=0.5' })
  t.match(json.headers['content-type'], /^application\/json/)
  t.equal(json.headers.vary, 'Accept')
})

const parseSvg = (t: Test, body: string) => {
  t.ok(body.startsWith('<svg'), 'an SVG document')
  t.equal(XMLValidator.validate(body), true, 'well-formed XML')
  return new XMLParser({ ignoreAttributes: false }).parse(body).svg
}

t.test('the outcomes chart is a well-formed, labelled SVG with title, description and percentages', async (t) => {
  const res = await asNorth('/api/v1/reports/outcomes-by-size/chart.svg?from=2026-01-01&to=2026-02-28&item=OCC_NOW')
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^image\/svg\+xml/)
  const svg = parseSvg(t, res.body)
  t.equal(svg['@_role'], 'img')
  t.match(svg.title['#text'], /Thinking about how you spend your time/)
  t.match(
    svg.desc['#text'],
    /Micro providers: 58 responses; All other providers: 37 responses\. Chi-square\(3\) = 8\.87, p = 0\.031/
  )
  t.match(res.body, '50% (29 of 58)')
  t.match(res.body, '22% (8 of 37)')

  const bands = await asNorth(
    '/api/v1/reports/outcomes-by-size/chart.svg?from=2026-01-01&to=2026-02-28&item=OCC_NOW&groups=size_band'
  )
  parseSvg(t, bands.body)
  t.match(bands.body, '>Not shown: Medium providers, Large providers. A group made of fewer than 3 providers')
  t.match(bands.body, '>Northshire Council. Responses received 2026-01-01 to 2026-02-28, scheme version 1')
  t.notMatch(bands.body, /of [25]\)/, 'no bar for the hidden bands')
})

t.test('the chart escapes text: wording with markup characters stays text', async (t) => {
  const svg = renderBarChart({
    title: 'Q&A <b>"bold"</b>',
    subtitle: 'A & B',
    description: "it's < 3",
    groups: [{ heading: 'A & B', min: 0, max: 1, bars: [{ label: '<x>', value: 1, text: '100%' }] }],
    notes: []
  })
  t.equal(XMLValidator.validate(svg), true)
  t.match(svg, '<title id="chart-title">Q&amp;A &lt;b&gt;&quot;bold&quot;&lt;/b&gt; (A &amp; B)</title>')
  t.notMatch(svg, '<b>')
})

t.test(
  'value for money: medians and quartiles of price, Q and G per band, providers behind each figure, small bands hidden',
  async (t) => {
    const res = await asNorth(VALUE)
    t.equal(res.statusCode, 200, res.body)
    const [microBand, smallBand, mediumBand, largeBand] = res.json().bands
    // Prices 16, 18, 20, 22: quantiles by linear interpolation (type 7): 17.5 / 19 / 20.5.
    t.same(microBand.hourlyPrice, { n: 4, median: 19, lowerQuartile: 17.5, upperQuartile: 20.5, interquartileRange: 3 })
    t.equal(microBand.providers, 4)
    // Q 100, 66.67, 66.67 (the fourth provider has no feedback in the period): median 66.67, upper quartile 83.335.
    t.equal(microBand.quality.n, 3)
    t.equal(microBand.quality.median, 66.67)
    t.equal(microBand.quality.upperQuartile.toFixed(3), '83.335')
    // G 2.5, 0, 1.25: median 1.25, quartiles 0.625 and 1.875.
    t.same(microBand.gain, { n: 3, median: 1.25, lowerQuartile: 0.625, upperQuartile: 1.875, interquartileRange: 1.25 })
    t.same(microBand.hiddenFigures, [])
    // Small: prices 24, 25, 26 shown; only one provider has feedback, so its Q and G are not shown.
    t.match(smallBand, {
      sizeBand: 'small',
      suppressed: false,
      providers: 3,
      hourlyPrice: { n: 3, median: 25 },
      quality: null,
      gain: null,
      hiddenFigures: ['quality', 'gain']
    })
    t.same(mediumBand, { sizeBand: 'medium', suppressed: true }, 'two providers: hidden')
    t.same(largeBand, { sizeBand: 'large', suppressed: true })

    const csv = await asNorth(`${VALUE}&format=csv`)
    const [header, ...rows] = parse(csv.body, { bom: true }) as string[][]
    t.same(header!.slice(0, 7), [
      'size band',
      'providers',
      'suppressed',
      'hourly price (GBP) median',
      'hourly price (GBP) lower quartile',
      'hourly price (GBP) upper quartile',
      'hourly price (GBP) providers'
    ])
    t.same(rows[0]!.slice(0, 7), ['micro', '4', 'no', '19', '17.5', '20.5', '4'])
    t.same(rows[2]!.slice(0, 4), ['medium', '', 'yes', ''])
    t.equal(rows[1]![header!.indexOf('figures hidden (fewer than 3 providers)')], 'Q; G')

    const chart = await asNorth('/api/v1/reports/value-for-money/chart.svg?from=2025-10-01&to=2025-12-31')
    const svg = parseSvg(t, chart.body)
    t.match(svg.title['#text'], /Value for money/)
    t.match(chart.body, '£19.00 (IQR £17.50 to £20.50; 4 providers)')
    t.notMatch(chart.body, '£28', 'nothing from the hidden medium band')
  }
)

t.test(
  'scheme operations: live awards by level, assessments by state, median days per stage, what expires soon',
  async (t) => {
    const p = southMicro
    const today = new Date('2026-03-02T00:00:00Z')
    const inDays = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10)
    await insertAward(h, south, p, { level: 'gold', status: 'active', validTo: inDays(20) })
    await insertAward(h, south, p, { level: 'silver', status: 'active', validTo: inDays(45) })
    await insertAward(h, south, p, { level: 'silver', status: 'renewal_due', validTo: inDays(80) })
    await insertAward(h, south, p, { level: 'bronze', status: 'suspended', validTo: inDays(200) })
    await insertAward(h, south, p, { level: 'gold', status: 'expired', validTo: '2026-01-01' })
    const x = await insertAssessment(h, south, p, 'decided')
    await insertStateChanges(h, south, x, [
      [null, 'draft', '2026-01-01T00:00:00Z'],
      ['draft', 'submitted', '2026-01-03T00:00:00Z'],
      ['submitted', 'under_review', '2026-01-04T00:00:00Z'],
      ['under_review', 'info_requested', '2026-01-08T00:00:00Z'],
      ['info_requested', 'under_review', '2026-01-10T00:00:00Z'],
      ['under_review', 'ready_for_decision', '2026-01-12T00:00:00Z'],
      ['ready_for_decision', 'decision_proposed', '2026-01-15T00:00:00Z'],
      ['decision_proposed', 'decision_proposed', '2026-01-16T00:00:00Z'], // the provider's comment: not a move
      ['decision_proposed', 'decided', '2026-01-20T00:00:00Z']
    ])
    const y = await insertAssessment(h, south, p, 'under_review')
    await insertStateChanges(h, south, y, [
      [null, 'draft', '2026-01-01T00:00:00Z'],
      ['draft', 'submitted', '2026-01-05T00:00:00Z'],
      ['submitted', 'under_review', '2026-01-08T00:00:00Z']
    ])
    await insertAssessment(h, south, p, 'draft')
    const w = await insertAssessment(h, south, p, 'info_requested')
    // Stays that ended before the period (from 2025-03-02 by default) are left out; the review ending in it counts: 365
    // days.
    await insertStateChanges(h, south, w, [
      [null, 'draft', '2024-12-01T00:00:00Z'],
      ['draft', 'submitted', '2025-01-01T00:00:00Z'],
      ['submitted', 'under_review', '2025-02-01T00:00:00Z'],
      ['under_review', 'info_requested', '2026-02-01T00:00:00Z']
    ])
    // Evidence of the open assessment y (the provider neither employs staff nor has items beyond the defaults).
    await insertEvidence(h, south, y, p, { itemCode: 'INS_PL', status: 'verified', expiresOn: inDays(10) }) // within 30
    // within 90
    await insertEvidence(h, south, y, p, { itemCode: 'SG_TRAIN', status: 'verified', expiresOn: inDays(70) })
    // not applicable: no staff
    await insertEvidence(h, south, y, p, { itemCode: 'INS_EL', status: 'verified', expiresOn: inDays(5) })
    // an item that does not expire
    await insertEvidence(h, south, y, p, { itemCode: 'DATA_PROT', status: 'verified', expiresOn: inDays(5) })
    // not verified
    await insertEvidence(h, south, y, p, { itemCode: 'INS_PI', status: 'submitted', expiresOn: inDays(15) })
    // already lapsed
    await insertEvidence(h, south, y, p, { itemCode: 'FIRST_AID', status: 'verified', expiresOn: inDays(-1) })

    const res = await get(south.coordinator.token, OPERATIONS)
    t.equal(res.statusCode, 200, res.body)
    const body = res.json()
    t.equal(body.asOf, '2026-03-02')
    t.same(body.period, { from: '2025-03-02', to: '2026-03-02' })
    t.same(body.awardsByLevel, [
      { level: 'gold', live: 1, suspended: 0 },
      { level: 'silver', live: 2, suspended: 0 },
      { level: 'bronze', live: 1, suspended: 1 }
    ])
    // decided: 5 behind awards + x; under_review: y + the three the feedback hangs on.
    t.same(
      Object.fromEntries(body.assessmentsByState.map((s: { state: string; count: number }) => [s.state, s.count])),
      {
        draft: 1,
        submitted: 0,
        under_review: 4,
        info_requested: 1,
        ready_for_decision: 0,
        decision_proposed: 0,
        decided: 6,
        withdrawn: 0
      }
    )
    const stage = (name: string) => body.stageDurations.find((s: { stage: string }) => s.stage === name)
    t.match(stage('draft'), { stays: 2, medianDays: 3 }) // x 2 days, y 4 days (w's ended before the period)
    t.match(stage('submitted'), { stays: 2, medianDays: 2 }) // x 1, y 3
    // x 4 and 2, w 365; y still in it
    t.match(stage('under_review'), { stays: 3, medianDays: 4, lowerQuartileDays: 3, upperQuartileDays: 184.5 })
    t.match(stage('info_requested'), { stays: 1, medianDays: 2 })
    t.match(stage('ready_for_decision'), { stays: 1, medianDays: 3 })
    t.match(stage('decision_proposed'), { stays: 1, medianDays: 5 })
    t.notOk(body.stageDurations.some((s: { stage: string }) => s.stage === 'decided' || s.stage === 'withdrawn'))
    t.same(body.expiring, [
      { withinDays: 30, awards: 1, evidence: 1 },
      { withinDays: 60, awards: 2, evidence: 1 },
      { withinDays: 90, awards: 3, evidence: 2 }
    ])

    const csv = await get(south.coordinator.token, `${OPERATIONS}?format=csv`)
    const [header, ...rows] = parse(csv.body, { bom: true }) as string[][]
    t.same(header, ['section', 'name', 'value', 'finished stays'])
    t.same(rows.slice(0, 3), [
      ['council', 'Southshire Council', '', ''],
      ['as of', '2026-03-02', '', ''],
      ['stage durations for stays ended', '2025-03-02 to 2026-03-02', '', '']
    ])
    t.ok(rows.some((r) => r.join('|') === 'median days in stage|under_review|4|3'))
    t.ok(rows.some((r) => r.join('|') === 'expiring within 90 days|evidence|2|'))
    t.ok(rows.some((r) => r.join('|') === 'live awards|silver|2|'))

    const chart = await get(south.coordinator.token, `${OPERATIONS}/chart.svg`)
    const svg = parseSvg(t, chart.body)
    t.match(svg.title['#text'], 'Quality Mark scheme operations')
    t.match(chart.body, '2 (50%)', 'silver: 2 of 4 live awards')

    // Northshire has no awards: another council's are never counted.
    const north = (await asNorth(OPERATIONS)).json()
    t.same(
      north.awardsByLevel.map((a: { live: number }) => a.live),
      [0, 0, 0]
    )
  }
)

t.test('co-ordinators and reviewers of the council only; each council sees its own responses', async (t) => {
  const providerUser = await h.addProvider(north, { fte: 2 })
  for (const url of [
    `${OUTCOMES}&item=OCC_NOW`,
    '/api/v1/reports/outcomes-by-size/chart.svg?item=OCC_NOW',
    VALUE,
    '/api/v1/reports/value-for-money/chart.svg',
    OPERATIONS,
    `${OPERATIONS}/chart.svg`
  ]) {
    const res = await get(providerUser.token, url)
    t.equal(res.statusCode, 403, `provider: ${url}`)
    t.match(res.headers['content-type'], /application\/problem\+json/)
    t.equal((await h.app.inject({ url })).statusCode, 401, `anonymous: ${url}`)
  }
  t.equal(
    (await get(north.reviewer.token, `${OUTCOMES}&item=OCC_NOW`)).statusCode,
    200,
    'reviewers have co-ordinator rights'
  )
  const southView = (await get(south.coordinator.token, `${OUTCOMES}&item=OCC_NOW`)).json()
  t.match(southView.microVersusOthers.rows[0], { group: 'micro', n: 3, counts: [3, 0, 0, 0] })
  t.match(southView.microVersusOthers.rows[1], { group: 'others', n: 0 })
  t.same(southView.microVersusOthers.chiSquare, { computed: false, reason: 'one_group' })
  t.equal(southView.councilId, south.id)
  const sneaky = await get(south.coordinator.token, `${OUTCOMES}&item=OCC_NOW&councilId=${north.id}`)
  t.equal(sneaky.statusCode, 400, 'no way to ask for another council')
})

t.test(
  'bad queries are problems naming the field: 400 for malformed, 422 for an item the instrument lacks',
  async (t) => {
    const cases: Array<[string, number, string]> = [
      ['/api/v1/reports/outcomes-by-size', 400, 'querystring.item'],
      [`${OUTCOMES}&item=occ_now`, 400, 'querystring.item'],
      ['/api/v1/reports/outcomes-by-size?item=OCC_NOW&from=2026-03-01&to=2026-01-01', 400, 'querystring.from'],
      ['/api/v1/reports/outcomes-by-size?item=OCC_NOW&from=2026-02-30', 400, 'querystring.from'],
      [`${OUTCOMES}&item=OCC_NOW&format=xml`, 400, 'querystring.format'],
      [`${VALUE}&schemeVersion=first`, 400, 'querystring.schemeVersion'],
      [`${OPERATIONS}?to=tomorrow`, 400, 'querystring.to'],
      [`${OUTCOMES}&item=NOPE`, 422, 'item'],
      [`${OUTCOMES}&item=COMMENT`, 422, 'item'],
      ['/api/v1/reports/outcomes-by-size/chart.svg?item=NOPE', 422, 'item']
    ]
    for (const [url, status, path] of cases) {
      const res = await asNorth(url)
      t.equal(res.statusCode, status, url)
      t.match(res.headers['content-type'], /application\/problem\+json/)
      t.ok(
        res.json().errors.some((e: { path: string }) => e.path === path),
        `${url} names ${path}: ${res.body}`
      )
    }
    t.equal(
      (await asNorth(`${OUTCOMES}&item=OCC_NOW&schemeVersion=9`)).statusCode,
      404,
      'no such published scheme version'
    )
  }
)

t.test('the OpenAPI document lists the reports under their tag', async (t) => {
  const doc = (await h.app.inject({ url: '/openapi.json' })).json()
  t.ok(doc.tags.some((tag: { name: string }) => tag.name === 'reports'))
  for (const path of [
    '/api/v1/reports/outcomes-by-size',
    '/api/v1/reports/outcomes-by-size/chart.svg',
    '/api/v1/reports/value-for-money',
    '/api/v1/reports/operations/chart.svg'
  ]) {
    t.ok(doc.paths[path]?.get, path)
  }
  t.ok(doc.components.schemas.OutcomesBySizeReport)
})
