// The provider's task list reads each thing once (README: For providers, Speed): its session, the provider, the
// latest assessment and the evidence with its files — the scheme, once published, is kept — and the count does not
// grow with the evidence given (no N+1). Kept until the council's data changes, a view costs the session only.
import { sql } from 'drizzle-orm'
import t from 'tap'
import { DEFAULT_SCHEME } from '../../src/domain/scheme/index.js'
import { buildTestApp } from '../helpers/app.js'
import { assessmentDriver } from '../helpers/assessments.js'
import { signedInProvider } from '../helpers/provider-portal.js'
import { csrfOf } from '../helpers/sign-in.js'

let queries = 0
const h = await buildTestApp(t, { onQuery: () => { queries++ } })
const [north] = h.councils
const drive = assessmentDriver(h)

/**
 * The queries of one view of the task list, after a first view (one-off session work is not counted). The
 * application is kept until something changes (src/use-cases/council-read-cache.ts): it is forgotten first, so
 * the count is of the application read from the database, as after any change.
 */
async function queriesOfTaskList (b: Awaited<ReturnType<typeof signedInProvider>>): Promise<number> {
  const warm = await b.get('/provider')
  if (warm.statusCode !== 200) throw new Error(`task list: ${warm.statusCode}`)
  h.app.deps.councilReads?.changed()
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

t.test('a kept task list costs the session only, with a new token on each view that its forms accept', async (t) => {
  const kept = await h.addProvider(north, { name: 'Kept Pages' })
  const id = (await h.app.inject({
    method: 'POST', url: '/api/v1/assessments', headers: h.auth(kept.token), payload: { kind: 'initial' }
  })).json().id as string
  const b = await signedInProvider(h, kept, 'kept@kept.example')
  const first = await b.get('/provider')
  queries = 0
  const second = await b.get('/provider')
  t.ok(queries <= 1, `a second view: ${queries} queries (the session)`)
  t.equal(second.body.replace(/name="_csrf" value="[^"]*"/g, ''),
    first.body.replace(/name="_csrf" value="[^"]*"/g, ''), 'the same page')
  t.not(csrfOf(second.body), csrfOf(first.body), 'each view has its own token')
  t.notMatch(second.body, /qm-token-/, 'no stand-in is ever sent')
  const answered = await b.post('/provider/answer', { _csrf: csrfOf(second.body), answer: '' })
  t.equal(answered.statusCode, 400, 'the kept page\'s token is accepted: the answer is refused for being empty')

  await h.db.db.execute(sql`update assessments set state = 'under_review' where id = ${id}`)
  const until = Date.now() + 5000
  let seen = false
  while (!seen && Date.now() < until) {
    seen = (await b.get('/provider')).body.includes('Your co-ordinator is looking at your application.')
  }
  t.ok(seen, 'a change written by something else reaches the kept task list through the database')
})
