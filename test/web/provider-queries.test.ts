// The provider's task list reads each thing once (README: For providers, Speed): its session, the provider, the
// latest assessment and the evidence with its files — the scheme, once published, is kept — and the count does not
// grow with the evidence given (no N+1).
import t from 'tap'
import { DEFAULT_SCHEME } from '../../src/domain/scheme/index.js'
import { buildTestApp } from '../helpers/app.js'
import { assessmentDriver } from '../helpers/assessments.js'
import { signedInProvider } from '../helpers/provider-portal.js'

let queries = 0
const h = await buildTestApp(t, { onQuery: () => { queries++ } })
const [north] = h.councils
const drive = assessmentDriver(h)

/** The queries of one view of the task list, after a first view (one-off session work is not counted). */
async function queriesOfTaskList (b: Awaited<ReturnType<typeof signedInProvider>>): Promise<number> {
  const warm = await b.get('/provider')
  if (warm.statusCode !== 200) throw new Error(`task list: ${warm.statusCode}`)
  queries = 0
  const again = await b.get('/provider')
  if (again.statusCode !== 200) throw new Error(`task list: ${again.statusCode}`)
  return queries
}

t.test('the task list makes five queries, with one piece of evidence or all of them', async (t) => {
  const few = await h.addProvider(north, { name: 'Few Pieces' })
  const many = await h.addProvider(north, { name: 'Many Pieces' })
  const fewId = (await h.app.inject({
    method: 'POST', url: '/api/v1/assessments', headers: h.auth(few.token), payload: { kind: 'initial' }
  })).json().id as string
  const first = DEFAULT_SCHEME.checklist.find((i) => i.evidenceKinds.includes('declaration'))!
  await drive.giveEvidence(fewId, first, few.token, '2026-03-02')
  const manyId = (await h.app.inject({
    method: 'POST', url: '/api/v1/assessments', headers: h.auth(many.token), payload: { kind: 'initial' }
  })).json().id as string
  const flags = (await h.app.inject({ url: `/api/v1/providers/${many.id}`, headers: h.auth(many.token) })).json().flags
  const given = await drive.giveItems(manyId, flags, 'G', many.token)
  t.ok(given.size > 10, `${given.size} pieces of evidence`)

  const fewCount = await queriesOfTaskList(await signedInProvider(h, few, 'few@few.example'))
  const manyCount = await queriesOfTaskList(await signedInProvider(h, many, 'many@many.example'))
  t.equal(manyCount, fewCount, 'the same number of queries however much evidence there is')
  t.ok(fewCount <= 5, `${fewCount} queries: session, provider, latest assessment, evidence, files`)
})
