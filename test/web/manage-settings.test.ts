// Council settings and people through the co-ordinator's pages (README: For co-ordinators, council settings and
// people): the settings (an admin changes them, with the version check), people (an admin invites staff by email;
// deactivation asks first), API tokens (the secret shown once, never cached), webhooks (the URL rules, the log),
// the messages sent; every form CSRF-checked; a provider's person gets the forbidden page.
import { eq } from 'drizzle-orm'
import t from 'tap'
import { auditEvents, councils, users } from '../../src/db/schema/index.js'
import { runJobs } from '../../src/use-cases/jobs/run-jobs.js'
import { listDemoMailbox } from '../../src/use-cases/notifications.js'
import { buildTestApp, fakeResolver } from '../helpers/app.js'
import { signedInStaff } from '../helpers/manage.js'
import { csrfOf } from '../helpers/sign-in.js'

const h = await buildTestApp(t, {
  resolveHost: fakeResolver({ 'hooks.example.org': ['93.184.216.34'], 'intranet.example.org': ['10.0.0.7'] })
})
const [north] = h.councils
const co = await signedInStaff(h, north.coordinator, 'co@northshire.example')
const admin = await signedInStaff(h, { id: h.admin.id }, 'admin@qualitymark.example')
const formOf = async (b: typeof co, url: string) => {
  const res = await b.get(url)
  return { res, csrf: csrfOf(res.body), version: /name="version" value="(\d+)"/.exec(res.body)?.[1] ?? '' }
}
const auditOf = async (entityType: string, action: string) =>
  (await h.db.db.select().from(auditEvents).where(eq(auditEvents.entityType, entityType)))
    .filter((e) => e.action === action)

t.test('the settings page: the council as it is, in the navigation, read-only for a co-ordinator', async (t) => {
  const page = await co.get('/manage/settings')
  t.equal(page.statusCode, 200)
  t.match(page.body, /href="\/manage\/settings"[^>]*aria-current|aria-current[^>]*href="\/manage\/settings"/s)
  t.match(page.body, /Micro provider/)
  t.match(page.body, /Up to 5 full-time equivalent staff/)
  t.match(page.body, /An admin changes these settings/)
  t.notMatch(page.body, /Change settings/)
  const edit = await co.get(`/manage/settings/councils/${north.id}/edit`)
  t.equal(edit.statusCode, 200, 'a co-ordinator may read the form')
  const refused = await co.post(`/manage/settings/councils/${north.id}/edit`, {
    _csrf: csrfOf(edit.body), version: '1', microMaxFte: '6'
  })
  t.equal(refused.statusCode, 403, 'but only an admin changes a council: the forbidden page, not a 500')
  t.match(refused.body, /Only an admin may do this/)
})

t.test('an admin changes the settings: errors keep the input; the version check; audited', async (t) => {
  const list = await admin.get('/manage/settings')
  t.match(list.body, new RegExp(`href="/manage/settings/councils/${north.id}/edit"`))
  const url = `/manage/settings/councils/${north.id}/edit`
  const form = await formOf(admin, url)
  const bad = await admin.post(url, {
    _csrf: form.csrf,
    version: form.version,
    microMaxFte: 'five',
    safeguardingPhone: 'call us',
    accessibilityEmail: 'not-an-email'
  })
  t.equal(bad.statusCode, 400)
  t.match(bad.body, /There is a problem/)
  t.match(bad.body, /Enter the largest number of full-time equivalent staff a micro provider has/)
  t.match(bad.body, /Enter a telephone number, like 0113 222 4401/)
  t.match(bad.body, /value="call us"/, 'the input is kept')
  const tooBig = await admin.post(url, { _csrf: form.csrf, version: form.version, microMaxFte: '60' })
  t.equal(tooBig.statusCode, 400, 'the bounds must grow')
  t.match(tooBig.body, /less than the small provider bound/)
  const saved = await admin.post(url, {
    _csrf: form.csrf,
    version: form.version,
    microMaxFte: '6',
    safeguardingPhone: '0113 222 4401',
    accessibilityEmail: 'access@northshire.example'
  })
  t.equal(saved.statusCode, 303)
  const [row] = await h.db.db.select().from(councils).where(eq(councils.id, north.id))
  t.equal(row!.microMaxFte, 6)
  t.equal(row!.safeguardingPhone, '0113 222 4401')
  t.ok((await auditOf('council', 'update')).length >= 1, 'audited')
  const stale = await admin.post(url, { _csrf: form.csrf, version: form.version, microMaxFte: '4' })
  t.equal(stale.statusCode, 409, 'read before the save: someone else changed this')
  t.match(stale.body, /Someone else changed this/)
  const shown = await co.get('/manage/settings')
  t.match(shown.body, /0113 222 4401/)
  const noCsrf = await admin.post(url, { version: String(row!.version), microMaxFte: '4' })
  t.equal(noCsrf.statusCode, 403, 'no CSRF token, no change')
})

