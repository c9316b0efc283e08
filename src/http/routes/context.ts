// Builds a use case's context from a request: the authenticated actor, the request id and the time.
import type { FastifyRequest } from 'fastify'
import type { Ctx } from '../../use-cases/context.js'
import { actorOf } from '../plugins/auth.js'

export function ctxOf (request: FastifyRequest): Ctx {
  return { actor: actorOf(request), requestId: request.id, now: request.server.deps.clock() }
}
