// Apply to join the scheme (README: For providers, For co-ordinators): the public form with its checks (input kept,
// a kind word for a business over the micro bound), the confirmation email, the co-ordinator's list and work queue,
// accept (registered and invited) or decline with a reason (emailed); CSRF and the per-client limit; nothing of
// another council's requests.
import t from 'tap'
import { eq } from 'drizzle-orm'
import { auditEvents, interests } from '../../src/db/schema/index.js'
import { runJobs } from '../../src/use-cases/jobs/run-jobs.js'
import { listDemoMailbox } from '../../src/use-cases/notifications.js'
import { buildTestApp } from '../helpers/app.js'
import { signedInStaff } from '../helpers/manage.js'
import { browserClient, csrfOf, signInByEmail } from '../helpers/sign-in.js'

const h = await buildTestApp(t, {
  env: { SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: '100', JOIN_REQUESTS_PER_CLIENT_PER_MINUTE: '8' }
})
const [north, south] = h.councils
const co = await signedInStaff(h, north.coordinator, 'co@northshire.example')
const southCo = await signedInStaff(h, south.coordinator, 'co@southshire.example')
const visitor = browserClient(h)

const request = {
  businessName: 'Willow Home Help',
  legalForm: 'sole_trader',
  contactName: 'Wendy Willow',
  email: 'Wendy@Willow.example',
  phone: '',
  postcode: 'ls29 8aa',
  serviceTypes: 'support_in_home',
  offer: 'Help at home for older people in Ilkley: shopping, cleaning and company.',
  fte: '1.5'
}
const send = async (fields: Record<string, string>) =>
  await visitor.post('/join/northshire', { ...fields, _csrf: csrfOf((await visitor.get('/join/northshire')).body) })
const mailTo = async (address: string) =>
  (await listDemoMailbox(h.app.deps, 100)).filter((m) => m.address === address)

t.test('the front page links to the form, which says what the mark is before it asks anything', async (t) => {
  t.match((await visitor.get('/')).body, /href="\/join\/northshire">Apply to join the Northshire Council Quality Mark/)
  const page = await visitor.get('/join/northshire')
  t.equal(page.statusCode, 200)
  t.match(page.body, /Who can join[\s\S]*What you will need[\s\S]*How long it takes[\s\S]*<form/)
  t.match(page.body, /5 full-time staff or fewer/)
  t.equal((await visitor.get('/join/nowhere')).statusCode, 404)
})

t.test('errors keep the input; a business over the micro bound is told kindly; nothing is stored', async (t) => {
  const bad = await send({ ...request, businessName: '', email: 'wendy@', postcode: 'nowhere', serviceTypes: '' })
  t.equal(bad.statusCode, 400)
  t.match(bad.body, /<title>Error: /)
  t.match(bad.body, /href="#businessName">Enter the name of your business/)
  t.match(bad.body, /href="#email">Enter an email address in the correct format/)
  t.match(bad.body, /href="#postcode">Enter a real postcode/)
  t.match(bad.body, /href="#serviceTypes">Select what your business offers/)
  t.match(bad.body, /value="wendy@"/, 'input kept')
  t.match(bad.body, /value="nowhere"/)
  t.match(bad.body, /Help at home for older people in Ilkley/)
  const big = await send({ ...request, fte: '12' })
  t.equal(big.statusCode, 400)
  t.match(big.body, /href="#fte">The Quality Mark is for businesses with 5 staff or fewer/)
  t.match(big.body, /Your business is bigger than that, so it cannot join this scheme/)
  t.match(big.body, /This is not a judgement about your service/)
  t.match(big.body, /value="12"/)
  const noToken = await visitor.post('/join/northshire', request)
  t.equal(noToken.statusCode, 403, 'without the CSRF token nothing is stored')
  t.match((await co.get('/manage/interest')).body, /There are none to show/)
})

t.test('the manage navigation leads to the requests, marked as the section shown', async (t) => {
  const link = /<a class="govuk-service-navigation__link" href="\/manage\/interest"( aria-current="true")?>/
  const onQueue = link.exec((await co.get('/manage')).body)
  t.ok(onQueue, 'the work queue links to the requests')
  t.equal(onQueue?.[1], undefined, 'not marked as the section shown there')
  t.equal(link.exec((await co.get('/manage/interest')).body)?.[1], ' aria-current="true"', 'marked on its own list')
})

t.test('sent: a confirmation email; seen in the queue and the list; no other council', async (t) => {
  const res = await send(request)
  t.equal(res.statusCode, 303)
  t.equal(res.headers.location, '/join/northshire/sent')
  t.match((await visitor.get('/join/northshire/sent')).body, /We have your request/)
  const mail = await mailTo('wendy@willow.example')
  t.same(mail.map((m) => m.kind), ['interest_received'])
  t.match(mail[0]!.body, /A co-ordinator will look at your request/)
  const queue = await co.get('/manage')
  t.match(queue.body, /Requests to join the scheme/)
  t.match(queue.body, /Request to join from Willow Home Help/)
  const list = await co.get('/manage/interest')
  t.match(list.body, /1 request/)
  t.match(list.body, /Willow Home Help/)
  t.notMatch((await southCo.get('/manage/interest')).body, /Willow/, "another council's list")
  t.notMatch((await southCo.get('/manage')).body, /Willow/, "another council's queue")
  const id = /href="\/manage\/interest\/([0-9a-f-]{36})"/.exec(list.body)![1]!
  t.equal((await southCo.get(`/manage/interest/${id}`)).statusCode, 404)
  const page = await co.get(`/manage/interest/${id}`)
  t.match(page.body, /Wendy Willow/)
  t.match(page.body, /LS29 8AA/)
  t.match(page.body, /Accept and register the provider/)
  const audit = await h.db.db.select().from(auditEvents)
  t.ok(audit.some((e) => e.entityType === 'interest' && e.action === 'create' && e.actorRole === 'public'))
})

