// No N+1 on the co-ordinator's portal (README: For co-ordinators; issue "Speed"): the work queue, the provider list
// and a provider page make the same number of queries with 5 providers as with 50, each with a full queue.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { fillQueue, signedInStaff } from '../helpers/manage.js'

let queries = 0
const h = await buildTestApp(t, { onQuery: () => { queries++ } })
const [north] = h.councils
const co = await signedInStaff(h, north.coordinator, 'co@northshire.example')

const providers: string[] = []
async function addProviders (n: number) {
  for (let i = 0; i < n; i++) {
    const p = await h.addProvider(north, { name: `Provider ${providers.length + 1}` })
    providers.push(p.id)
    await fillQueue(h, north, p.id, '2026-03-02')
  }
}

/**
 * The queries one page view makes (after a first view, so one-off session work is not counted). The work queue
 * is kept until something changes (src/use-cases/council-read-cache.ts): it is forgotten first, so the count is
 * of the queue read from the database, as after any change.
 */
async function queriesOf (url: string): Promise<number> {
  const warm = await co.get(url)
  if (warm.statusCode !== 200) throw new Error(`${url}: ${warm.statusCode}`)
  h.app.deps.councilReads?.changed()
  queries = 0
  await co.get(url)
  return queries
}

async function queriesOfPages () {
  const counts: number[] = []
  for (const url of pages()) counts.push(await queriesOf(url))
  return counts
}
const pages = () => ['/manage', '/manage?mine=yes', '/manage/providers', `/manage/providers/${providers[0]!}`]

await addProviders(5)
const small = await queriesOfPages()
await addProviders(45)
const large = await queriesOfPages()

t.test('the same number of queries with 5 providers as with 50', async (t) => {
  t.same(large, small, `queries per page: ${pages().join(', ')} → ${small.join(', ')}`)
  t.ok(small.every((n) => n <= 16), 'each page a handful of queries')
  t.comment(`queries: ${pages().map((p, i) => `${p} ${small[i]!}`).join('; ')}`)
})
