// The co-ordinator's provider pages (README: For co-ordinators): search, filters, sort and pagination; register and
// invite (the invitation in the demo mailbox); the provider page; edit with the version check and the conflict page;
// checks with the input kept; and nothing of another council.
import t from 'tap'
import { runJobs } from '../../src/use-cases/jobs/run-jobs.js'
import { listDemoMailbox } from '../../src/use-cases/notifications.js'
import { buildTestApp } from '../helpers/app.js'
import { insertAward } from '../helpers/awards.js'
import { signedInStaff } from '../helpers/manage.js'
import { browserClient, csrfOf, setEmail, signInByEmail } from '../helpers/sign-in.js'

const h = await buildTestApp(t, { env: { SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: '100' } })
const [north, south] = h.councils
const co = await signedInStaff(h, north.coordinator, 'co@northshire.example')

const form = {
  name: 'Willow Support',
  legalForm: 'partnership',
  description: 'Day trips and company',
  fte: '2.5',
  activeClients: '8',
  serviceTypes: 'day_activities',
  clientGroups: 'older_people',
  area: 'Ilkley',
  postcode: 'ls29 8aa',
  hourlyPrice: '21.50',
  cqcLocationId: '',
  cqcRating: '',
  email: '',
  phone: '01943 000777',
  website: '',
  route: ''
}
const post = async (b: typeof co, page: string, url: string, fields: Record<string, string>) =>
  await b.post(url, { ...fields, _csrf: csrfOf((await b.get(page)).body) })
const idOf = (location: unknown) => String(location).split('/')[3]!.split('?')[0]!

t.test('register: errors shown with the input kept, nothing written; then registered and invited', async (t) => {
  const bad = await post(co, '/manage/providers/new', '/manage/providers/new', {
    ...form, name: '', fte: 'two', postcode: 'nowhere', personName: 'Sam', personEmail: 'not-an-email'
  })
  t.equal(bad.statusCode, 400)
  t.match(bad.body, /There is a problem/)
  t.match(bad.body, /href="#name">Enter the provider’s name/)
  t.match(bad.body, /href="#fte">Full-time-equivalent staff must be a number/)
  t.match(bad.body, /href="#postcode">Enter a real postcode/)
  t.match(bad.body, /href="#personEmail">Enter an email address in the correct format/)
  t.match(bad.body, /value="nowhere"/, 'input kept')
  t.match(bad.body, /<title>Error: /)
  const none = await co.get('/manage/providers?q=Willow')
  t.match(none.body, /0 providers/, 'nothing half-written')

  const res = await post(co, '/manage/providers/new', '/manage/providers/new', {
    ...form, personName: 'Sam Willow', personEmail: 'Sam@Willow.example'
  })
  t.equal(res.statusCode, 303)
  const id = idOf(res.headers.location)
  const page = await co.get(String(res.headers.location))
  t.equal(page.statusCode, 200)
  t.match(page.body, /Provider registered/)
  t.match(page.body, /Willow Support/)
  t.match(page.body, /Micro \(2.5 full-time-equivalent staff\)/)
  t.match(page.body, /LS29 8AA/)
  t.match(page.body, /Sam Willow, sam@willow.example/)
  t.match(page.body, /Registered \(Coordinator\)/, 'history from the audit trail')
  await runJobs(h.app.deps)
  const mail = (await listDemoMailbox(h.app.deps, 100)).filter((m) => m.address === 'sam@willow.example')
  t.same(mail.map((m) => m.kind), ['provider_invited'], 'the invitation is in the demo mailbox')

  const invite = await post(co, `/manage/providers/${id}/people/new`, `/manage/providers/${id}/people`, {
    personName: 'Jo Willow', personEmail: 'jo@willow.example'
  })
  t.equal(invite.statusCode, 303)
  t.match((await co.get(String(invite.headers.location))).body, /Jo Willow/)
  const noName = await post(co, `/manage/providers/${id}/people/new`, `/manage/providers/${id}/people`, {
    personName: '', personEmail: 'x@willow.example'
  })
  t.equal(noName.statusCode, 400)
  t.match(noName.body, /Enter their name/)
  t.match(noName.body, /value="x@willow.example"/)
})

t.test('a form without its CSRF token is refused', async (t) => {
  const res = await co.post('/manage/providers/new', form)
  t.equal(res.statusCode, 403)
})

t.test('edit with the version check: saved; a concurrent change shows both versions and overwrites nothing',
  async (t) => {
    const p = await h.addProvider(north, { name: 'Oak Care' })
    const editUrl = `/manage/providers/${p.id}/edit`
    const mine = await co.get(editUrl)
    t.equal(mine.statusCode, 200)
    t.match(mine.body, /value="Oak Care"/)
    const other = await signedInStaff(h, north.coordinator2, 'co2@northshire.example')
    const theirs = await post(other, editUrl, editUrl, { ...fieldsOf(mine.body), area: 'Skipton' })
    t.equal(theirs.statusCode, 303)
    const conflict = await co.post(editUrl, { ...fieldsOf(mine.body), area: 'Keighley', _csrf: csrfOf(mine.body) })
    t.equal(conflict.statusCode, 409)
    t.match(conflict.body, /Someone else changed this provider/)
    const row = /Area served<\/th>\s*<td[^>]*>Keighley<\/td>\s*<td[^>]*>Skipton<\/td>/
    t.match(conflict.body, row, 'both versions side by side')
    const saved = await co.get(`/manage/providers/${p.id}`)
    t.match(saved.body, /Skipton/, 'their change stands')
    t.notMatch(saved.body, /Keighley/)
    // saving again from the conflict page is a deliberate choice, against the version now saved
    const again = await co.post(editUrl, { ...fieldsOf(conflict.body), _csrf: csrfOf(conflict.body) })
    t.equal(again.statusCode, 303)
    t.match((await co.get(String(again.headers.location))).body, /Your changes have been saved[\s\S]*Keighley/)
    const badEdit = await co.post(editUrl, { ...fieldsOf(mine.body), activeClients: '-1', _csrf: csrfOf(mine.body) })
    t.equal(badEdit.statusCode, 400)
    t.match(badEdit.body, /href="#activeClients">People supported now must be a whole number/)
  })

