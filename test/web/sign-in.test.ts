// Email sign-in links and sessions through the pages (README: Sign-in and sessions): the same answer for any
// address, single use, 15 minutes, per-address limit, fixation, cross-site posts, idle and absolute expiry,
// tampered cookies, sign out and sign out everywhere; and a session acts through the API like a token.
import { Writable } from 'node:stream'
import t from 'tap'
import { eq } from 'drizzle-orm'
import { auditEvents, sessions, signInLinks } from '../../src/db/schema/index.js'
import { listDemoMailbox } from '../../src/use-cases/notifications.js'
import { buildTestApp } from '../helpers/app.js'
import { startSmtp } from '../helpers/mail.js'
import { startNotifyStandIn } from '../helpers/notify-stand-in.js'
import { browserClient, csrfOf, linkIn, mailboxIds, mailboxLink, setEmail, signInByEmail } from '../helpers/sign-in.js'

const SESSION = 'qm-session'

t.test('an email link signs a provider in once; the answer is the same for unknown addresses', async (t) => {
  const h = await buildTestApp(t)
  const [north] = h.councils
  const p = await h.addProvider(north)
  await setEmail(h, p.userId, 'owner@anns.example')
  const b = browserClient(h)

  const page = await b.get('/sign-in')
  t.equal(page.statusCode, 200)
  t.match(page.body, /Email address/)
  const known = await b.post('/sign-in', { email: 'Owner@Anns.example', _csrf: csrfOf(page.body) })
  const unknown = await b.post('/sign-in', { email: 'nobody@anns.example', _csrf: csrfOf(page.body) })
  t.equal(known.statusCode, 303)
  t.equal(unknown.statusCode, 303)
  t.equal(known.headers.location, unknown.headers.location, 'known and unknown addresses get the same answer')
  const link = new URL(await mailboxLink(h, 'owner@anns.example'))
  t.equal((await listDemoMailbox(h.app.deps)).length, 1, 'nothing is sent for the unknown address')

  const landing = await b.get(link.pathname)
  t.equal(landing.statusCode, 200, 'following the link only shows a button: a mail scanner signs nobody in')
  t.notOk(b.jar.cookies.has(SESSION))
  const token = link.pathname.split('/').pop()!
  const signedIn = await b.post('/sign-in/link', { token, _csrf: csrfOf(landing.body) })
  t.equal(signedIn.statusCode, 303)
  t.equal(signedIn.headers.location, '/sign-in/continue')
  const onward = await b.get('/sign-in/continue')
  t.equal(onward.headers.location, '/provider', 'a provider goes on to their application')
  const cookie = [signedIn.headers['set-cookie']].flat().find((c) => String(c).startsWith(`${SESSION}=`))
  t.match(String(cookie), /HttpOnly/i)
  t.match(String(cookie), /SameSite=Lax/i)
  t.notMatch(String(cookie), /Secure/i, 'plain http (development): not Secure, so not __Host- either')

  const account = await b.get('/account')
  t.equal(account.statusCode, 200)
  t.match(account.body, /You are signed in as Ann&#39;s Home Help owner \(provider\)/)
  t.match(account.body, /Chrome on Linux \(this device\)/)

  // The session acts through the API exactly as the provider's token does: same principal, same rules.
  const me = await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: b.jar.header() })
  t.equal(me.statusCode, 200)
  t.same(me.json(), { userId: p.userId, role: 'provider', councilId: north.id, providerId: p.id })
  const other = await h.app.inject({ method: 'GET', url: '/api/v1/councils', headers: b.jar.header() })
  t.equal(other.statusCode, 403, 'a provider session may not list councils, as a provider token may not')

  // Replay: the used link shows a kind page and signs nobody in.
  const again = browserClient(h)
  const replayLanding = await again.get(link.pathname)
  t.equal(replayLanding.statusCode, 410)
  t.match(replayLanding.body, /already been used/)
  const csrf = csrfOf((await again.get('/sign-in')).body)
  const replay = await again.post('/sign-in/link', { token, _csrf: csrf })
  t.equal(replay.statusCode, 410)
  t.notOk(again.jar.cookies.has(SESSION))

  const audit = await h.db.db.select().from(auditEvents)
  const signIn = audit.find((e) => e.action === 'sign_in')
  t.equal(signIn?.actorUserId, p.userId, 'the audit names the person who signed in')

  t.test('expired and forged links get kind pages, never a 500', async (t) => {
    const b = browserClient(h)
    await b.post('/sign-in', { email: 'owner@anns.example', _csrf: csrfOf((await b.get('/sign-in')).body) })
    const seen = await mailboxIds(h, 'owner@anns.example')
    await b.post('/sign-in', { email: 'owner@anns.example', _csrf: csrfOf((await b.get('/sign-in')).body) })
    const link = new URL(await mailboxLink(h, 'owner@anns.example', seen))
    h.clock.now = new Date(h.clock.now.getTime() + 15 * 60_000)
    const expired = await b.get(link.pathname)
    t.equal(expired.statusCode, 410)
    t.match(expired.body, /expired/)
    const malformed = await b.get('/sign-in/link/%E0%A4%A')
    t.equal(malformed.statusCode, 400, 'a malformed address is a bad request, not a 500')
    const forgeries = ['qml_forged', 'qml_%3Cscript%3E', `qml_${'x'.repeat(150)}`].map((f) => `/sign-in/link/${f}`)
    for (const forged of forgeries) {
      const res = await b.get(forged)
      t.equal(res.statusCode, 404, forged.slice(0, 30))
      t.match(res.headers['content-type'], /text\/html/)
    }
    const post = await b.post('/sign-in/link', { token: 'qml_forged', _csrf: csrfOf((await b.get('/sign-in')).body) })
    t.equal(post.statusCode, 404)
  })

  t.test('a bad address keeps its input with an error summary', async (t) => {
    const b = browserClient(h)
    const res = await b.post('/sign-in', { email: 'not an email', _csrf: csrfOf((await b.get('/sign-in')).body) })
    t.equal(res.statusCode, 400)
    t.match(res.body, /<title>Error: /)
    t.match(res.body, /href="#email"/)
    t.match(res.body, /value="not an email"/)
  })
})

