// Scheme versions through the API: the default v1 of every council, one draft at a time, edit with If-Match,
// validation listing every problem, publish and immutability, diff, who may read what, the what-if scorer, audit.
import t from 'tap'
import { normaliseFeedbackAnswers } from '../../src/domain/feedback/index.js'
import { createDefaultSchemeDocument, listApplicableItems, type SchemeDocument } from '../../src/domain/scheme/index.js'
import type { CqcRating } from '../../src/domain/scheme/index.js'
import { scoreAssessment, type ConcernInput } from '../../src/domain/scoring/index.js'
import { buildTestApp } from '../helpers/app.js'
import { onRealPostgres } from '../helpers/database.js'

const h = await buildTestApp(t)
const [north, south] = h.councils
const staff = h.auth(north.coordinator.token)
const reviewer = h.auth(north.reviewer.token)
const southStaff = h.auth(south.coordinator.token)
const provider = await h.addProvider(north)
const asProvider = h.auth(provider.token)
const base = '/api/v1/scheme-versions'
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

interface Version {
  id: string
  number: number
  status: string
  version: number
  basedOnId: string | null
  document: SchemeDocument
}

async function currentVersion (headers: Record<string, string>): Promise<Version> {
  const res = await h.app.inject({ url: `${base}/current`, headers })
  t.equal(res.statusCode, 200, res.body)
  return res.json()
}

async function startDraft (headers: Record<string, string>, fromVersionId?: string): Promise<Version> {
  const res = await h.app.inject({
    method: 'POST',
    url: base,
    headers,
    payload: fromVersionId === undefined ? {} : { fromVersionId }
  })
  t.equal(res.statusCode, 201, res.body)
  return res.json()
}

const putDocument = async (id: string, etag: string, document: unknown) =>
  await h.app.inject({
    method: 'PUT',
    url: `${base}/${id}/document`,
    headers: { ...staff, 'if-match': etag },
    payload: document as object
  })

t.test('every council starts with the default scheme published as version 1', async (t) => {
  const list = await h.app.inject({ url: base, headers: staff })
  t.equal(list.statusCode, 200, list.body)
  t.match(list.json().items, [
    { number: 1, status: 'published', basedOnId: null, title: createDefaultSchemeDocument().title }
  ])
  t.equal(list.json().items.length, 1)
  const current = await currentVersion(staff)
  t.same(current.document, json(createDefaultSchemeDocument()), 'the document is the default, item for item')
  // a council created through the API after start-up gets its own
  const created = await h.app.inject({
    method: 'POST',
    url: '/api/v1/councils',
    headers: h.auth(h.admin.token),
    payload: { slug: 'westshire', name: 'Westshire Council' }
  })
  t.equal(created.statusCode, 201, created.body)
  const versions = await h.db.db.query.schemeVersions.findMany({
    where: (v, { eq }) => eq(v.councilId, created.json().id)
  })
  t.match(versions, [{ number: 1, status: 'published' }])
  t.equal(versions.length, 1)
})

