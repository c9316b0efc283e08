// Browser sessions (README: Sign-in and sessions): the session cookie, its lookup (lazy: only a request that asks
// who is signed in costs a query) and CSRF tokens for every form and every change sent with a session.
// On https the cookies are `__Host-` prefixed (Secure, Path=/, no Domain: no subdomain can plant or read them); on
// plain-http development (http://localhost) browsers refuse `__Host-` without Secure, so the names are unprefixed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import type { Config } from '../../config.js'
import type { Deps } from '../../use-cases/context.js'
import { resolveSession, type SignedIn } from '../../use-cases/sessions.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person of this request's session cookie, or null; looked up once per request. */
    signedIn: () => Promise<SignedIn | null>
    /** True when the request carried a session cookie that no longer signs anyone in (ended, expired, tampered). */
    sessionLost: boolean
    sessionLookup: Promise<SignedIn | null> | null
  }
}

export interface CookieNames {
  session: string
  csrf: string
  ceremony: string
}

export const isHttps = (config: Config) => config.publicBaseUrl.startsWith('https:')

export function cookieNames (config: Config): CookieNames {
  const prefix = isHttps(config) ? '__Host-' : ''
  return { session: `${prefix}qm-session`, csrf: `${prefix}qm-csrf`, ceremony: `${prefix}qm-sign-in` }
}

/** Path=/, HttpOnly, SameSite=Lax (a link from an email still arrives signed in; a cross-site POST does not). */
export const cookieOptions = (config: Config) =>
  ({ path: '/', httpOnly: true, sameSite: 'lax', secure: isHttps(config) }) as const

export function setSessionCookie (reply: FastifyReply, config: Config, secret: string, maxAgeSeconds: number) {
  const names = cookieNames(config)
  reply.setCookie(names.session, secret, { ...cookieOptions(config), maxAge: maxAgeSeconds })
  // A new CSRF secret with the new session: a token seen before sign-in is worth nothing after it.
  reply.clearCookie(names.csrf, cookieOptions(config))
}

export function clearSessionCookie (reply: FastifyReply, config: Config) {
  reply.clearCookie(cookieNames(config).session, cookieOptions(config))
}

export default fp(
  async function session (app: FastifyInstance, opts: { deps: Deps }) {
    const { config } = opts.deps
    const names = cookieNames(config)
    await app.register(cookie)
    await app.register(csrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: names.csrf,
      cookieOpts: cookieOptions(config)
    })
    app.decorateRequest('sessionLost', false)
    app.decorateRequest('sessionLookup', null)
    app.decorateRequest('signedIn', function (this: FastifyRequest) {
      this.sessionLookup ??= lookUp(this)
      return this.sessionLookup
    })

    async function lookUp (request: FastifyRequest): Promise<SignedIn | null> {
      const secret = request.cookies[names.session]
      if (secret === undefined || secret === '') return null
      const found = await resolveSession(opts.deps, secret)
      request.sessionLost = found === null
      return found
    }

    // A session that no longer signs anyone in is forgotten by the browser too.
    app.addHook('onSend', async (request, reply) => {
      if (!request.sessionLost) return
      const set = [reply.getHeader('set-cookie') ?? []].flat().map(String)
      if (!set.some((c) => c.startsWith(`${names.session}=`))) clearSessionCookie(reply, config)
    })
  },
  { name: 'session' }
)
