// The sign-in routes (README: Sign-in and sessions): email link, staff single sign-on, passkey, sign out.
// Every POST carries a CSRF token (a form field, or the x-csrf-token header from the passkey script); the
// requests that can send an email or try a credential are rate limited per client as well.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { listSsoCouncils } from '../../db/stores/council-sso.js'
import type { Deps } from '../../use-cases/context.js'
import { passkeySignInOptions, signInWithPasskey } from '../../use-cases/passkeys.js'
import { signOut } from '../../use-cases/sessions.js'
import { checkSignInLink, redeemSignInLink, requestSignInLink } from '../../use-cases/sign-in-links.js'
import { staffSso } from '../../use-cases/staff-sso.js'
import { useHtmlErrorPages } from '../plugin.js'
import { homeOf } from '../portal.js'
import {
  AFTER_SIGN_IN,
  ceremonyHandle,
  setCeremonyCookie,
  signedInOrRedirect,
  signInBrowser,
  signOutBrowser
} from './browser-session.js'
import { checkEmailView, confirmLinkView, linkProblem, signedOutView, signInView, ssoProblem } from './pages.js'
import { passkeyScripts } from './passkey-assets.js'
import { authenticationResponse } from './webauthn-schemas.js'

const emailBody = z.object({ email: z.string().max(320).default(''), _csrf: z.string().max(200).optional() })
const tokenBody = z.object({ token: z.string().max(200), _csrf: z.string().max(200).optional() })
const isEmail = (s: string) => z.email().safeParse(s).success

/** The passkey scripts, outside the prefixed page plugins (their paths are content-hashed under /assets). */
export const passkeyAssetRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const script of passkeyScripts) {
    app.get(script.href, { schema: { hide: true } }, async (_request, reply) =>
      await reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type('text/javascript; charset=utf-8')
        .send(script.body)
    )
  }
}

/** Registered with the prefix /sign-in. */
export const signInRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)
  const sso = staffSso(deps)
  const perClient = {
    rateLimit: { max: deps.config.SIGN_IN_REQUESTS_PER_CLIENT_PER_MINUTE, timeWindow: '1 minute' }
  }
  const csrf = { preValidation: app.csrfProtection }
  const linkMinutes = deps.config.SIGN_IN_LINK_MINUTES

  const ssoCouncils = async () =>
    (await listSsoCouncils(deps.db)).map((c) => ({ name: c.name, href: `/sign-in/sso/${c.slug}` }))

  app.get(
    '/',
    { schema: { hide: true, querystring: z.object({ ended: z.string().max(5).optional() }) } },
    async (request, reply) => {
      const ended = request.query.ended !== undefined
      const notice = ended ? { notice: 'You were signed out. Sign in again to carry on.' } : {}
      const view = signInView({ csrf: reply.generateCsrf(), linkMinutes, ssoCouncils: await ssoCouncils(), ...notice })
      return await reply.page(200, 'sign-in', view)
    }
  )

  app.post('/', { schema: { hide: true, body: emailBody }, config: perClient, ...csrf }, async (request, reply) => {
    const email = request.body.email.trim()
    if (!isEmail(email)) {
      const error =
        email === ''
          ? 'Enter your email address'
          : 'Enter an email address in the correct format, like name@example.com'
      const csrf = reply.generateCsrf()
      const view = signInView({ csrf, email, error, linkMinutes, ssoCouncils: await ssoCouncils() })
      return await reply.page(400, 'sign-in', view)
    }
    await requestSignInLink(deps, email)
    return await reply.redirect('/sign-in/check-email', 303)
  })

  app.get('/check-email', { schema: { hide: true } }, async (_request, reply) =>
    await reply.page(200, 'sign-in-message', checkEmailView(linkMinutes))
  )

  app.get(
    '/link/:token',
    { schema: { hide: true, params: z.object({ token: z.string().max(200) }) } },
    async (request, reply) => {
      const state = await checkSignInLink(deps, request.params.token)
      if (state !== 'valid') {
        const problem = linkProblem(state)
        return await reply.page(problem.status, 'sign-in-message', problem.view)
      }
      // Referrer-Policy no-referrer (helmet): the link never leaves in a Referer header.
      return await reply.page(200, 'confirm-link', confirmLinkView(reply.generateCsrf(), request.params.token))
    }
  )

  app.post(
    '/link',
    { schema: { hide: true, body: tokenBody }, config: perClient, ...csrf },
    async (request, reply) => {
      const result = await redeemSignInLink(deps, request.body.token, request.headers['user-agent'], request.id)
      if (result.state !== 'signed_in') {
        const problem = linkProblem(result.state)
        return await reply.page(problem.status, 'sign-in-message', problem.view)
      }
      signInBrowser(reply, deps, result.secret)
      return await reply.redirect(AFTER_SIGN_IN, 303)
    }
  )

  // Every route of signing in ends here: a co-ordinator's work queue, a provider's application.
  app.get('/continue', { schema: { hide: true } }, async (request, reply) => {
    const me = await signedInOrRedirect(request, reply)
    if (me === null) return reply
    return await reply.redirect(homeOf(me.principal), 303)
  })

  const councilParams = z.object({ council: z.string().max(64) })
  app.get('/sso/:council', { schema: { hide: true, params: councilParams } }, async (request, reply) => {
    const started = await sso.begin(request.params.council)
    if (started === null) return reply.callNotFound()
    setCeremonyCookie(reply, deps, started.handle)
    return await reply.redirect(started.url, 303)
  })

  app.get(
    '/sso/:council/callback',
    { schema: { hide: true, params: councilParams }, config: perClient },
    async (request, reply) => {
      const callback = new URL(request.url, deps.config.publicBaseUrl)
      const handle = ceremonyHandle(request, deps)
      const outcome = await sso.finish(handle, request.params.council, callback, request.headers['user-agent'])
      if (outcome.state !== 'signed_in') {
        return await reply.page(outcome.state === 'expired' ? 400 : 403, 'sign-in-message', ssoProblem(outcome.state))
      }
      signInBrowser(reply, deps, outcome.secret)
      return await reply.redirect(AFTER_SIGN_IN, 303)
    }
  )

  app.post('/passkey/options', { schema: { hide: true }, config: perClient, ...csrf }, async (_request, reply) => {
    const { options, handle } = await passkeySignInOptions(deps)
    setCeremonyCookie(reply, deps, handle)
    return await reply.header('cache-control', 'no-store').send(options)
  })

  app.post(
    '/passkey',
    { schema: { hide: true, body: authenticationResponse }, config: perClient, ...csrf },
    async (request, reply) => {
      const handle = ceremonyHandle(request, deps)
      const signedIn = await signInWithPasskey(deps, handle, request.body, request.headers['user-agent'], request.id)
      if (signedIn === null) {
        const message = 'That passkey did not sign you in. Try again, or use an email link.'
        return await reply.code(400).send({ message })
      }
      signInBrowser(reply, deps, signedIn.secret)
      return await reply.header('cache-control', 'no-store').send({ next: AFTER_SIGN_IN })
    }
  )

  app.post('/out', { schema: { hide: true }, ...csrf }, async (request, reply) => {
    const me = await request.signedIn()
    if (me !== null) await signOut(deps, { actor: me.principal, now: deps.clock(), requestId: request.id }, me)
    signOutBrowser(reply, deps)
    return await reply.redirect('/sign-in/signed-out', 303)
  })

  app.get('/signed-out', { schema: { hide: true } }, async (_request, reply) =>
    await reply.page(200, 'sign-in-message', signedOutView())
  )
}
