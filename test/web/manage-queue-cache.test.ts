// The work queue is kept per council until something it reads changes (src/use-cases/council-read-cache.ts,
// drizzle/0017_work_queue_notify.sql; README: For co-ordinators): a second view costs no queue query, a change
// written by anything else (another instance, a job, a provider) reaches it through the database's NOTIFY, and
// the co-ordinator who acted sees the change on the very next page.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { insertAssessment, signedInStaff } from '../helpers/manage.js'
import { csrfOf } from '../helpers/sign-in.js'

let queries = 0
const h = await buildTestApp(t, { onQuery: () => { queries++ } })
const [north] = h.councils
const co = await signedInStaff(h, north.coordinator, 'co@northshire.example')
const early = await h.addProvider(north, { name: 'Early Bird Care' })
const earlyAssessment = await insertAssessment(h, north, early.id, 'submitted')

/** The "submitted" section of the queue as the co-ordinator sees it now. */
async function submittedSection (): Promise<string> {
  const page = await co.get('/manage')
  if (page.statusCode !== 200) throw new Error(`the queue answered ${page.statusCode}`)
  const from = page.body.indexOf('id="section-submitted"')
  return page.body.slice(from, page.body.indexOf('id="section-', from + 1))
}

/** Views the queue until `test` holds, for up to five seconds (the NOTIFY arrives in milliseconds). */
async function eventually (test: (section: string) => boolean): Promise<boolean> {
  const until = Date.now() + 5000
  while (Date.now() < until) {
    if (test(await submittedSection())) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return false
}

t.test('a second view of an unchanged queue reads no section again', async (t) => {
  t.ok(await eventually((s) => s.includes('Early Bird Care')), 'the assessment written directly is listed')
  queries = 0
  await submittedSection()
  const kept = queries
  h.app.deps.workQueue?.changed()
  queries = 0
  await submittedSection()
  const read = queries
  t.ok(read - kept >= 10, `kept: ${kept} queries (the session), read again: ${read} (every section)`)
})

t.test('a change written by something else reaches the queue through the database', async (t) => {
  await submittedSection() // kept
  const late = await h.addProvider(north, { name: 'Late Arrival Care' })
  await insertAssessment(h, north, late.id, 'submitted') // as another instance or a job would write it
  t.ok(await eventually((s) => s.includes('Late Arrival Care')), 'listed without any write through this instance')
})

t.test('the co-ordinator who acted sees the change on the next page, not a kept one', async (t) => {
  t.match(await submittedSection(), /Early Bird Care/)
  const page = `/manage/assessments/${earlyAssessment}`
  const review = await co.get(page)
  const form = review.body.slice(review.body.indexOf(`action="${page}/start-review"`))
  const version = /name="version" value="(\d+)"/.exec(form)?.[1] ?? ''
  const started = await co.post(`${page}/start-review`, { _csrf: csrfOf(review.body), version })
  t.equal(started.statusCode, 303, 'review started')
  t.notMatch(await submittedSection(), /Early Bird Care/, 'no longer waiting for review, at once')
})
