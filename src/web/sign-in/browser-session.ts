// What a page does once a person is signed in (or out): the session cookie, and where the browser goes next.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../use-cases/context.js'
import type { SignedIn } from '../../use-cases/sessions.js'
import { clearSessionCookie, cookieNames, cookieOptions, setSessionCookie } from '../../http/plugins/session.js'

/** Where a browser goes once signed in: on to the person's own pages (src/web/portal.ts homeOf). */
export const AFTER_SIGN_IN = '/sign-in/continue'

export function signInBrowser (reply: FastifyReply, deps: Deps, secret: string): void {
  setSessionCookie(reply, deps.config, secret, deps.config.SESSION_ABSOLUTE_HOURS * 3600)
  reply.clearCookie(cookieNames(deps.config).ceremony, cookieOptions(deps.config))
}

export function signOutBrowser (reply: FastifyReply, deps: Deps): void {
  clearSessionCookie(reply, deps.config)
}

export function setCeremonyCookie (reply: FastifyReply, deps: Deps, handle: string): void {
  reply.setCookie(cookieNames(deps.config).ceremony, handle, { ...cookieOptions(deps.config), maxAge: 600 })
}

export const ceremonyHandle = (request: FastifyRequest, deps: Deps): string | undefined =>
  request.cookies[cookieNames(deps.config).ceremony]

/** The signed-in person, or a redirect to the sign-in page (saying why, when their session had ended). */
export async function signedInOrRedirect (request: FastifyRequest, reply: FastifyReply): Promise<SignedIn | null> {
  const me = await request.signedIn()
  if (me !== null) return me
  await reply.redirect(request.sessionLost ? '/sign-in?ended=1' : '/sign-in', 303)
  return null
}
