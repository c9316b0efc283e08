// Authentication and role checks, declared per route as `config.roles`: a bearer token (machine clients) or, without
// one, the browser's session (README: Sign-in and sessions) — both resolve to the same Principal, so the same roles,
// tenancy and audit apply. A change sent with a session also needs its CSRF token. Routes without `config.roles` are
// public. Failed authentications are rate limited more strictly.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Actor, Deps, Principal } from '../../use-cases/context.js'
import { authenticateToken } from '../../use-cases/tokens.js'
import type { UserRole } from '../../db/schema/index.js'
import { problem, sendProblem } from './problems.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed on this route; absent = public. Reviewers always have co-ordinator rights. */
    roles?: UserRole[]
  }
  interface FastifyRequest {
    principal: Principal | null
    /** how the principal authenticated */
    authenticatedBy: 'token' | 'session' | null
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const staffRoles: UserRole[] = ['coordinator', 'reviewer']
export const providerSideRoles: UserRole[] = ['coordinator', 'reviewer', 'provider']

/** The authenticated actor of a request on a route with `config.roles`. */
export function actorOf (request: FastifyRequest): Actor {
  if (request.principal === null) throw new Error('actorOf on a public route')
  return request.principal
}

export default fp(
  async function auth (app: FastifyInstance, opts: { deps: Deps }) {
    const { deps } = opts
    app.decorateRequest('principal', null)
    app.decorateRequest('authenticatedBy', null)
    const limitFailures = app.rateLimit({
      max: deps.config.AUTH_FAILURES_PER_MINUTE,
      timeWindow: '1 minute',
      keyGenerator: (req) => `auth-failure:${req.ip}`
    })

    async function refuse (request: FastifyRequest, reply: FastifyReply, detail: string) {
      await limitFailures.call(app, request, reply)
      if (reply.sent) return reply
      reply.header('www-authenticate', 'Bearer realm="qualitymark"')
      return sendProblem(request, reply, problem(401, { code: 'UNAUTHENTICATED', detail }))
    }

    app.addHook('onRequest', async (request, reply) => {
      const roles = request.routeOptions.config.roles
      if (roles === undefined) return
      // Authenticated answers carry personal or unpublished data: never stored by a browser or a proxy.
      reply.header('cache-control', 'no-store')
      const header = request.headers.authorization
      const match = header !== undefined ? /^Bearer\s+(\S+)$/i.exec(header) : null
      const signedIn = match === null ? await request.signedIn() : null
      if (match === null && signedIn === null) {
        return await refuse(request, reply, 'Send a bearer token (Authorization: Bearer <token>) or sign in')
      }
      const principal = signedIn?.principal ?? (await authenticateToken(deps.db, match?.[1] ?? '', deps.clock()))
      if (principal === null) return await refuse(request, reply, 'The token is unknown, revoked or expired')
      request.principal = principal
      request.authenticatedBy = signedIn === null ? 'token' : 'session'
      const allowed = roles.includes(principal.role) || (principal.role === 'reviewer' && roles.includes('coordinator'))
      if (!allowed) {
        return sendProblem(
          request,
          reply,
          problem(403, {
            code: 'ROLE_NOT_ALLOWED',
            detail: `A ${principal.role} token may not do this; it needs one of: ${roles.join(', ')}`
          })
        )
      }
    })

    // A session travels with every request the browser makes, wherever the page that made it came from: a change
    // carried by a session must also carry the token only this service's own pages hold.
    app.addHook('preValidation', (request, reply, done) => {
      if (request.authenticatedBy !== 'session' || SAFE_METHODS.has(request.method)) return done()
      app.csrfProtection(request, reply, done)
    })
  },
  { name: 'auth', dependencies: ['@fastify/rate-limit', 'session'] }
)