/** The fields of a provider form as the page holds them (inputs, checked boxes, selected options). */
function fieldsOf (html: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of html.matchAll(/<input[^>]*>/g)) {
    const tag = m[0]
    const name = /name="([^"]+)"/.exec(tag)?.[1]
    if (name === undefined || name === '_csrf') continue
    const value = /value="([^"]*)"/.exec(tag)?.[1] ?? ''
    if (/type="(checkbox|radio)"/.test(tag)) {
      if (/ checked/.test(tag)) out[name] = out[name] === undefined ? value : out[name]
    } else out[name] = decode(value)
  }
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) out[m[1]!] = decode(m[2]!)
  for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    out[m[1]!] = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? ''
  }
  return out
}
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>')

t.test('list: search, filters, sort and pagination with the GOV.UK component', async (t) => {
  for (let i = 1; i <= 30; i++) {
    const name = `Listed ${String(i).padStart(2, '0')}`
    await h.addProvider(north, { name, fte: i, area: i % 2 === 0 ? 'Even' : 'Odd' })
  }
  const first = await co.get('/manage/providers?q=Listed')
  t.match(first.body, /30 providers/)
  t.match(first.body, /Page 1 of 2/)
  t.match(first.body, /govuk-pagination/)
  t.match(first.body, /href="\/manage\/providers\?q=Listed&amp;status=active&amp;sort=name&amp;page=2"/)
  t.match(first.body, /Listed 01[\s\S]*Listed 25/)
  t.notMatch(first.body, /Listed 26/)
  const second = await co.get('/manage/providers?q=Listed&page=2')
  t.match(second.body, /Listed 26[\s\S]*Listed 30/)
  const largest = await co.get('/manage/providers?q=Listed&sort=-fte')
  t.ok(largest.body.indexOf('Listed 30') < largest.body.indexOf('Listed 29'), 'largest first')
  const small = await co.get('/manage/providers?q=Listed&sizeBand=micro')
  t.match(small.body, /5 providers/, 'micro: up to 5 FTE')
  const even = await co.get('/manage/providers?q=Even')
  t.match(even.body, /15 providers/)
  const odd = await co.get('/manage/providers?q=Listed&sort=nonsense&page=zero&sizeBand=huge')
  t.equal(odd.statusCode, 200, 'filters the page does not offer are ignored')
})

t.test('the provider page shows awards, assessments and the live award in the list', async (t) => {
  const p = await h.addProvider(north, { name: 'Gold Star Care' })
  await insertAward(h.db.db, {
    councilId: north.id,
    providerId: p.id,
    level: 'gold',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    decidedBy: north.coordinator.id
  })
  const page = await co.get(`/manage/providers/${p.id}`)
  t.match(page.body, /Gold award<\/a>,\s*active/)
  t.match(page.body, /Initial assessment/)
  const list = await co.get('/manage/providers?q=Gold+Star')
  t.match(list.body, /<td class="govuk-table__cell">Gold<\/td>/)
})

t.test('another council, a reviewer of it, and a provider: 404 or 403, never the data', async (t) => {
  const theirs = await h.addProvider(south, { name: 'Southern Secret Care' })
  const cross = await co.get(`/manage/providers/${theirs.id}`)
  t.equal(cross.statusCode, 404)
  t.notMatch(cross.body, /Southern Secret Care/)
  t.equal((await co.get(`/manage/providers/${theirs.id}/edit`)).statusCode, 404)
  const list = await co.get('/manage/providers?q=Southern')
  t.match(list.body, /0 providers/)
  const reviewer = await signedInStaff(h, south.reviewer, 'rev@southshire.example')
  const mineHere = await h.addProvider(north, { name: 'Northern Only' })
  t.equal((await reviewer.get(`/manage/providers/${mineHere.id}`)).statusCode, 404)
  const edit = await reviewer.get(`/manage/providers/${theirs.id}/edit`)
  const tried = await reviewer.post(`/manage/providers/${mineHere.id}/edit`, {
    ...form, version: '1', _csrf: csrfOf(edit.body)
  })
  t.equal(tried.statusCode, 404, 'nor change it')
  t.notMatch((await reviewer.get('/manage/providers')).body, /Northern Only/)
  await setEmail(h, theirs.userId, 'owner@southern.example')
  const owner = browserClient(h)
  await signInByEmail(h, owner, 'owner@southern.example')
  t.equal((await owner.get('/manage/providers')).statusCode, 403)
  t.equal((await owner.get(`/manage/providers/${theirs.id}`)).statusCode, 403)
  t.equal((await co.get('/manage/providers/not-a-uuid')).statusCode, 400)
})
