// "Your listing" in the provider's portal (README: For providers): the directory's fields as a form, checked with the
// co-ordinator's form's messages and kept on error; saved at once into the directory; someone else's save in between
// shows both versions; the entry previewed with the directory's own result; never another provider's record.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { insertGoldAward } from '../helpers/awards.js'
import { signedInProvider } from '../helpers/provider-portal.js'
import { csrfOf } from '../helpers/sign-in.js'

const h = await buildTestApp(t, { env: { SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: '100' } })
const [north] = h.councils
const anns = await h.addProvider(north)
const bobs = await h.addProvider(north, { name: "Bob's Day Club", description: 'Day trips by minibus' })
await insertGoldAward(h.db.db, north, anns.id)
const ann = await signedInProvider(h, anns, 'owner@anns.example')
const bob = await signedInProvider(h, bobs, 'owner@bobs.example')

const versionOf = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? ''
/** The form as a browser sends it: every field, with the page's CSRF token and version. */
const formOf = (body: string, over: Record<string, string> = {}) => new URLSearchParams({
  _csrf: csrfOf(body),
  version: versionOf(body),
  takingNewPeople: 'yes',
  description: 'Help at home, shopping and company.',
  serviceTypes: 'support_in_home',
  clientGroups: 'older_people',
  area: 'Otley',
  hourlyPrice: '18.50',
  email: 'ann@anns.example',
  phone: '',
  website: '',
  route: 'Ring and leave a message',
  ...over
}).toString()
const post = async (body: string) => await h.app.inject({
  method: 'POST',
  url: '/provider/listing',
  headers: { ...annCookies(), 'content-type': 'application/x-www-form-urlencoded' },
  payload: body
})
const annCookies = () => ann.jar.header()

t.test('the listing: the form, the preview through the directory’s own result, saved at once', async (t) => {
  const page = await ann.get('/provider/listing')
  t.equal(page.statusCode, 200)
  t.match(page.body, /Your changes show in the directory as soon as you save them/)
  t.match(page.body, /<ul class="app-results" aria-labelledby="preview">\s*<li class="app-results__item">/)
  t.match(page.body, /href="\/directory\/[a-z-]+\/providers\/[0-9a-f-]{36}">Ann&#39;s Home Help</)
  t.match(page.body, /Ask if they have space/, 'not said yet')
  t.match(page.body, />Help at home<\/textarea>/, 'the form holds what is saved')
  t.notMatch(page.body, /Day trips by minibus/, 'never another provider’s record')

  const saved = await post(formOf(page.body))
  t.equal(saved.statusCode, 303)
  t.equal(saved.headers.location, '/provider/listing?done=saved')
  const after = await ann.get('/provider/listing?done=saved')
  t.match(after.body, /Your listing has been saved/)
  t.match(after.body, /govuk-tag--green[^>]*>\s*Taking new people/, 'the preview shows it')
  t.match(after.body, /£18\.50 an hour/)
  t.match(after.body, /name="takingNewPeople" type="radio" value="yes" checked/)

  const slug = /href="\/directory\/([a-z-]+)\/providers\//.exec(after.body)?.[1] ?? ''
  const deadline = Date.now() + 2000
  let entry = ''
  // On PostgreSQL a change reaches the directory's kept pages by NOTIFY: wait for it rather than race it.
  while (Date.now() < deadline) {
    entry = (await h.app.inject({ method: 'GET', url: `/directory/${slug}/providers/${anns.id}` })).body
    if (entry.includes('Help at home, shopping and company.')) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  t.match(entry, /Help at home, shopping and company\./, 'the public directory shows the change')
  t.match(entry, /Ring and leave a message/)
  const api = await h.app.inject({ method: 'GET', url: `/api/v1/providers/${anns.id}`, headers: h.auth(anns.token) })
  t.equal(api.json().takingNewPeople, true, 'the same record the API reads')
  t.equal(api.json().name, "Ann's Home Help", 'fields not on the form stay as they were')
})

t.test('wrong answers come back with GOV.UK messages and what was typed', async (t) => {
  const page = await ann.get('/provider/listing')
  const res = await post(formOf(page.body, {
    takingNewPeople: '',
    area: 'O',
    hourlyPrice: 'about 20',
    email: 'not an email',
    description: 'Kept as typed'
  }))
  t.equal(res.statusCode, 400)
  t.match(res.body, /<title>Error: /)
  t.match(res.body, /href="#area">Enter the area served, like a town or ward/)
  t.match(res.body, /href="#hourlyPrice">Hourly price must be in pounds and pence, like 18\.50/)
  t.match(res.body, /href="#email">Enter an email address in the correct format/)
  t.match(res.body, /href="#takingNewPeople">Select whether you are taking new people/)
  t.match(res.body, /value="about 20"/, 'what was typed is kept')
  t.match(res.body, />Kept as typed<\/textarea>/)
  t.notMatch((await ann.get('/provider/listing')).body, /Kept as typed/, 'nothing was saved')
})

t.test('someone else changed it first: both versions, nothing saved', async (t) => {
  const page = await ann.get('/provider/listing')
  const first = await post(formOf(page.body, { description: 'Saved first by a colleague.' }))
  t.equal(first.statusCode, 303)
  const late = await post(formOf(page.body, { description: 'Sent second.', takingNewPeople: 'no' }))
  t.equal(late.statusCode, 409)
  t.match(late.body, /Someone else changed your listing/)
  t.match(late.body, /Sent second\./)
  t.match(late.body, /Saved first by a colleague\./)
  t.match(late.body, /Taking new people<\/th>\s*<td[^>]*>Full<\/td>\s*<td[^>]*>Taking new people/)
  const now = Number(versionOf(page.body)) + 1
  t.match(late.body, new RegExp(`name="version" value="${now}"`), 'against what is saved now')
  t.match((await ann.get('/provider/listing')).body, /Saved first by a colleague\./)
})

t.test('a preview shows the entry with the changes and saves nothing', async (t) => {
  const page = await ann.get('/provider/listing')
  const res = await post(formOf(page.body, { takingNewPeople: 'no', hourlyPrice: '21', action: 'preview' }))
  t.equal(res.statusCode, 200)
  t.match(res.body, /How your entry will look/)
  t.match(res.body, /Nothing is saved until you select/)
  t.match(res.body, /govuk-tag--grey[^>]*>\s*Full: not taking new people/)
  t.match(res.body, /£21\.00 an hour/)
  t.match(res.body, /value="21"/, 'the form keeps what was typed')
  const bad = await post(formOf(page.body, { area: '', action: 'preview' }))
  t.equal(bad.statusCode, 400, 'a preview is checked like a save')
  const still = (await ann.get('/provider/listing')).body
  t.match(still, /How your entry looks now/)
  t.match(still, /govuk-tag--green[^>]*>\s*Taking new people/, 'nothing was saved')
  t.notMatch(still, /£21\.00/)
})

t.test('CSRF, other people and a provider without a mark', async (t) => {
  const page = await ann.get('/provider/listing')
  const forged = await post(formOf(page.body, { _csrf: 'forged' }))
  t.equal(forged.statusCode, 403, 'a form without its CSRF token is refused')
  const bobsPage = await bob.get('/provider/listing')
  t.match(bobsPage.body, /Day trips by minibus/)
  t.notMatch(bobsPage.body, /Saved first by a colleague/, 'Bob sees only his own')
  t.match(bobsPage.body, /Your entry shows in the directory once you hold a Quality Mark/)
  const anonymous = await h.app.inject({ method: 'GET', url: '/provider/listing' })
  t.equal(anonymous.statusCode, 303)
})
