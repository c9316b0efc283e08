// A provider's page says what was checked and when (never the documents) and how feedback was gathered (never the
// answers, never a group under 3), and prints; the council's About page reads the scheme in force; its
// accessibility statement and privacy notice come from its settings (set through the admin API) and every footer
// links them; the public pages set no cookie.
import t from 'tap'
import { evidence, evidenceFiles, feedbackResponses, schemeVersions } from '../../src/db/schema/index.js'
import { createDefaultSchemeDocument } from '../../src/domain/scheme/index.js'
import { buildTestApp } from '../helpers/app.js'
import { addAssessment, bestAnswers, makeLinks, pathOf } from '../helpers/feedback.js'
import { publishAward } from '../helpers/publication.js'

const h = await buildTestApp(t)
const [north] = h.councils
const ann = await h.addProvider(north, { name: "Ann's Home Help", contact: { phone: '01943 000001' } })
const bob = await h.addProvider(north, { name: "Bob's Day Club" })
const annAward = await publishAward(h, north, ann.id, { level: 'gold' })
const bobAward = await publishAward(h, north, bob.id, { level: 'silver' })

async function verify (itemCode: string, reviewedAt: string, status: 'verified' | 'rejected' = 'verified') {
  const [row] = await h.db.db
    .insert(evidence)
    .values({
      councilId: north.id,
      assessmentId: annAward.assessmentId,
      providerId: ann.id,
      itemCode,
      kind: 'document',
      status,
      narrative: 'SECRET NARRATIVE',
      reviewerNote: 'SECRET NOTE',
      issuedOn: '2026-01-01',
      reviewedAt: new Date(reviewedAt)
    })
    .returning()
  await h.db.db.insert(evidenceFiles).values({
    councilId: north.id,
    evidenceId: row!.id,
    filename: 'SECRET-FILE.pdf',
    mediaType: 'application/pdf',
    sizeBytes: 4,
    sha256: '00'
  })
}
await verify('INS_PL', '2026-02-10T12:00:00Z')
await verify('INS_PL', '2026-02-12T12:00:00Z') // a second piece for the same item: the later day counts
await verify('DBS_ENH', '2026-02-11T09:00:00Z')
await verify('SG_POLICY', '2026-02-11T09:00:00Z', 'rejected')

async function responses (assessmentId: string, providerId: string, days: string[]) {
  for (const receivedOn of days) {
    await h.db.db.insert(feedbackResponses).values({
      councilId: north.id,
      assessmentId,
      providerId,
      respondentType: 'person',
      mode: 'self',
      instrumentVersion: 1,
      sizeBand: 'micro',
      answers: { SAFE: 'as_safe_as_i_want' },
      comment: 'SECRET COMMENT',
      commentStatus: 'approved',
      receivedOn
    })
  }
}
await responses(annAward.assessmentId, ann.id, ['2026-01-20', '2026-02-03', '2026-02-14', '2026-02-14'])
await responses(bobAward.assessmentId, bob.id, ['2026-02-01', '2026-02-02'])

/** The page with its white space collapsed, as a reader sees the text. */
const get = async (url: string) => {
  const res = await h.app.inject({ url })
  return Object.assign(res, { text: res.body.replace(/\s+/g, ' ') })
}
const providerPage = async (id: string, query = '') => await get(`/directory/northshire/providers/${id}${query}`)

t.test('what was checked and when: the verified items with their days, never the documents', async (t) => {
  const res = await providerPage(ann.id)
  t.equal(res.statusCode, 200)
  t.match(res.body, /Public liability insurance[^<]*<\/th>\s*<td[^>]*>\s*12 February 2026/)
  t.match(res.body, /DBS[^<]*<\/th>\s*<td[^>]*>\s*11 February 2026/i)
  t.notMatch(res.body, /Safeguarding adults policy/, 'a rejected piece is not a check made')
  t.notMatch(res.body, /SECRET/, 'no narrative, note, file name or comment')
  t.notMatch(res.body, /evidence_files|\.pdf/)
  const order = [...res.body.matchAll(/<th scope="row" class="govuk-table__header">([^<]+)<\/th>/g)].map((m) => m[1])
  t.equal(order.length, 2)
  t.match(order[0], /Public liability/, "in the scheme's checklist order")
})