t.test('people: the list, an admin invites a reviewer by email, deactivation asks first', async (t) => {
  const list = await co.get('/manage/settings/people')
  t.equal(list.statusCode, 200)
  t.match(list.body, /Co-ordinator/)
  t.match(list.body, /Only an admin adds co-ordinators and reviewers/)
  const url = '/manage/settings/people/new'
  const form = await formOf(admin, url)
  const bad = await admin.post(url, { _csrf: form.csrf, personName: 'Rae Reed', personEmail: 'rae@' })
  t.equal(bad.statusCode, 400)
  t.match(bad.body, /Enter an email address in the correct format/)
  t.match(bad.body, /Select what they will do/)
  t.match(bad.body, /Select their council/)
  t.match(bad.body, /value="Rae Reed"/, 'the input is kept')
  const made = await admin.post(url, {
    _csrf: form.csrf,
    personName: 'Rae Reed',
    personEmail: 'Rae@Northshire.example',
    role: 'reviewer',
    councilId: north.id
  })
  t.equal(made.statusCode, 303)
  t.match((await admin.get(String(made.headers.location))).body, /The invitation is on its way/)
  await runJobs(h.app.deps)
  const mail = (await listDemoMailbox(h.app.deps, 100)).filter((m) => m.address === 'rae@northshire.example')
  t.same(mail.map((m) => m.kind), ['staff_invited'], 'the invitation is in the demo mailbox')
  t.match(mail[0]!.body, /\/sign-in/)

  const coForm = await co.get(url)
  t.equal(coForm.statusCode, 403, 'the form is not offered to a co-ordinator')
  t.match(coForm.body, /Only an admin adds co-ordinators and reviewers/)
  const refused = await co.post(url, {
    _csrf: (await formOf(co, '/manage/settings/tokens/new')).csrf,
    personName: 'Al',
    personEmail: 'al@northshire.example',
    role: 'coordinator'
  })
  t.equal(refused.statusCode, 403, 'nor may they send it (with their own CSRF token): the use case refuses')
  t.match(refused.body, /Co-ordinators may only create provider users/)

  const [rae] = await h.db.db.select().from(users).where(eq(users.email, 'rae@northshire.example'))
  t.notMatch(list.body, /Deactivate<span class="govuk-visually-hidden"> Rae/)
  t.equal((await co.get(`/manage/settings/people/${rae!.id}/deactivate`)).statusCode, 404,
    'a co-ordinator looks after provider users only')
  const sure = await admin.get(`/manage/settings/people/${rae!.id}/deactivate`)
  t.equal(sure.statusCode, 200)
  t.match(sure.body, /Are you sure you want to deactivate this person\?/)
  t.match(sure.body, /govuk-button--warning/)
  const done = await admin.post(`/manage/settings/people/${rae!.id}/deactivate`, { _csrf: csrfOf(sure.body) })
  t.equal(done.statusCode, 303)
  const [after] = await h.db.db.select().from(users).where(eq(users.id, rae!.id))
  t.equal(after!.active, false)
  t.equal((await auditOf('user', 'deactivate')).length, 1, 'audited')
})