t.test('the sign-in link arrives through SMTP and through GOV.UK Notify, and signs in from there', async (t) => {
  const smtp = await startSmtp()
  t.teardown(smtp.close)
  const notify = await startNotifyStandIn()
  t.teardown(notify.close)
  const channels = {
    SMTP: {
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Quality Mark <qm@northshire.example>' },
      read: async (address: string) => {
        const mail = await smtp.nextTo(address)
        return { subject: mail.subject ?? '', text: mail.text ?? '' }
      }
    },
    'GOV.UK Notify (local stand-in)': {
      env: {
        NOTIFY_API_KEY: notify.apiKey,
        NOTIFY_BASE_URL: notify.url,
        NOTIFY_EMAIL_TEMPLATE_ID: '11111111-1111-4111-8111-111111111111'
      },
      read: async (address: string) => {
        for (let i = 0; i < 200; i++) {
          const got = notify.received.find((r) => r.to === address)
          const { subject = '', body = '' } = got?.personalisation ?? {}
          if (got !== undefined) return { subject, text: body }
          await new Promise((resolve) => setTimeout(resolve, 25))
        }
        throw new Error(`nothing reached the Notify stand-in for ${address}`)
      }
    }
  }
  for (const [name, channel] of Object.entries(channels)) {
    await t.test(name, async (t) => {
      const lines: string[] = []
      const logStream = new Writable({
        write (chunk, _enc, done) {
          lines.push(String(chunk))
          done()
        }
      })
      const h = await buildTestApp(t, { env: channel.env, logStream })
      const [north] = h.councils
      const p = await h.addProvider(north)
      const address = `owner-${name.length}@anns.example`
      await setEmail(h, p.userId, address)
      const b = browserClient(h)
      const page = await b.get('/sign-in')
      const arriving = channel.read(address)
      t.equal((await b.post('/sign-in', { email: address, _csrf: csrfOf(page.body) })).statusCode, 303)
      const message = await arriving
      t.match(message.subject, /sign in/i, 'the subject says what it is')
      t.match(message.text, /15 minutes/, 'it says how long the link works')
      t.same(await listDemoMailbox(h.app.deps), [], 'nothing is kept for a demo mailbox once a channel is set')
      const link = new URL(linkIn(message.text))
      const landing = await b.get(link.pathname)
      const token = link.pathname.split('/').pop() ?? ''
      const signedIn = await b.post('/sign-in/link', { token, _csrf: csrfOf(landing.body) })
      t.equal(signedIn.headers.location, '/sign-in/continue', 'the link from the message signs the person in')
      t.equal((await b.get('/sign-in/continue')).headers.location, '/provider')
      const log = lines.join('')
      t.match(log, /notification attempt/, 'the delivery was logged')
      t.notMatch(log, address, 'but not the address it went to')
      t.notMatch(log, token, 'nor the link')
      t.notMatch(log, /15 minutes/, 'nor the wording')
    })
  }
})

