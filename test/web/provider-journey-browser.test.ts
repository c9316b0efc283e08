// The provider's whole journey in real Chromium on a phone (README: For providers), with the mail read back from a
// real SMTP server: the co-ordinator's invitation → sign in with the link → task list → a real PDF and photos
// uploaded at 375 px → the co-ordinator's request for information answered → "where you stand" changes → a comment
// on the proposed decision and acceptance → the certificate, whose QR code decodes to the verify page → a year on,
// the renewal reminder and the renewal on "keeping your mark". axe-core and the 320 px reflow on every page (with
// JavaScript on); the same journey with JavaScript off; the comment written and sent with the keyboard alone.
import { readFile } from 'node:fs/promises'
import t from 'tap'
import { assessmentDriver } from '../helpers/assessments.js'
import { browserAvailable, screenshot } from '../helpers/browser.js'
import { startSmtp } from '../helpers/mail.js'
import { readPdf } from '../helpers/pdf.js'
import { tinyPng } from '../helpers/provider-portal.js'
import { fromSmtp, pageChecks, phone, portalInBrowser, signIn, tabTo, uploadPdf } from '../helpers/provider-browser.js'
import { DEFAULT_SCHEME } from '../../src/domain/scheme/index.js'
import { runJobs } from '../../src/use-cases/jobs/run-jobs.js'

interface Piece { id: string; status: string }
interface Item { code: string; tier: string; applicable: boolean; status: string; evidence: Piece[] }

