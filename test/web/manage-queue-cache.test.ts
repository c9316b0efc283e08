// The work queue and the provider list are kept per council until something they read changes
// (src/use-cases/council-read-cache.ts, drizzle/0017_work_queue_notify.sql; README: For co-ordinators): a second
// view costs no query but the session's, a change written by anything else (another instance, a job, a provider)
// reaches it through the database's NOTIFY, and the co-ordinator who acted sees the change on the very next page.
import { sql } from 'drizzle-orm'
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
  h.app.deps.councilReads?.changed()
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

t.test('a kept queue page is one per filter and day: each view shows its own filters and work', async (t) => {
  const other = await signedInStaff(h, north.coordinator2, 'co2@northshire.example')
  await submittedSection()
  const everything = (await co.get('/manage')).body
  t.equal((await other.get('/manage')).body, everything, 'another co-ordinator sees the same queue')
  t.match(everything, /Late Arrival Care/, 'everything: the assessment no one has acted on is listed')
  const mine = await co.get('/manage?mine=yes')
  t.match(mine.body, /name="mine" type="checkbox" value="yes" checked/, 'the filter is shown as chosen')
  t.notMatch(mine.body, /Late Arrival Care/, 'and it is not the co-ordinator\'s own')
  const one = await co.get('/manage?section=submitted')
  t.match(one.body, /<option value="submitted" selected>/, 'one section chosen')
  t.notMatch(one.body, /id="section-concerns_to_triage"/, 'and only that one shown')
  t.notMatch((await co.get('/manage')).body, /checked/, 'the unfiltered page is still unfiltered')
})

/** The provider list as the co-ordinator sees it now. */
async function providerList (query = ''): Promise<string> {
  const page = await co.get(`/manage/providers${query}`)
  if (page.statusCode !== 200) throw new Error(`the provider list answered ${page.statusCode}`)
  return page.body
}

t.test('the provider list is kept too: a second view reads nothing but the session', async (t) => {
  await providerList()
  queries = 0
  await providerList()
  const kept = queries
  h.app.deps.councilReads?.changed()
  queries = 0
  await providerList()
  t.ok(kept <= 1, `kept: ${kept} queries (the session)`)
  t.ok(queries - kept >= 2, `read again: ${queries} (the page, its count and the live awards)`)
})

t.test('a provider registered or renamed by something else reaches the list through the database', async (t) => {
  await providerList()
  const added = await h.addProvider(north, { name: 'Aardvark Home Help' })
  const until = Date.now() + 5000
  let seen = false
  while (!seen && Date.now() < until) seen = (await providerList()).includes('Aardvark Home Help')
  t.ok(seen, 'registered, and listed without any write through this instance')
  await h.db.db.execute(sql`update providers set name = 'Aardvark Care at Home' where id = ${added.id}`)
  seen = false
  while (!seen && Date.now() < until + 5000) seen = (await providerList()).includes('Aardvark Care at Home')
  t.ok(seen, 'renamed in the database, and the list shows the new name')
})

t.test('each way of asking shows its own search back, from the same kept answer', async (t) => {
  const one = await providerList('?q=Aardvark')
  const two = await providerList('?q=Aardvark&page=1')
  t.match(one, /value="Aardvark"/, 'the search is shown in its box')
  t.match(two, /value="Aardvark"/)
  t.match(one, /1 provider/, 'one provider matches')
})