t.test('how feedback was gathered: how many people and when, never answers or a group under 3', async (t) => {
  const ann1 = (await providerPage(ann.id)).text
  t.match(ann1, '4 people who use the service, or their carers, answered the council’s questions between ' +
    '20 January 2026 and 14 February 2026.')
  t.notMatch(ann1, /as_safe_as_i_want|As safe as I want/i, 'no answer')
  const bob1 = (await providerPage(bob.id)).text
  t.match(bob1, 'Feedback came from fewer than 3 people, so no more is shown')
  t.notMatch(bob1, /2 people|1 February 2026|2 February 2026/, 'neither the count nor the days of a small group')
  t.match(bob1, 'The council has not published the checks behind this mark.')
})

t.test('a printable version: no header, navigation or footer, and a way back; without JavaScript', async (t) => {
  const screen = (await providerPage(ann.id)).body
  t.match(screen, `href="/directory/northshire/providers/${ann.id}?print=yes">Print this page</a>`)
  t.match(screen, 'govuk-service-navigation')
  const print = await providerPage(ann.id, '?print=yes')
  t.equal(print.statusCode, 200)
  t.notMatch(print.body, 'govuk-service-navigation')
  t.notMatch(print.body, 'govuk-generic-header')
  t.notMatch(print.body, 'Print this page')
  t.match(print.text, 'Use your browser’s Print command')
  t.match(print.body, 'What was checked')
  t.match(print.body, `href="/directory/northshire/providers/${ann.id}">Back to the page</a>`)
})

t.test('the About page reads the scheme version in force, not hard-coded values', async (t) => {
  const first = (await get('/directory/northshire/about')).text
  t.match(first, 'version 1')
  t.match(first, 'A feedback score of at least 85 out of 100.')
  t.match(first, 'A mark lasts 12 months.')
  t.match(first, 'Public liability insurance')
  t.match(first, 'How it differs from a CQC rating')
  t.match(first, 'a CQC rating of Inadequate means no mark can be awarded')
  t.match(first, 'How to raise a concern')
  const doc = createDefaultSchemeDocument()
  doc.title = 'Northshire Quality Mark 2027'
  doc.thresholds.feedback.gold.qMin = 90
  doc.settings.awardValidityMonths = 18
  doc.settings.gracePeriodDays = 21
  await h.db.db.insert(schemeVersions).values({ councilId: north.id, number: 2, status: 'published', document: doc })
  await h.db.db.insert(schemeVersions).values({
    councilId: north.id,
    number: 3,
    status: 'draft',
    document: { ...doc, title: 'NOT IN FORCE' }
  })
  const now = (await get('/directory/northshire/about')).text
  t.match(now, '“Northshire Quality Mark 2027”, version 2')
  t.match(now, 'A feedback score of at least 90 out of 100.')
  t.match(now, 'A mark lasts 18 months.')
  t.match(now, 'not renewed within 21 days')
  t.notMatch(now, 'NOT IN FORCE', 'a draft is not in force')
  t.match((await get('/directory/southshire/about')).text, 'A feedback score of at least 85 out of 100.', 'per council')
  t.equal((await get('/directory/nowhere/about')).statusCode, 404)
})