t.test('a provider from invitation to renewal reminder, on a phone', { skip: !browserAvailable() }, async (t) => {
  const smtp = await startSmtp()
  t.teardown(smtp.close)
  const { h, base, north, browser } = await portalInBrowser(t, {
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Quality Mark <qm@northshire.example>',
    SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: '100'
  })
  const drive = assessmentDriver(h)
  const staff = north.coordinator.token
  const api = async (url: string) =>
    (await h.app.inject({ method: 'GET', url, headers: h.auth(staff) })).json()
  const checklist = async (id: string): Promise<Item[]> => (await api(`/api/v1/assessments/${id}`)).checklist

  for (const js of [true, false]) {
    await t.test(`with JavaScript ${js ? 'on' : 'off'}`, async (t) => {
      h.clock.set('2026-03-02T10:00:00Z')
      const name = js ? 'Ann Care' : 'Bea Care'
      const email = js ? 'ann@care.example' : 'bea@care.example'
      const p = await h.addProvider(north, { name })
      const page = await phone(browser, js)
      const check = pageChecks(t, page, js)
      const shot = async (what: string) => {
        if (js) await screenshot(page, `provider-${what}`)
      }
      const text = async () => (await page.textContent('main')) ?? ''

      // The co-ordinator invites the owner through the API; the jobs send the invitation by SMTP.
      const invited = smtp.nextTo(email, /invited/)
      const user = await h.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: h.auth(staff),
        payload: { role: 'provider', name: `${name} owner`, email, providerId: p.id }
      })
      t.equal(user.statusCode, 201, user.body)
      await runJobs(h.app.deps)
      const invitation = await invited
      t.equal(invitation.subject, 'You have been invited to the Northshire Council Quality Mark')
      t.match(invitation.text, `apply for its Quality Mark for ${name}`)
      const link = /https?:\/\/\S+\/sign-in\b/.exec(invitation.text ?? '')?.[0]
      t.equal(link, `${base}/sign-in`, 'the invitation links to this service')

      await signIn(h, page, base, email, fromSmtp(smtp))
      await check('start page')
      await shot('start')
      await page.getByRole('button', { name: 'Start your application' }).click()
      await page.waitForURL(`${base}/provider`)
      await check('task list')
      await shot('task-list')

      // A real PDF with a GOV.UK date input, then two photos at once.
      await page.getByRole('link', { name: 'Public liability insurance of at least £5m' }).click()
      await page.waitForURL(`${base}/provider/items/INS_PL`)
      await check('item page')
      await uploadPdf(page, base, 'INS_PL', '2027-06-30')
      t.match(await text(), /insurance\.pdf/)
      await check('item page after the upload')
      await shot('item')

      await page.goto(`${base}/provider/items/STORY`)
      await page.setInputFiles('#file-file', [
        { name: 'garden.png', mimeType: 'image/png', buffer: tinyPng() },
        { name: 'kitchen.png', mimeType: 'image/png', buffer: tinyPng() }
      ])
      await page.getByRole('button', { name: 'Upload and send' }).click()
      await page.waitForURL(`${base}/provider/items/STORY?done=sent`)
      t.match(await text(), /garden\.png[\s\S]*kitchen\.png/, 'both photos are kept')
      await check('photos sent')

      await page.goto(`${base}/provider/standing`)
      const before = await text()
      t.match(before, /We are still checking your public liability insurance/)
      await check('where you stand')

      await page.goto(`${base}/provider`)
      await page.getByRole('button', { name: 'Send your application' }).click()
      await page.waitForURL(`${base}/provider?done=sent`)
      t.match(await text(), /Your application has been sent/)
      const mine = await h.app.inject({ method: 'GET', url: '/api/v1/assessments', headers: h.auth(p.token) })
      const id: string = mine.json().items[0].id
      t.equal((await drive.post(staff, `/api/v1/assessments/${id}/start-review`)).statusCode, 200)

      // The co-ordinator's request, through the API's own route; the provider answers it on the task list.
      const asked = smtp.nextTo(email, /more information/)
      const request = await drive.post(staff, `/api/v1/assessments/${id}/request-info`, {
        note: 'Please send the schedule page of your insurance as well.'
      })
      t.equal(request.statusCode, 200, request.body)
      await runJobs(h.app.deps)
      t.match((await asked).text, /Please send the schedule page/)
      await page.goto(`${base}/provider`)
      t.match(await text(), /Your co-ordinator asked[\s\S]*Please send the schedule page/)
      await check('task list with a request')
      await page.getByRole('button', { name: 'Send your answer' }).click()
      await page.waitForURL(`${base}/provider/answer`)
      t.match(await page.textContent('.govuk-error-summary'), /Enter your answer/)
      await check('task list with an error')
      await page.fill('#answer', 'The schedule is page 2 of the PDF I sent.')
      await page.getByRole('button', { name: 'Send your answer' }).click()
      await page.waitForURL(`${base}/provider?done=answered`)
      t.match(await text(), /Your answer has been sent/)

      // The co-ordinator verifies what was sent and the rest of bronze is met: where they stand changes.
      for (const item of await checklist(id)) {
        for (const piece of item.evidence.filter((e) => e.status === 'submitted')) {
          const verified = await drive.post(staff, `/api/v1/assessments/${id}/evidence/${piece.id}/verify`)
          t.equal(verified.statusCode, 200, verified.body)
        }
      }
      const today = h.clock.now.toISOString().slice(0, 10)
      for (const item of await checklist(id)) {
        if (!item.applicable || item.tier !== 'B' || item.status === 'verified') continue
        const scheme = DEFAULT_SCHEME.checklist.find((c) => c.code === item.code)
        if (scheme === undefined) throw new Error(`${item.code} is not in the default scheme`)
        const evidenceId = await drive.giveEvidence(id, scheme, p.token, today)
        await drive.post(staff, `/api/v1/assessments/${id}/evidence/${evidenceId}/verify`)
      }
      await drive.addGlowingFeedback(id, north.id, p.id, 3)
      await page.goto(`${base}/provider/standing`)
      const after = await text()
      t.notMatch(after, /still checking your public liability insurance/, 'the verified item is no longer waiting')
      t.equal(await page.textContent('#level'), 'Bronze', 'bronze if decided today')
      t.not(after, before)
      await check('where you stand, later')
      await shot('standing')

      // The proposal: a comment with the keyboard alone, then acceptance.
      t.equal((await drive.post(staff, `/api/v1/assessments/${id}/mark-ready`)).statusCode, 200)
      const proposed = await drive.post(staff, `/api/v1/assessments/${id}/propose-decision`, { level: 'bronze' })
      t.equal(proposed.statusCode, 200, proposed.body)
      await page.goto(`${base}/provider`)
      await page.getByRole('link', { name: 'Read the decision' }).click()
      await page.waitForURL(`${base}/provider/decision`)
      t.match(await text(), /You have until 2026-03-16 to tell us/)
      await check('decision')
      await shot('decision')
      t.ok(await tabTo(page, 'comment'), 'the comment box is reachable with Tab')
      await page.keyboard.type('We also have professional indemnity cover.')
      await page.keyboard.press('Tab')
      await page.keyboard.press('Enter')
      await page.waitForURL(`${base}/provider/decision?done=commented`)
      t.match(await text(), /Your comment has been sent/)
      await check('decision after the comment')
      await page.getByRole('button', { name: 'Accept the decision' }).click()
      await page.waitForURL(`${base}/provider/decision?done=accepted`)
      t.match(await text(), /You accepted this decision on 2026-03-02/)
      const published = await drive.post(staff, `/api/v1/assessments/${id}/publish-decision`)
      t.equal(published.statusCode, 200, published.body)
      const awardId: string = (await api(`/api/v1/assessments/${id}`)).awardId

      // The award page and its certificate, as the browser downloads it.
      await page.goto(`${base}/provider/award`)
      t.match(await text(), /Bronze/)
      await check('award page')
      await shot('award')
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /Download your certificate/ }).click()
      ])
      const [certificate] = readPdf(await readFile(await download.path()))
      t.same(certificate?.qrCodes, [`${base}/verify/${awardId}`], 'the QR code decodes to the verify page')
      t.match(certificate?.text, 'Bronze Quality Mark')
      t.match(certificate?.text, name)
      await page.goto(`${base}/verify/${awardId}`)
      t.match(await text(), new RegExp(`${name} holds a Bronze Quality Mark`))
      await check('verify page')

      // Ten months on, the jobs open the renewal and remind the provider by email.
      const reminded = smtp.nextTo(email, /renew/)
      h.clock.set('2027-01-05T07:00:00Z')
      await runJobs(h.app.deps)
      await runJobs(h.app.deps)
      const reminder = await reminded
      t.equal(reminder.subject, 'It is time to renew your Quality Mark')
      t.match(reminder.text, `${base}/sign-in`)
      await signIn(h, page, base, email, fromSmtp(smtp))
      await page.goto(`${base}/provider/keeping`)
      t.match(await text(), /Your renewal assessment is open/)
      await check('keeping your mark, renewal open')
      await shot('keeping')
      await page.getByRole('link', { name: 'Go to your renewal task list' }).click()
      await page.waitForURL(`${base}/provider`)
      t.match(await text(), /Your application/)
      await page.context().close()
    })
  }
})