t.test('limits per address and per client', async (t) => {
  const h = await buildTestApp(t, {
    env: { SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: '2', SIGN_IN_REQUESTS_PER_CLIENT_PER_MINUTE: '5' }
  })
  t.test('per address: the answer stays the same, the extra links are not sent', async (t) => {
    const p = await h.addProvider(h.councils[0])
    await setEmail(h, p.userId, 'owner@anns.example')
    const b = browserClient(h)
    const csrf = csrfOf((await b.get('/sign-in')).body)
    for (let i = 0; i < 4; i++) {
      const res = await b.post('/sign-in', { email: 'owner@anns.example', _csrf: csrf })
      t.equal(res.statusCode, 303)
    }
    // Each answer comes once the link is recorded; the email goes in the background, so wait for both to arrive.
    t.equal((await h.db.db.select().from(signInLinks).where(eq(signInLinks.userId, p.userId))).length, 2,
      'two links made, not four')
    const mine = async () => (await listDemoMailbox(h.app.deps)).filter((m) => m.address === 'owner@anns.example')
    for (let i = 0; i < 300 && (await mine()).length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    t.equal((await h.db.db.select().from(sessions)).length, 0)
    t.equal((await mine()).length, 2, 'two links sent, not four')
  })
  t.test('per client: the fifth request in a minute (with the four above) is refused', async (t) => {
    const b = browserClient(h)
    const csrf = csrfOf((await b.get('/sign-in')).body)
    const res = await b.post('/sign-in', { email: 'someone@x.example', _csrf: csrf })
    t.equal(res.statusCode, 303)
    t.equal((await b.post('/sign-in', { email: 'someone@x.example', _csrf: csrf })).statusCode, 429)
    h.clock.now = new Date(h.clock.now.getTime() + 61_000)
  })
})

t.test('session rules: fixation, cross-site posts, expiry, tampering, sign out everywhere', async (t) => {
  const h = await buildTestApp(t, { env: { SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: '100' } })
  const [north] = h.councils
  await setEmail(h, north.coordinator.id, 'co@northshire.example')

  t.test('a session id planted before sign-in is not the one signed in', async (t) => {
    const b = browserClient(h)
    b.jar.cookies.set(SESSION, 'qms_planted-by-an-attacker')
    const account = await signInByEmail(h, b, 'co@northshire.example')
    t.equal(account.statusCode, 200)
    t.not(b.jar.cookies.get(SESSION), 'qms_planted-by-an-attacker')
    const headers = { cookie: `${SESSION}=qms_planted-by-an-attacker` }
    const planted = await h.app.inject({ method: 'GET', url: '/account', headers })
    t.equal(planted.statusCode, 303)
  })

  t.test('a change without the form token (a cross-site post) is refused, and the session stays', async (t) => {
    const b = browserClient(h)
    await signInByEmail(h, b, 'co@northshire.example')
    const sessionOnly = { cookie: `${SESSION}=${b.jar.cookies.get(SESSION)}` }
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const crossSite = await h.app.inject({
      method: 'POST',
      url: '/account/sign-out-everywhere',
      headers: { ...sessionOnly, ...form },
      payload: ''
    })
    t.equal(crossSite.statusCode, 403)
    t.match(crossSite.body, /Sorry, we could not do that/)
    const api = await h.app.inject({
      method: 'POST',
      url: '/api/v1/providers',
      headers: { ...b.jar.header() },
      payload: {}
    })
    t.equal(api.statusCode, 403, 'an API change carried by a session needs its CSRF token')
    t.equal(api.json().code, 'CSRF_INVALID_TOKEN')
    t.equal((await b.get('/account')).statusCode, 200, 'still signed in')
  })

  t.test('idle for 30 minutes, or 12 hours after sign-in: signed out kindly', async (t) => {
    const b = browserClient(h)
    await signInByEmail(h, b, 'co@northshire.example')
    h.clock.now = new Date(h.clock.now.getTime() + 29 * 60_000)
    t.equal((await b.get('/account')).statusCode, 200)
    h.clock.now = new Date(h.clock.now.getTime() + 30 * 60_000)
    const idle = await b.get('/account')
    t.equal(idle.statusCode, 303)
    t.equal(idle.headers.location, '/sign-in?ended=1')
    t.notOk(b.jar.cookies.has(SESSION), 'the ended session is cleared from the browser')
    t.match((await b.get('/sign-in?ended=1')).body, /You were signed out/)

    const busy = browserClient(h)
    await signInByEmail(h, busy, 'co@northshire.example')
    for (let i = 0; i < 24; i++) {
      h.clock.now = new Date(h.clock.now.getTime() + 29 * 60_000)
      t.equal((await busy.get('/account')).statusCode, 200)
    }
    h.clock.now = new Date(h.clock.now.getTime() + 29 * 60_000)
    t.equal((await busy.get('/account')).statusCode, 303, 'activity never extends a session past 12 hours')
  })

  t.test('a tampered cookie signs nobody in and gets the sign-in page, not an error', async (t) => {
    const b = browserClient(h)
    await signInByEmail(h, b, 'co@northshire.example')
    const real = b.jar.cookies.get(SESSION)!
    for (const bad of [real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A'), 'x', '%ff%00', 'qms_' + 'a'.repeat(500)]) {
      const res = await h.app.inject({ method: 'GET', url: '/account', headers: { cookie: `${SESSION}=${bad}` } })
      t.equal(res.statusCode, 303)
      t.equal(res.headers.location, '/sign-in?ended=1')
      const api = await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `${SESSION}=${bad}` } })
      t.equal(api.statusCode, 401)
    }
  })

  t.test('sign out ends this session; sign out everywhere ends them all', async (t) => {
    const laptop = browserClient(h)
    const phone = browserClient(h)
    await signInByEmail(h, laptop, 'co@northshire.example')
    await signInByEmail(h, phone, 'co@northshire.example')
    const account = await laptop.get('/account')
    const out = await laptop.post('/account/sign-out-everywhere', { _csrf: csrfOf(account.body) })
    t.equal(out.statusCode, 303)
    t.equal(out.headers.location, '/sign-in/signed-out')
    t.equal((await phone.get('/account')).statusCode, 303, 'the other device is signed out too')
    t.equal((await laptop.get('/account')).statusCode, 303)

    const tablet = browserClient(h)
    await signInByEmail(h, tablet, 'co@northshire.example')
    const kept = tablet.jar.cookies.get(SESSION)!
    const signOut = await tablet.post('/sign-in/out', { _csrf: csrfOf((await tablet.get('/account')).body) })
    t.equal(signOut.statusCode, 303)
    const reused = await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `${SESSION}=${kept}` } })
    t.equal(reused.statusCode, 401, 'a signed-out session cookie is worth nothing, even if kept')
  })
})
