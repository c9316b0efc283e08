// The award, keeping-your-mark and listing pages in real Chromium on a phone (README: For providers): axe-core with no
// violations, no sideways scrolling at 320 px, an appeal sent with the keyboard alone and withdrawn after its
// confirmation page, the listing saved and its preview changed — and the same journey with JavaScript turned off.
import t from 'tap'
import { browserAvailable } from '../helpers/browser.js'
import { insertExpiringEvidence, insertGoldAward } from '../helpers/awards.js'
import { pageChecks, phone, portalInBrowser, signIn, tabTo } from '../helpers/provider-browser.js'
import { setEmail } from '../helpers/sign-in.js'

t.test('a provider keeps their mark from a phone', { skip: !browserAvailable() }, async (t) => {
  const { h, base, north, browser } = await portalInBrowser(t)

  for (const js of [true, false]) {
    await t.test(`with JavaScript ${js ? 'on' : 'off'}`, async (t) => {
      const p = await h.addProvider(north, { name: js ? 'Ann Care' : 'Bea Care' })
      const { assessmentId } = await insertGoldAward(h.db.db, north, p.id)
      await insertExpiringEvidence(h.db.db, { councilId: north.id, providerId: p.id, assessmentId }, {
        INS_PL: '2026-03-06'
      })
      const email = js ? 'ann@care.example' : 'bea@care.example'
      await setEmail(h, p.userId, email)
      const page = await phone(browser, js)
      const check = pageChecks(t, page, js)
      await signIn(h, page, base, email)

      await page.goto(`${base}/provider/award`)
      t.match(await page.textContent('main'), /Gold/)
      const badge = page.locator('img.app-badge')
      t.ok(await badge.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the badge loads')
      t.match(await page.inputValue('#badge-html'), new RegExp(`^<a href="${base}/verify/`))
      await check('award page')

      await page.goto(`${base}/provider/keeping`)
      t.match(await page.textContent('main'), /Runs out within 7 days/)
      await check('keeping your mark')
      await page.getByRole('link', { name: /Appeal against the decision on your application/ }).click()
      await page.waitForURL(`${base}/provider/appeal?subject=decision`)
      await check('appeal form')

      // The keyboard alone: to the box, type, to the button, Enter — first too short, then enough.
      t.ok(await tabTo(page, 'grounds'), 'the box is reachable with Tab')
      await page.keyboard.type('Unfair')
      await page.keyboard.press('Tab')
      await page.keyboard.press('Enter')
      await page.waitForURL(`${base}/provider/appeal`)
      t.match(await page.textContent('.govuk-error-summary'), /must be 10 characters or more/)
      t.equal(await page.inputValue('#grounds'), 'Unfair', 'what was typed is kept')
      await check('appeal form with an error')
      t.ok(await tabTo(page, 'grounds'))
      await page.keyboard.type(': our first aid certificates were sent but not counted.')
      await page.keyboard.press('Tab')
      await page.keyboard.press('Enter')
      await page.waitForURL(`${base}/provider/keeping?done=appealed`)
      t.match(await page.textContent('main'), /We have received your appeal/)

      // Withdrawn again after its confirmation page, with a reason.
      await page.getByRole('link', { name: /Withdraw this appeal/ }).click()
      await page.waitForURL(/\/provider\/appeals\/[0-9a-f-]+\/withdraw$/)
      await check('withdraw confirmation')
      await page.fill('#reason', 'We found the certificates.')
      await page.getByRole('button', { name: 'Withdraw your appeal' }).click()
      await page.waitForURL(`${base}/provider/keeping?done=withdrawn`)
      t.match(await page.textContent('main'), /You withdrew this appeal/)
      await check('keeping your mark after withdrawing')

      await page.goto(`${base}/provider/listing`)
      await check('your listing')
      await page.check('#takingNewPeople-2')
      await page.fill('#description', `${js ? 'Ann' : 'Bea'} helps at home.`)
      await page.getByRole('button', { name: 'Save your listing' }).click()
      await page.waitForURL(`${base}/provider/listing?done=saved`)
      t.match(await page.textContent('#preview + ul'), /Full: not taking new people/, 'the preview shows the change')
      await check('your listing after saving')
      await page.context().close()
    })
  }
})