t.test('API tokens: the secret shown once and never cached, revoked after a confirmation', async (t) => {
  const url = '/manage/settings/tokens/new'
  const form = await formOf(co, url)
  const empty = await co.post(url, { _csrf: form.csrf, label: ' ' })
  t.equal(empty.statusCode, 400)
  t.match(empty.body, /Enter what the token is for/)
  const made = await co.post(url, { _csrf: form.csrf, label: 'Directory export' })
  t.equal(made.statusCode, 201)
  t.equal(made.headers['cache-control'], 'no-store')
  const secret = /<code class="app-secret__value">(qm_[^<]+)<\/code>/.exec(made.body)?.[1] ?? ''
  t.ok(secret.length > 20, 'the secret is on the page')
  const me = await h.app.inject({ url: '/api/v1/me', headers: h.auth(secret) })
  t.equal(me.statusCode, 200, 'and it works')
  const list = await co.get('/manage/settings/tokens')
  t.match(list.body, /Directory export/)
  t.notMatch(list.body, secret, 'never shown again')
  const id = /Directory export[\s\S]*?\/manage\/settings\/tokens\/([0-9a-f-]{36})\/revoke/.exec(list.body)?.[1] ?? ''
  const sure = await co.get(`/manage/settings/tokens/${id}/revoke`)
  t.match(sure.body, /Are you sure you want to revoke this token\?/)
  const gone = await co.post(`/manage/settings/tokens/${id}/revoke`, { _csrf: csrfOf(sure.body) })
  t.equal(gone.statusCode, 303)
  t.match((await co.get(String(gone.headers.location))).body, /The token is revoked/)
  t.equal((await h.app.inject({ url: '/api/v1/me', headers: h.auth(secret) })).statusCode, 401)
})

t.test('webhooks: the URL rules, the secret once, the delivery log, removal asks first', async (t) => {
  const url = '/manage/settings/webhooks/new'
  const form = await formOf(co, url)
  const inside = await co.post(url, { _csrf: form.csrf, url: 'https://intranet.example.org/hook' })
  t.equal(inside.statusCode, 400)
  t.match(inside.body, /must resolve to public addresses only/)
  t.match(inside.body, /value="https:\/\/intranet.example.org\/hook"/, 'the input is kept')
  const notUrl = await co.post(url, { _csrf: form.csrf, url: 'hooks' })
  t.match(notUrl.body, /Enter a web address in the correct format/)
  const made = await co.post(url, { _csrf: form.csrf, url: 'https://hooks.example.org/qm', description: 'Directory' })
  t.equal(made.statusCode, 201)
  t.equal(made.headers['cache-control'], 'no-store')
  t.match(made.body, /whsec_/)
  const list = await co.get('/manage/settings/webhooks')
  t.match(list.body, /https:\/\/hooks.example.org\/qm/)
  t.notMatch(list.body, /whsec_/)
  const id = /\/manage\/settings\/webhooks\/([0-9a-f-]{36})"/.exec(list.body)?.[1] ?? ''
  const log = await co.get(`/manage/settings/webhooks/${id}`)
  t.equal(log.statusCode, 200)
  t.match(log.body, /Deliveries \(0\)/)
  const sure = await co.get(`/manage/settings/webhooks/${id}/remove`)
  t.match(sure.body, /Are you sure you want to remove this webhook\?/)
  const gone = await co.post(`/manage/settings/webhooks/${id}/remove`, { _csrf: csrfOf(sure.body) })
  t.equal(gone.statusCode, 303)
  t.match((await co.get(`/manage/settings/webhooks/${id}`)).body, /Removed/)
  t.equal((await auditOf('webhook', 'deactivate')).length, 1, 'audited')
})

t.test('every form refuses a post without its CSRF token, and writes nothing', async (t) => {
  const before = (await h.db.db.select().from(auditEvents)).length
  for (const url of [
    '/manage/settings/people/new',
    '/manage/settings/tokens/new',
    '/manage/settings/webhooks/new',
    `/manage/settings/people/${north.reviewer.id}/deactivate`
  ]) {
    const res = await admin.post(url, { label: 'x', url: 'https://hooks.example.org/x', personName: 'A B' })
    t.equal(res.statusCode, 403, `${url}: no CSRF token, refused`)
  }
  t.equal((await h.db.db.select().from(auditEvents)).length, before, 'nothing audited, nothing written')
})

t.test('messages sent; a provider user gets the forbidden page; no session goes to sign-in', async (t) => {
  const sent = await co.get('/manage/settings/notifications')
  t.equal(sent.statusCode, 200)
  t.match(sent.body, /Sign in link/)
  const p = await h.addProvider(north, { name: 'Bright Days' })
  const person = await signedInStaff(h, { id: p.userId }, 'owner@bright.example')
  for (const path of ['', '/people', '/tokens', '/webhooks', '/notifications']) {
    t.equal((await person.get(`/manage/settings${path}`)).statusCode, 403, `provider: /manage/settings${path}`)
  }
  t.equal((await h.app.inject({ url: '/manage/settings/people' })).statusCode, 303)
})
