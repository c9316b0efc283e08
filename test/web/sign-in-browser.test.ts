// Every sign-in route in real Chromium against real components the test starts (README: Sign-in and sessions):
// staff single sign-on through a real OpenID provider (oidc-provider), a passkey on Chromium's virtual WebAuthn
// authenticator, the email link followed from the demo mailbox, and a cross-site form post refused. axe-core on
// each page.
import t from 'tap'
import { axeViolations, browserAvailable, launchBrowser, openPage } from '../helpers/browser.js'
import { buildTestApp } from '../helpers/app.js'
import { freePort } from '../helpers/free-port.js'
import { signInWithSso, startOidcProvider, useForCouncilSso } from '../helpers/oidc-provider.js'
import { setEmail } from '../helpers/sign-in.js'

const COUNCIL_ACCOUNT = 'Sign in with your Northshire Council account'

t.test('sign in through each route in a real browser', { skip: !browserAvailable() }, async (t) => {
  const port = await freePort()
  const base = `http://localhost:${port}`
  const idp = await startOidcProvider(`${base}/sign-in/sso/northshire/callback`)
  t.teardown(idp.close)
  const h = await buildTestApp(t, { env: { PUBLIC_BASE_URL: base, OIDC_ALLOW_HTTP: 'true' } })
  await h.app.listen({ port, host: '127.0.0.1' })
  const [north] = h.councils
  await setEmail(h, north.coordinator.id, 'co@northshire.example')
  const provider = await h.addProvider(north)
  await setEmail(h, provider.userId, 'owner@anns.example')
  const sso = await useForCouncilSso(h, north.id, idp)
  t.equal(sso.statusCode, 200)
  t.notOk('clientSecret' in sso.json(), 'the client secret is never answered back')
  const browser = await launchBrowser(t)

  t.test('staff: single sign-on with the council identity provider, then a passkey', async (t) => {
    const page = await openPage(browser)
    await page.goto(`${base}/sign-in`)
    t.same(await axeViolations(page), [], 'sign-in page: axe')
    await signInWithSso(page, base, idp, COUNCIL_ACCOUNT, 'co@northshire.example')
    await page.waitForURL(`${base}/manage`, { timeout: 15_000 }).catch(async () => {
      t.fail(`ended at ${page.url()}: ${(await page.textContent('body'))?.slice(0, 400) ?? ''}`)
    })
    t.match(await page.textContent('h1'), /Work queue/i, 'a co-ordinator lands on the work queue')
    await page.goto(`${base}/account`)
    t.match(await page.textContent('main'), /You are signed in as Northshire Council Co-ordinator \(coordinator\)/)
    t.match(await page.textContent('main'), /with council account/)
    t.same(await axeViolations(page), [], 'account page: axe')

    const cdp = await page.context().newCDPSession(page)
    await cdp.send('WebAuthn.enable')
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true
      }
    })
    await page.getByRole('button', { name: 'Add a passkey' }).click()
    await page.waitForURL(`${base}/account?added=1`)
    t.match(await page.textContent('main'), /Your passkey has been added/)
    t.match(await page.textContent('main'), /Passkey 1/)

    await page.getByRole('button', { name: 'Sign out', exact: true }).click()
    await page.waitForURL(`${base}/sign-in/signed-out`)
    t.same(await axeViolations(page), [], 'signed-out page: axe')
    await page.goto(`${base}/sign-in`)
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click()
    await page.waitForURL(`${base}/manage`)
    await page.goto(`${base}/account`)
    t.match(await page.textContent('main'), /with passkey/, 'signed in again with the passkey, no email')
  })

  t.test('staff: an unknown council account, then a replayed and a forged callback', async (t) => {
    const page = await openPage(browser)
    await signInWithSso(page, base, idp, COUNCIL_ACCOUNT, 'stranger@northshire.example')
    await page.waitForURL(`${base}/sign-in/sso/northshire/callback**`)
    t.match(await page.textContent('main'), /You do not have a Quality Mark account yet/)
    t.same(await axeViolations(page), [], 'unknown account page: axe')
    const callback = page.url()
    const replay = await page.goto(callback)
    t.equal(replay?.status(), 400, 'the same callback again: its checks were used up')
    t.match(await page.textContent('main'), /Your sign-in took too long/)
    const forged = await page.goto(`${base}/sign-in/sso/northshire/callback?code=forged&state=forged`)
    t.equal(forged?.status(), 400, 'a callback no sign-in here started')
    await page.goto(`${base}/account`)
    t.match(page.url(), /\/sign-in/, 'nobody was signed in')
  })

  t.test('provider: an email link followed from the demo mailbox', async (t) => {
    const page = await openPage(browser)
    await page.goto(`${base}/sign-in`)
    await page.fill('#email', 'owner@anns.example')
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
    await page.waitForURL(`${base}/sign-in/check-email`)
    t.same(await axeViolations(page), [], 'check-email page: axe')
    let link = null
    for (let i = 0; i < 100 && link === null; i++) {
      await page.goto(`${base}/demo-mailbox`)
      link = await page.locator('main a[href*="/sign-in/link/"]').first().getAttribute('href', { timeout: 500 })
        .catch(() => null)
    }
    t.same(await axeViolations(page), [], 'demo mailbox: axe')
    t.match(await page.textContent('main'), /This is a demonstration/)
    await page.goto(String(link))
    t.same(await axeViolations(page), [], 'link landing page: axe')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${base}/provider`)
    await page.goto(`${base}/account`)
    t.match(await page.textContent('main'), /Ann's Home Help owner \(provider\)/)

    // A page on another site (127.0.0.1 is not the same site as localhost) posts a form here: refused.
    const attacker = await page.context().newPage()
    await attacker.goto(`http://127.0.0.1:${port}/sign-in`)
    await attacker.evaluate((target) => {
      const form = document.createElement('form')
      form.method = 'post'
      form.action = target
      document.body.append(form)
      form.submit()
    }, `${base}/account/sign-out-everywhere`)
    await attacker.waitForLoadState()
    t.match(await attacker.textContent('main'), /Sorry, we could not do that/)
    await page.reload()
    t.match(await page.textContent('main'), /You are signed in as/, 'the cross-site post signed nobody out')

    await page.goto(String(link))
    t.match(await page.textContent('main'), /already been used/)
    t.same(await axeViolations(page), [], 'used-link page: axe')
  })
})