t.test('a provider reads published versions of its council, never drafts; another council sees nothing', async (t) => {
  const v1 = await currentVersion(staff)
  t.equal((await h.app.inject({ url: `${base}/${v1.id}`, headers: asProvider })).statusCode, 200)
  t.equal((await currentVersion(asProvider)).id, v1.id)
  const draft = await startDraft(staff)
  try {
    t.equal(
      (await h.app.inject({ url: `${base}/${draft.id}`, headers: asProvider })).statusCode,
      404,
      'a draft is not found for a provider'
    )
    t.equal(
      (await h.app.inject({ url: `${base}/${draft.id}/diff?from=${v1.id}`, headers: asProvider })).statusCode,
      404
    )
    const providerList = (await h.app.inject({ url: `${base}?status=draft`, headers: asProvider })).json().items
    t.same(
      providerList.map((v: Version) => v.status),
      ['published'],
      "a provider's list holds published versions only"
    )
    const staffList = (await h.app.inject({ url: `${base}?status=draft`, headers: staff })).json().items
    t.same(
      staffList.map((v: Version) => v.id),
      [draft.id]
    )
    for (const id of [v1.id, draft.id]) {
      t.equal(
        (await h.app.inject({ url: `${base}/${id}`, headers: southStaff })).statusCode,
        404,
        'another council: 404'
      )
      t.equal(
        (
          await h.app.inject({
            method: 'POST',
            url: `${base}/${id}/what-if`,
            headers: southStaff,
            payload: { profile: { flags: {}, activeClients: 1 } }
          })
        ).statusCode,
        404
      )
    }
    const southList = (await h.app.inject({ url: base, headers: southStaff })).json().items
    t.notOk(
      southList.some((v: Version) => v.id === v1.id || v.id === draft.id),
      'south lists only its own'
    )
    t.equal(
      (
        await h.app.inject({
          method: 'PUT',
          url: `${base}/${draft.id}/document`,
          headers: { ...southStaff, 'if-match': '"v1"' },
          payload: draft.document
        })
      ).statusCode,
      404
    )
    t.equal(
      (await h.app.inject({ method: 'POST', url: base, headers: asProvider, payload: {} })).statusCode,
      403,
      'providers do not draft'
    )
    t.equal(
      (await h.app.inject({ method: 'POST', url: base, headers: southStaff, payload: { fromVersionId: v1.id } }))
        .statusCode,
      404,
      "nor copy another council's"
    )
  } finally {
    t.equal(
      (await h.app.inject({ method: 'DELETE', url: `${base}/${draft.id}`, headers: { ...staff, 'if-match': '"v1"' } }))
        .statusCode,
      204
    )
  }
})