t.test('accept: the register form filled in from the request; the provider registered and the person invited',
  async (t) => {
    const list = await co.get('/manage/interest')
    const id = /href="\/manage\/interest\/([0-9a-f-]{36})"/.exec(list.body)![1]!
    const form = await co.get(`/manage/interest/${id}/accept`)
    t.equal(form.statusCode, 200)
    t.match(form.body, /value="Willow Home Help"/)
    t.match(form.body, /value="wendy@willow.example"/)
    t.match(form.body, /value="Wendy Willow"/)
    const fields = {
      name: 'Willow Home Help',
      legalForm: 'sole_trader',
      description: 'Help at home',
      fte: '1.5',
      activeClients: '4',
      serviceTypes: 'support_in_home',
      clientGroups: 'older_people',
      area: 'Ilkley',
      postcode: 'LS29 8AA',
      hourlyPrice: '',
      cqcLocationId: '',
      cqcRating: '',
      email: '',
      phone: '',
      website: '',
      route: '',
      personName: 'Wendy Willow',
      personEmail: 'wendy@willow.example'
    }
    const missing = await co.post(`/manage/interest/${id}/accept`, { ...fields, area: '', _csrf: csrfOf(form.body) })
    t.equal(missing.statusCode, 400)
    t.match(missing.body, /href="#area"/)
    t.match(missing.body, /value="Wendy Willow"/, 'input kept')
    const southCross = await southCo.post(`/manage/interest/${id}/accept`, {
      ...fields, _csrf: csrfOf((await southCo.get('/account')).body)
    })
    t.equal(southCross.statusCode, 404, "another council's co-ordinator cannot accept it")
    const done = await co.post(`/manage/interest/${id}/accept`, { ...fields, _csrf: csrfOf(form.body) })
    t.equal(done.statusCode, 303)
    t.match(String(done.headers.location), /^\/manage\/providers\/[0-9a-f-]{36}\?done=registered_invited$/)
    const provider = await co.get(String(done.headers.location))
    t.match(provider.body, /Willow Home Help/)
    t.match(provider.body, /Wendy Willow, wendy@willow.example/)
    const again = await co.post(`/manage/interest/${id}/accept`, { ...fields, _csrf: csrfOf(form.body) })
    t.equal(again.statusCode, 409, 'answered once only')
    t.match(again.body, /already accepted/)
    t.notMatch((await co.get('/manage')).body, /Request to join from Willow/, 'gone from the queue')
    t.match((await co.get('/manage/interest?state=accepted')).body, /Willow Home Help/)
    await runJobs(h.app.deps)
    t.same((await mailTo('wendy@willow.example')).map((m) => m.kind).sort(), ['interest_received', 'provider_invited'])
    const wendy = browserClient(h)
    await signInByEmail(h, wendy, 'wendy@willow.example')
    t.equal((await wendy.get('/provider')).statusCode, 200, 'Wendy signs in to her own portal')

    // Erasing the provider on request erases the request it came from and the emails sent to it.
    const providerId = String(done.headers.location).split('/')[3]!.split('?')[0]!
    const erased = await h.app.inject({
      method: 'POST',
      url: `/api/v1/providers/${providerId}/erasure`,
      headers: h.auth(north.coordinator.token),
      payload: { confirm: 'Willow Home Help' }
    })
    t.equal(erased.statusCode, 200, erased.body)
    const [row] = await h.db.db.select().from(interests).where(eq(interests.id, id))
    t.match(row, { businessName: 'Erased provider', contactName: 'Erased user', email: '', offer: '', postcode: '' })
    t.same(await mailTo('wendy@willow.example'), [], 'no message keeps the address')
  })

t.test('decline with a reason: the person is emailed why', async (t) => {
  t.equal((await send({ ...request, businessName: 'Far Away Care', email: 'far@away.example' })).statusCode, 303)
  const list = await co.get('/manage/interest')
  const id = /href="\/manage\/interest\/([0-9a-f-]{36})">Far Away Care/.exec(list.body)![1]!
  const form = await co.get(`/manage/interest/${id}/decline`)
  t.match(form.body, /Decline the request to join/)
  const blank = await co.post(`/manage/interest/${id}/decline`, { reason: '', _csrf: csrfOf(form.body) })
  t.equal(blank.statusCode, 400)
  t.match(blank.body, /href="#reason">Enter why they cannot join/)
  const done = await co.post(`/manage/interest/${id}/decline`, {
    reason: 'The scheme is for services in Northshire, and you are based outside it.',
    _csrf: csrfOf(form.body)
  })
  t.equal(done.statusCode, 303)
  t.match((await co.get(String(done.headers.location))).body, /Request declined\. We have emailed them the reason\./)
  const mail = await mailTo('far@away.example')
  t.same(mail.map((m) => m.kind).sort(), ['interest_declined', 'interest_received'])
  const declined = mail.find((m) => m.kind === 'interest_declined')!
  t.match(declined.body, /The scheme is for services in Northshire, and you are based outside it\./)
  t.match(declined.body, /\/join\/northshire/)
})

t.test('the public form is limited per client', async (t) => {
  let status = 0
  for (let n = 0; n < 10 && status !== 429; n++) status = (await send({ ...request, fte: 'x' })).statusCode
  t.equal(status, 429, 'too many requests from one client are refused')
})