t.test('accessibility statement and privacy notice from the council settings, linked from every footer',
  async (t) => {
    const admin = h.auth(h.admin.token)
    const read = await h.app.inject({ url: `/api/v1/councils/${north.id}`, headers: admin })
    const bad = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/councils/${north.id}`,
      headers: { ...admin, 'if-match': read.headers.etag as string },
      payload: { accessibilityEmail: 'not an email', safeguardingPhone: 'call us' }
    })
    t.equal(bad.statusCode, 400)
    t.match(JSON.stringify(bad.json().errors), /accessibilityEmail[\s\S]*safeguardingPhone|safeguardingPhone[\s\S]*accessibilityEmail/)
    const set = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/councils/${north.id}`,
      headers: { ...admin, 'if-match': read.headers.etag as string },
      payload: {
        contactEmail: 'quality@northshire.example',
        accessibilityEmail: 'access@northshire.example',
        dataProtectionEmail: 'dpo@northshire.example',
        safeguardingPhone: '0113 222 4401'
      }
    })
    t.equal(set.statusCode, 200)
    t.match(set.json(), { accessibilityEmail: 'access@northshire.example', safeguardingPhone: '0113 222 4401' })

    const a11y = await get('/directory/northshire/accessibility')
    t.equal(a11y.statusCode, 200)
    t.match(a11y.body, '<a class="govuk-link" href="mailto:access@northshire.example">access@northshire.example</a>')
    t.match(a11y.body, 'Enforcement procedure')
    const privacy = await get('/directory/northshire/privacy')
    t.match(privacy.body, '<a class="govuk-link" href="mailto:dpo@northshire.example">dpo@northshire.example</a>')
    t.match(privacy.text, 'deleted after 365 days', 'the retention of the scheme in force')
    const about = await get('/directory/northshire/about')
    t.match(about.body, '<a class="govuk-link" href="tel:01132224401">0113 222 4401</a>', 'the safeguarding phone')
    t.match(about.body, 'href="mailto:quality@northshire.example"')
    const fallback = await get('/directory/southshire/accessibility')
    t.match(fallback.text, 'or you find a problem, email the council.', 'no contact set: said plainly, no empty link')

    for (const url of ['/directory/northshire', `/directory/northshire/providers/${ann.id}`,
      '/directory/northshire/about', '/directory/northshire/privacy']) {
      const body = (await get(url)).body
      const footer = body.slice(body.indexOf('govuk-footer'))
      t.match(footer, 'href="/directory/northshire/accessibility">Accessibility statement</a>', url)
      t.match(footer, 'href="/directory/northshire/privacy">Privacy notice</a>', url)
    }
    const home = await get('/')
    t.match(home.body, 'href="/accessibility">Accessibility statement</a>')
    const list = await get('/accessibility')
    t.match(list.body, 'href="/directory/northshire/accessibility"')
    t.match(list.body, 'href="/directory/southshire/accessibility"')
    t.match((await get('/privacy')).body, 'href="/directory/southshire/privacy"')
  })

t.test('the directory pages set no cookie (the privacy notice says so)', async (t) => {
  const pages = ['', `/providers/${ann.id}`, '/about', '/accessibility', '/privacy']
    .map((p) => `/directory/northshire${p}`)
  for (const url of [...pages, '/', '/accessibility']) {
    t.equal((await get(url)).headers['set-cookie'], undefined, url)
  }
})

t.test('the feedback form: the council’s safeguarding phone by the worry box, and a text field for the worry',
  async (t) => {
    const [first, second] = await makeLinks(h, north, await addAssessment(h, north, ann.id), { count: 2 })
    const form = await get(pathOf(first!))
    t.equal(form.statusCode, 200)
    t.match(form.text, 'To talk to someone now, call Northshire Council’s adult safeguarding team on')
    t.match(form.body, '<a class="govuk-link" href="tel:01132224401">0113 222 4401</a>')
    t.match(form.body, /<textarea[^>]*name="safeguardingDetail"[^>]*maxlength="1000"/)
    t.match(form.body, 'govuk-checkboxes__conditional', 'revealed by the box with JavaScript; always shown without')
    t.match((await get(`${pathOf(first!)}?version=easy`)).text, /To talk to someone now, phone <a[^>]*>0113 222 4401</)

    const send = async (link: string, fields: Record<string, string>) =>
      await h.app.inject({
        method: 'POST',
        url: pathOf(link),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ ...bestAnswers(), version: 'standard', ...fields }).toString()
      })
    const ticked = await send(first!, { safeguarding: 'yes', safeguardingDetail: 'Money goes missing from my purse' })
    t.equal(ticked.statusCode, 303)
    const unticked = await send(second!, { safeguardingDetail: 'Someone shouts at my neighbour' })
    t.equal(unticked.statusCode, 303, 'a worry written down without ticking the box is still a worry')
    const concerns = await h.app.inject({ url: '/api/v1/concerns', headers: h.auth(north.coordinator.token) })
    const summaries = (concerns.json().items as Array<{ summary: string }>).map((c) => c.summary).join('\n')
    t.match(summaries, 'In their words: Money goes missing from my purse')
    t.match(summaries, 'In their words: Someone shouts at my neighbour')
    const responses = await h.app.inject({ url: `/api/v1/providers/${ann.id}`, headers: h.auth(ann.token) })
    t.notMatch(responses.body, /purse|neighbour/, 'never on the provider’s record')
  })