t.test(
  'draft → edit (If-Match) → publish; published versions are immutable; diff and audit show each step',
  async (t) => {
    const v1 = await currentVersion(staff)
    const draft = await startDraft(staff, v1.id)
    t.match(draft, { number: 2, status: 'draft', basedOnId: v1.id, version: 1 })
    t.same(draft.document, v1.document, 'a copy of the version it came from')
    const second = await h.app.inject({
      method: 'POST',
      url: base,
      headers: h.auth(north.coordinator2.token),
      payload: {}
    })
    t.equal(second.statusCode, 409, 'one draft at a time')
    t.match(second.json(), { code: 'SCHEME_DRAFT_EXISTS', detail: draft.id })

    // Every problem at once, each with its path; nothing is written.
    const broken = structuredClone(draft.document)
    broken.checklist[1]!.code = broken.checklist[0]!.code
    broken.checklist[2]!.category = 'no_such_category'
    broken.categories.push({ code: 'empty_one', title: 'Nothing in here' })
    broken.thresholds.feedback.silver.qMin = 40
    const invalid = await putDocument(draft.id, '"v1"', broken)
    t.equal(invalid.statusCode, 422, invalid.body)
    t.equal(invalid.json().code, 'SCHEME_DOCUMENT_INVALID')
    const problemPaths = invalid.json().errors.map((e: { path: string }) => e.path)
    for (const path of [
      'body.checklist.1.code',
      'body.checklist.2.category',
      `body.categories.${broken.categories.length - 1}`,
      'body.thresholds.feedback.silver.qMin'
    ]) {
      t.ok(problemPaths.includes(path), `${path} is listed`)
    }
    const outOfRange = structuredClone(draft.document) as unknown as {
      thresholds: { feedback: { gold: { qMin: number; sampleShare: number } } }
      surprise?: boolean
    }
    outOfRange.thresholds.feedback.gold.qMin = 150
    outOfRange.thresholds.feedback.gold.sampleShare = -1
    const structural = await putDocument(draft.id, '"v1"', outOfRange)
    t.equal(structural.statusCode, 422, 'out-of-range thresholds are a 422 too, not a 400')
    t.same(
      structural.json().errors.map((e: { path: string }) => e.path),
      ['body.thresholds.feedback.gold.qMin', 'body.thresholds.feedback.gold.sampleShare']
    )
    const validate = async (document: unknown) =>
      await h.app.inject({ method: 'POST', url: `${base}/validate`, headers: staff, payload: document as object })
    t.equal(
      (await validate(broken)).json().errors.length,
      invalid.json().errors.length,
      'the dry run lists the same problems'
    )
    t.same((await validate(draft.document)).json(), { valid: true, problems: [] })
    const surprise = await validate({ ...draft.document, surprise: true })
    t.equal(surprise.statusCode, 422)
    t.match(surprise.json().errors, [{ path: 'body.surprise' }], 'unknown fields are refused, not dropped')
    t.same(
      (await h.app.inject({ url: `${base}/${draft.id}`, headers: staff })).json().version,
      1,
      'nothing was written'
    )

    const edited = structuredClone(draft.document)
    edited.title = 'Northshire Quality Mark 2026'
    edited.checklist.find((i) => i.code === 'ICO_FEE')!.tier = 'B'
    edited.thresholds.feedback.gold.qMin = 90
    t.equal(
      (await h.app.inject({ method: 'PUT', url: `${base}/${draft.id}/document`, headers: staff, payload: edited }))
        .statusCode,
      428,
      'If-Match is required'
    )
    const badId = await h.app.inject({
      method: 'PUT', url: `${base}/not-a-uuid/document`, headers: { ...staff, 'if-match': '"v1"' }, payload: edited
    })
    t.equal(badId.statusCode, 400, 'the parts of the request other than the document are validated as usual')
    t.match(badId.json().errors, [{ path: 'params.id' }])
    const saved = await putDocument(draft.id, '"v1"', edited)
    t.equal(saved.statusCode, 200, saved.body)
    t.equal(saved.headers.etag, '"v2"')
    t.equal(saved.json().document.title, 'Northshire Quality Mark 2026')
    const stale = await putDocument(draft.id, '"v1"', draft.document)
    t.equal(stale.statusCode, 412, 'a stale If-Match is refused, never overwritten')
    t.equal(
      (await h.app.inject({ url: `${base}/${draft.id}`, headers: staff })).json().document.title,
      'Northshire Quality Mark 2026'
    )

    const diff = await h.app.inject({ url: `${base}/${draft.id}/diff`, headers: staff })
    t.equal(diff.statusCode, 200, diff.body)
    t.match(diff.json(), { from: { id: v1.id, number: 1 }, to: { id: draft.id, number: 2 } })
    const diffText = JSON.stringify(diff.json().changes)
    t.match(diffText, /ICO_FEE/, 'the changed item is named')
    t.match(diffText, /qMin/, 'the changed threshold is named')
    t.match(diffText, /title/)
    t.notMatch(diffText, /INS_PL/, 'unchanged items are not')

    t.equal(
      (
        await h.app.inject({
          method: 'POST',
          url: `${base}/${draft.id}/publish`,
          headers: { ...reviewer, 'if-match': '"v1"' }
        })
      ).statusCode,
      412
    )
    const published = await h.app.inject({
      method: 'POST',
      url: `${base}/${draft.id}/publish`,
      headers: { ...reviewer, 'if-match': '"v2"' }
    })
    t.equal(published.statusCode, 200, published.body)
    t.match(published.json(), { status: 'published', number: 2, publishedBy: north.reviewer.id })
    t.equal((await currentVersion(staff)).id, draft.id, 'new assessments now pin version 2')
    t.equal((await currentVersion(asProvider)).id, draft.id)

    for (const [what, res] of [
      ['edit', await putDocument(draft.id, '"v3"', edited)],
      [
        'publish again',
        await h.app.inject({
          method: 'POST',
          url: `${base}/${draft.id}/publish`,
          headers: { ...staff, 'if-match': '"v3"' }
        })
      ],
      [
        'discard',
        await h.app.inject({ method: 'DELETE', url: `${base}/${draft.id}`, headers: { ...staff, 'if-match': '"v3"' } })
      ],
      ['edit v1', await putDocument(v1.id, '"v1"', edited)]
    ] as const) {
      t.equal(res.statusCode, 409, `${what} of a published version is refused`)
      t.equal(res.json().code, 'SCHEME_VERSION_PUBLISHED')
    }
    t.same(
      (await h.app.inject({ url: `${base}/${v1.id}`, headers: staff })).json().document,
      v1.document,
      'version 1 untouched'
    )

    const history = await h.app.inject({ url: `${base}/${draft.id}/history`, headers: staff })
    t.equal(history.statusCode, 200, history.body)
    t.match(history.json().items, [
      { action: 'create_draft', toState: 'draft', actorUserId: north.coordinator.id },
      { action: 'edit_draft', actorUserId: north.coordinator.id },
      { action: 'publish', fromState: 'draft', toState: 'published', actorUserId: north.reviewer.id }
    ])
    t.equal(history.json().items.length, 3, 'refused changes leave no trace')
    t.match((await h.app.inject({ url: `${base}/${v1.id}/history`, headers: staff })).json().items, [
      { action: 'install_default', toState: 'published' }
    ])
    t.equal(
      (await h.app.inject({ url: `${base}/${v1.id}/history`, headers: asProvider })).statusCode,
      403,
      'the audit trail is for staff'
    )
  }
)

