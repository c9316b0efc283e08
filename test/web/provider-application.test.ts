// The provider's portal through its pages (README: For providers): the start page, the task list with statuses and
// reasons, an item's forms (a real PDF and PNG uploaded as multipart, a declaration, GOV.UK dates), a wrong type or
// an oversize file refused with the rest kept, an information request answered, "where you stand" moving when a
// co-ordinator verifies, and never another provider's data.
import t from 'tap'
import { and, eq } from 'drizzle-orm'
import { auditEvents, evidence } from '../../src/db/schema/index.js'
import { buildTestApp } from '../helpers/app.js'
import { tinyPdf } from '../helpers/assessments.js'
import { csrfOf } from '../helpers/sign-in.js'
import { postMultipart, signedInProvider, taskHintOf, taskStatusOf, tinyPng } from '../helpers/provider-portal.js'

t.test('a provider starts, fills in and sends an application from the task list', async (t) => {
  const h = await buildTestApp(t, { env: { UPLOAD_LIMIT_BYTES: String(64 * 1024) } })
  const [north] = h.councils
  const p = await h.addProvider(north)
  const b = await signedInProvider(h, p, 'ann@anns.example')

  const start = await b.get('/provider')
  t.equal(start.statusCode, 200)
  t.match(start.body, /Apply for a Quality Mark/)
  t.match(start.body, /What you will need/)
  t.match(start.body, /How long it takes/)
  const started = await b.post('/provider/start', { _csrf: csrfOf(start.body) })
  t.equal(started.statusCode, 303)
  t.equal(started.headers.location, '/provider')

  let list = await b.get('/provider')
  t.equal(list.statusCode, 200)
  t.match(list.body, /govuk-task-list/)
  t.equal(taskStatusOf(list.body, 'Lone working'), 'Not started')
  t.match(taskHintOf(list.body, 'Lone working'), /because you work alone/)
  t.equal(taskStatusOf(list.body, 'Food hygiene level 2'), 'Not applicable')
  t.match(taskHintOf(list.body, 'Food hygiene level 2'), /Not needed because you do not prepare food/)
  t.match(taskHintOf(list.body, 'Public liability insurance of at least £5m'), /Send a document\. It needs the date/)
  t.match(taskHintOf(list.body, 'Size and independence declaration'), /Send a declaration\. Every provider needs this/)
  t.notMatch(list.body, /href="\/provider\/items\/FOOD_HYG"/, 'an item that does not apply has no page')
  t.equal((await b.get('/provider/items/FOOD_HYG')).statusCode, 404)

  t.test('a declaration: checked, kept on error, then sent', async (t) => {
    const page = await b.get('/provider/items/SIZE_DECL')
    t.equal(page.statusCode, 200)
    const empty = await b.post('/provider/items/SIZE_DECL', { _csrf: csrfOf(page.body), narrative: '  ' })
    t.equal(empty.statusCode, 400)
    t.match(empty.body, /govuk-error-summary/)
    t.match(empty.body, /href="#text-narrative">Enter what you want to tell us/)
    const ok = await b.post('/provider/items/SIZE_DECL', {
      _csrf: csrfOf(page.body),
      narrative: 'I declare that I work alone and am independent.'
    })
    t.equal(ok.statusCode, 303)
    t.equal(ok.headers.location, '/provider/items/SIZE_DECL?done=sent')
    list = await b.get('/provider')
    t.equal(taskStatusOf(list.body, 'Size and independence declaration'), 'Sent')
    const [audit] = await h.db.db.select().from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'evidence'), eq(auditEvents.action, 'submit')))
    t.equal(audit?.actorUserId, p.userId, 'the audit names the signed-in person')
  })

  t.test('a PDF and a PNG uploaded together with an expiry date', async (t) => {
    const page = await b.get('/provider/items/INS_PL')
    t.match(page.body, /enctype="multipart\/form-data"/)
    t.match(page.body, /smaller than 64 KB/, 'the limits are said before the upload')
    const res = await postMultipart(h, b, '/provider/items/INS_PL/files', page.body, {
      'expiresOn-day': '31', 'expiresOn-month': '12', 'expiresOn-year': '2026'
    }, [
      { name: 'certificate.pdf', type: 'application/pdf', content: tinyPdf() },
      { name: 'photo.png', type: 'image/png', content: tinyPng() }
    ])
    t.equal(res.statusCode, 303, res.body.slice(0, 300))
    const item = await b.get(String(res.headers.location))
    t.match(item.body, /Thank you/)
    t.match(item.body, /certificate\.pdf/)
    t.match(item.body, /photo\.png/)
    t.match(item.body, /runs out on 2026-12-31/)
    list = await b.get('/provider')
    t.equal(taskStatusOf(list.body, 'Public liability insurance of at least £5m'), 'Sent')
    const link = /href="(\/api\/v1\/assessments\/[^"]+\/files\/[^"]+)">certificate\.pdf/.exec(item.body)?.[1]
    const download = await h.app.inject({ method: 'GET', url: link ?? '', headers: b.jar.header() })
    t.equal(download.statusCode, 200)
    t.same(download.rawPayload, tinyPdf(), 'the file comes back byte for byte')
  })

  t.test('a wrong type or an oversize file is refused and the rest of the form kept', async (t) => {
    const before = (await h.db.db.select().from(evidence)).length
    const page = await b.get('/provider/items/INS_PI')
    const dates = { 'expiresOn-day': '12', 'expiresOn-month': '11', 'expiresOn-year': '2026' }
    const wrong = await postMultipart(h, b, '/provider/items/INS_PI/files', page.body, dates, [
      { name: 'notes.pdf', type: 'application/pdf', content: Buffer.from('just some text, not a PDF') }
    ])
    t.equal(wrong.statusCode, 400)
    t.match(wrong.body, /govuk-error-summary/)
    t.match(wrong.body, /href="#file-file">notes\.pdf must be a PDF, PNG/)
    t.match(wrong.body, /name="expiresOn-day" type="text" value="12"|value="12"/)
    t.match(wrong.body, /value="2026"/, 'the dates are kept')
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(70 * 1024, 0x20)])
    const tooBig = await postMultipart(h, b, '/provider/items/INS_PI/files', page.body, dates, [
      { name: 'big.pdf', type: 'application/pdf', content: big }
    ])
    t.equal(tooBig.statusCode, 400)
    t.match(tooBig.body, /big\.pdf must be smaller than 64 KB/)
    t.match(tooBig.body, /value="11"/)
    const none = await postMultipart(h, b, '/provider/items/INS_PI/files', page.body, dates, [
      { name: '', type: 'application/octet-stream', content: Buffer.alloc(0) }
    ])
    t.match(none.body, /Select a file to upload/)
    const badDate = await postMultipart(h, b, '/provider/items/INS_PI/files', page.body,
      { 'expiresOn-day': '31', 'expiresOn-month': '2', 'expiresOn-year': '2026' },
      [{ name: 'ok.pdf', type: 'application/pdf', content: tinyPdf() }])
    t.equal(badDate.statusCode, 400)
    t.match(badDate.body, /The date it runs out must be a real date/)
    const noDate = await postMultipart(h, b, '/provider/items/INS_PI/files', page.body, {},
      [{ name: 'ok.pdf', type: 'application/pdf', content: tinyPdf() }])
    t.equal(noDate.statusCode, 400)
    t.match(noDate.body, /Enter the date it was issued or the date it runs out/, 'the use case’s own rule')
    t.equal((await h.db.db.select().from(evidence)).length, before, 'nothing half-written')
    const noToken = await postMultipart(h, b, '/provider/items/INS_PI/files', '<input name="_csrf" value="x">',
      dates, [{ name: 'ok.pdf', type: 'application/pdf', content: tinyPdf() }])
    t.equal(noToken.statusCode, 403, 'a forged token is refused')
  })

  t.test('send, answer an information request, see where you stand move', async (t) => {
    list = await b.get('/provider')
    const sent = await b.post('/provider/send', { _csrf: csrfOf(list.body) })
    t.equal(sent.statusCode, 303)
    list = await b.get('/provider?done=sent')
    t.match(list.body, /Your application has been sent/)
    const { id } = (await h.app.inject({ method: 'GET', url: '/api/v1/assessments', headers: h.auth(p.token) }))
      .json().items[0]
    const staff = async (path: string, payload: object = {}) => await h.app.inject({
      method: 'POST', url: `/api/v1/assessments/${id}/${path}`, headers: h.auth(north.coordinator.token), payload
    })
    t.equal((await staff('start-review')).statusCode, 200)

    let standing = await b.get('/provider/standing')
    t.equal(standing.statusCode, 200)
    t.match(standing.body, /No Quality Mark yet/)
    t.match(standing.body, /We are still checking your size and independence declaration/)
    t.match(standing.body, /Send your safeguarding adults policy/)
    t.match(standing.body, /we have none yet/)
    const pieces = await h.db.db.select().from(evidence).where(eq(evidence.itemCode, 'SIZE_DECL'))
    t.equal((await staff(`evidence/${pieces[0]!.id}/verify`)).statusCode, 200)
    standing = await b.get('/provider/standing')
    t.notMatch(standing.body, /size and independence declaration/, 'verified: no longer missing')
    t.match(standing.body, /1 of the \d+ items that apply to you are verified/)

    const pl = await h.db.db.select().from(evidence).where(eq(evidence.itemCode, 'INS_PL'))
    t.equal((await staff(`evidence/${pl[0]!.id}/request-info`, { note: 'The photo is blurred' })).statusCode, 200)
    const item = await b.get('/provider/items/INS_PL')
    t.match(item.body, /Your co-ordinator says/)
    t.match(item.body, /The photo is blurred/)
    list = await b.get('/provider')
    t.equal(taskStatusOf(list.body, 'Public liability insurance of at least £5m'), 'More information needed')

    t.equal((await staff('request-info', { note: 'Who covers when you are ill?' })).statusCode, 200)
    list = await b.get('/provider')
    t.match(list.body, /Who covers when you are ill\?/)
    const blank = await b.post('/provider/answer', { _csrf: csrfOf(list.body), answer: ' ' })
    t.equal(blank.statusCode, 400)
    t.match(blank.body, /href="#answer">Enter your answer/)
    const answered = await b.post('/provider/answer', { _csrf: csrfOf(list.body), answer: 'My sister Jo covers.' })
    t.equal(answered.statusCode, 303)
    const read = (await h.app.inject({ method: 'GET', url: `/api/v1/assessments/${id}`, headers: h.auth(p.token) }))
      .json()
    t.equal(read.state, 'under_review')
    t.equal(read.infoResponseNote, 'My sister Jo covers.')

    t.test('another provider never sees this one’s data', async (t) => {
      const other = await h.addProvider(north, { name: 'Bob Care' })
      const ob = await signedInProvider(h, other, 'bob@bob.example')
      const theirs = await ob.get('/provider')
      t.match(theirs.body, /Apply for a Quality Mark/, 'their own (empty) application')
      t.notMatch(theirs.body, /Ann/)
      t.equal((await ob.get('/provider/items/INS_PL')).statusCode, 404)
      const file = /href="(\/api\/v1\/assessments\/[^"]+\/files\/[^"]+)">certificate\.pdf/.exec(item.body)?.[1]
      const download = await h.app.inject({ method: 'GET', url: file ?? '', headers: ob.jar.header() })
      t.equal(download.statusCode, 404)
      const staffPage = await h.app.inject({ method: 'GET', url: '/provider', headers: { cookie: '' } })
      t.equal(staffPage.statusCode, 303, 'signed out: to sign-in')
    })
  })
})
