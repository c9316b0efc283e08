// The account pages (README: Sign-in and sessions): sessions and passkeys of the signed-in person, and for a
// provider's person their business's people, contact choice and data (README: For providers). Pages send a
// browser without a live session to the sign-in page, saying so kindly when its session had ended.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Ctx, Deps } from '../../use-cases/context.js'
import {
  listMyPasskeys,
  passkeyRegistrationOptions,
  registerPasskey,
  removePasskey
} from '../../use-cases/passkeys.js'
import { listMySessions, signOutEverywhere, type SignedIn } from '../../use-cases/sessions.js'
import { useHtmlErrorPages } from '../plugin.js'
import { ceremonyHandle, setCeremonyCookie, signedInOrRedirect, signOutBrowser } from '../sign-in/browser-session.js'
import { registrationResponse } from '../sign-in/webauthn-schemas.js'
import { accountView } from '../sign-in/pages.js'
import { longMoment } from '../../domain/date-words.js'
import { getMyContactChoice } from '../../use-cases/contact-preferences.js'
import { listMyPeople } from '../../use-cases/provider-people.js'
import { isStaffRole } from '../../domain/roles.js'
import { manageNavigation, providerNavigation } from '../portal.js'
import { businessRoutes } from './business-routes.js'
import { ACCOUNT, businessSection } from './business-view.js'

const NOTICES = {
  added: 'Your passkey has been added.',
  invited: 'We have emailed them an invitation.',
  removed: 'They can no longer sign in for your business.',
  contact: 'We will contact you the way you chose.'
} as const
const noticeQuery = z.object({
  added: z.string().max(5).optional(),
  done: z.enum(['invited', 'removed', 'contact']).optional().catch(undefined)
})

const when = (d: Date | null) => d === null ? 'never' : longMoment(d)

/** Registered with the prefix /account. */
export const accountRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)
  await app.register(businessRoutes, { deps })
  const csrf = { preValidation: app.csrfProtection }
  const ctxFor = (me: SignedIn, requestId: string): Ctx => ({ actor: me.principal, now: deps.clock(), requestId })

  app.get(
    '/',
    { schema: { hide: true, querystring: noticeQuery } },
    async (request, reply) => {
      const me = await signedInOrRedirect(request, reply)
      if (me === null) return reply
      const ctx = ctxFor(me, request.id)
      const sessions = await listMySessions(deps, ctx, me.principal)
      const passkeys = await listMyPasskeys(deps, me)
      const role = me.principal.role
      const provider = role === 'provider'
      const business = provider
        ? businessSection(await listMyPeople(deps, ctx), await getMyContactChoice(deps, ctx))
        : undefined
      const { added, done } = request.query
      return await reply.page(
        200,
        'account',
        accountView({
          csrf: reply.generateCsrf(),
          name: me.userName,
          role: me.principal.role,
          notice: added !== undefined ? NOTICES.added : done === undefined ? undefined : NOTICES[done],
          navigation: provider
            ? providerNavigation(ACCOUNT)
            : role === 'admin' || isStaffRole(role) ? manageNavigation(ACCOUNT) : undefined,
          business,
          sessions: sessions.map((s) => ({
            device: s.device,
            method: s.method,
            since: when(s.createdAt),
            lastSeen: when(s.lastSeenAt),
            current: s.id === me.session.id
          })),
          passkeys: passkeys.map((p) => ({
            id: p.id,
            name: p.name,
            added: when(p.createdAt),
            lastUsed: when(p.lastUsedAt)
          }))
        })
      )
    }
  )

  app.post('/sign-out-everywhere', { schema: { hide: true }, ...csrf }, async (request, reply) => {
    const me = await signedInOrRedirect(request, reply)
    if (me === null) return reply
    await signOutEverywhere(deps, ctxFor(me, request.id), me.principal)
    signOutBrowser(reply, deps)
    return await reply.redirect('/sign-in/signed-out', 303)
  })

  app.post('/passkeys/options', { schema: { hide: true }, ...csrf }, async (request, reply) => {
    const me = await request.signedIn()
    if (me === null) return await reply.code(401).send({ message: 'Sign in again to add a passkey.' })
    const { options, handle } = await passkeyRegistrationOptions(deps, me)
    setCeremonyCookie(reply, deps, handle)
    return await reply.header('cache-control', 'no-store').send(options)
  })

  app.post(
    '/passkeys',
    { schema: { hide: true, body: registrationResponse }, ...csrf },
    async (request, reply) => {
      const me = await request.signedIn()
      if (me === null) return await reply.code(401).send({ message: 'Sign in again to add a passkey.' })
      const added = await registerPasskey(deps, ctxFor(me, request.id), me, ceremonyHandle(request, deps), request.body)
      if (!added) return await reply.code(400).send({ message: 'The passkey was not added. Try again.' })
      return await reply.header('cache-control', 'no-store').send({ next: '/account?added=1' })
    }
  )

  app.post(
    '/passkeys/:id/remove',
    { schema: { hide: true, params: z.object({ id: z.uuid() }) }, ...csrf },
    async (request, reply) => {
      const me = await signedInOrRedirect(request, reply)
      if (me === null) return reply
      await removePasskey(deps, ctxFor(me, request.id), me, request.params.id)
      return await reply.redirect('/account', 303)
    }
  )
}