t.test('a discarded draft leaves its number to the next one', async (t) => {
  const draft = await startDraft(staff)
  t.equal(draft.basedOnId, null, 'from the default scheme')
  t.equal(
    (await h.app.inject({ method: 'DELETE', url: `${base}/${draft.id}`, headers: { ...staff, 'if-match': '"v2"' } }))
      .statusCode,
    412
  )
  t.equal(
    (await h.app.inject({ method: 'DELETE', url: `${base}/${draft.id}`, headers: { ...staff, 'if-match': '"v1"' } }))
      .statusCode,
    204
  )
  t.equal((await h.app.inject({ url: `${base}/${draft.id}`, headers: staff })).statusCode, 404)
  const next = await startDraft(staff)
  t.equal(next.number, draft.number)
  t.equal(
    (await h.app.inject({ method: 'DELETE', url: `${base}/${next.id}`, headers: { ...staff, 'if-match': '"v1"' } }))
      .statusCode,
    204
  )
})

t.test(
  'two co-ordinators starting a draft at once get one draft and one 409',
  {
    skip: onRealPostgres() ? false : 'concurrency needs a real PostgreSQL server (PGlite serves one connection)'
  },
  async (t) => {
    const results = await Promise.all(
      [staff, h.auth(north.coordinator2.token)].map(
        async (headers) => await h.app.inject({ method: 'POST', url: base, headers, payload: {} })
      )
    )
    t.same(results.map((r) => r.statusCode).sort(), [201, 409])
    const created = results.find((r) => r.statusCode === 201)!.json()
    t.equal(
      (
        await h.app.inject({
          method: 'DELETE',
          url: `${base}/${created.id}`,
          headers: { ...staff, 'if-match': '"v1"' }
        })
      ).statusCode,
      204
    )
  }
)

// A sole trader doing lone working: every applicable bronze item verified, nothing else; three glowing responses.
const DECISION_DATE = '2026-03-02'
const flags = { loneWorking: true }
const bronzeEvidence = Object.fromEntries(
  listApplicableItems(createDefaultSchemeDocument().checklist, flags)
    .filter((item) => item.tier === 'B')
    .map((item) => [item.code, { status: 'verified' as const, verifiedAt: '2026-01-10', issuedOn: '2026-01-05' }])
)
const glowing = {
  OCC_NOW: 'as_i_want',
  OCC_AFFECT: 'yes',
  OCC_WITHOUT: 'some_not_enough',
  CTL_NOW: 'as_much_as_i_want',
  CTL_AFFECT: 'no',
  SAFE: 'as_safe_as_i_want',
  DIGNITY: 'better_about_myself',
  RELIABLE: 'always',
  CHOICE: 'always',
  CONTINUITY_STAFF: 'always',
  RECOMMEND: 'definitely'
}
interface WhatIf {
  profile: { flags: typeof flags; activeClients: number }
  evidence: Record<string, unknown>
  responses: Array<{ answers: Record<string, string | null> }>
  concerns: ConcernInput[]
  cqcRating: CqcRating | null
  decisionDate: string | undefined
}
const whatIf = (over: Partial<WhatIf> = {}): WhatIf => ({
  profile: { flags, activeClients: 4 },
  evidence: bronzeEvidence,
  responses: [
    { answers: glowing },
    { answers: glowing },
    { answers: { ...glowing, RECOMMEND: 'probably', COMMENT: null } }
  ],
  concerns: [],
  cqcRating: null,
  decisionDate: DECISION_DATE,
  ...over
})

/** What the engine says, called directly with the same (normalised) input. */
function engineSays (scheme: SchemeDocument, input: WhatIf) {
  const responses = input.responses.map(({ answers }) => {
    const normalised = normaliseFeedbackAnswers(scheme.instrument, answers)
    if (!normalised.ok) throw normalised.error
    return { answers: normalised.value }
  })
  return json(
    scoreAssessment({
      ...input,
      scheme,
      evidence: bronzeEvidence,
      responses,
      decisionDate: input.decisionDate ?? DECISION_DATE
    })
  )
}

t.test("what-if returns the engine's result and its reasons, for the version asked", async (t) => {
  const versions = (await h.app.inject({ url: `${base}?status=published`, headers: staff })).json().items as Version[]
  const v1 = (await h.app.inject({ url: `${base}/${versions[0]!.id}`, headers: staff })).json() as Version
  const input = whatIf()
  const res = await h.app.inject({ method: 'POST', url: `${base}/${v1.id}/what-if`, headers: staff, payload: input })
  t.equal(res.statusCode, 200, res.body)
  t.same(res.json().schemeVersion, { id: v1.id, number: 1, status: 'published' })
  t.same(res.json().result, engineSays(v1.document, input), 'field for field what the engine computes')
  const result = res.json().result
  t.equal(result.computedLevel, 'bronze', 'all bronze items met, silver items missing')
  t.equal(result.feedback.feedbackLevel, 'gold')
  t.ok(
    result.reasons.some(
      (r: { level: string; code: string; item?: string }) =>
        r.level === 'silver' && r.code === 'ITEM_NOT_MET' && r.item === 'ICO_FEE'
    ),
    'silver: ICO_FEE is named'
  )
  t.ok(result.reasons.some((r: { level: string; code: string }) => r.level === 'gold' && r.code === 'GOLD_SHARE_BELOW'))

  // Version 2 made ICO_FEE a bronze item: the same provider now reaches nothing, and is told why.
  const v2 = await currentVersion(staff)
  t.equal(v2.number, 2)
  const underV2 = (
    await h.app.inject({ method: 'POST', url: `${base}/${v2.id}/what-if`, headers: reviewer, payload: input })
  ).json()
  t.same(underV2.result, engineSays(v2.document, input))
  t.equal(underV2.result.computedLevel, 'none')
  t.match(underV2.result.reasons[0], { level: 'bronze', code: 'ITEM_NOT_MET', item: 'ICO_FEE' })

  const limited = whatIf({
    cqcRating: 'inadequate',
    concerns: [{ severity: 'safeguarding', status: 'open', raisedOn: '2026-02-01' }]
  })
  const blocked = (
    await h.app.inject({ method: 'POST', url: `${base}/${v1.id}/what-if`, headers: staff, payload: limited })
  ).json().result
  t.same(blocked, engineSays(v1.document, limited))
  t.equal(blocked.computedLevel, 'none')
  t.same(
    blocked.limitersApplied.map((l: { code: string }) => l.code),
    ['SAFEGUARDING_CONCERN_OPEN', 'CQC_RATING']
  )

  const today = (
    await h.app.inject({
      method: 'POST',
      url: `${base}/${v1.id}/what-if`,
      headers: staff,
      payload: { ...input, decisionDate: undefined }
    })
  ).json()
  t.equal(today.result.decisionDate, '2026-03-02', 'the decision date defaults to today')
})

t.test('what-if on a draft scores the draft; providers may not use it', async (t) => {
  const draft = await startDraft(staff)
  try {
    const res = await h.app.inject({
      method: 'POST',
      url: `${base}/${draft.id}/what-if`,
      headers: staff,
      payload: whatIf()
    })
    t.equal(res.statusCode, 200, res.body)
    t.equal(res.json().schemeVersion.status, 'draft')
    t.equal(
      (
        await h.app.inject({
          method: 'POST',
          url: `${base}/${draft.id}/what-if`,
          headers: asProvider,
          payload: whatIf()
        })
      ).statusCode,
      403
    )
  } finally {
    await h.app.inject({ method: 'DELETE', url: `${base}/${draft.id}`, headers: { ...staff, 'if-match': '"v1"' } })
  }
})

t.test('bad what-if input names every field at fault', async (t) => {
  const v1 = (await h.app.inject({ url: `${base}?status=published`, headers: staff })).json().items[0] as Version
  const url = `${base}/${v1.id}/what-if`
  const unknownCodes = await h.app.inject({
    method: 'POST',
    url,
    headers: staff,
    payload: whatIf({
      evidence: { ...bronzeEvidence, NOT_AN_ITEM: { status: 'verified' } },
      responses: [{ answers: { ...glowing, HAPPY: 'yes', SAFE: 'very' } }]
    }) as object
  })
  t.equal(unknownCodes.statusCode, 422, unknownCodes.body)
  t.equal(unknownCodes.json().code, 'WHAT_IF_INPUT_INVALID')
  const paths = unknownCodes.json().errors.map((e: { path: string }) => e.path)
  t.ok(paths.includes('body.evidence.NOT_AN_ITEM'), 'the unknown item code is named')
  t.ok(paths.includes('body.responses.0.answers.HAPPY'), 'the unknown question is named')
  t.ok(paths.includes('body.responses.0.answers.SAFE'), 'the impossible answer is named')
  t.match(unknownCodes.json().detail, /NOT_AN_ITEM/)

  const malformed = await h.app.inject({
    method: 'POST',
    url,
    headers: staff,
    payload: {
      profile: { flags: { flying: true }, activeClients: -1 },
      evidence: { DBS_ENH: { status: 'lost' } },
      decisionDate: '2026-02-30',
      extra: 1
    }
  })
  t.equal(malformed.statusCode, 400, malformed.body)
  const bad = JSON.stringify(malformed.json().errors)
  for (const field of [
    'body.profile.activeClients',
    'body.profile.flags',
    'body.evidence.DBS_ENH.status',
    'body.decisionDate'
  ]) {
    t.match(bad, field, `${field} is named`)
  }
  t.match(bad, /extra/, 'an unknown field is named')
})

t.test('the OpenAPI document describes the scheme endpoints and their components', async (t) => {
  const doc = (await h.app.inject({ url: '/openapi.json' })).json()
  for (const path of [
    '/api/v1/scheme-versions/',
    '/api/v1/scheme-versions/{id}/document',
    '/api/v1/scheme-versions/{id}/what-if',
    '/api/v1/scheme-versions/{id}/diff'
  ]) {
    t.ok(doc.paths[path] ?? doc.paths[path.replace(/\/$/, '')], `${path} is documented`)
  }
  for (const name of ['SchemeDocument', 'SchemeVersion', 'SchemeDiff', 'WhatIfInput', 'ScoringResult']) {
    t.ok(doc.components.schemas[name], `${name} is a component`)
  }
  t.ok(doc.tags.some((tag: { name: string }) => tag.name === 'schemes'))
})
