// Liveness (the process answers) and readiness (the database answers too).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { DatabaseHandle } from '../../db/client.js'
import { problemResponses } from '../schemas/problem.js'
import { problem, sendProblem } from '../plugins/problems.js'
import { DATABASE_RETRY_AFTER_SECONDS } from '../../db/unavailable.js'

/** Health answers before the database is ready (src/app.ts); every other route answers 503 meanwhile. */
export const answersWhileStarting = (url: string) => url.startsWith('/health/')

const status = z.object({ status: z.enum(['ok']), database: z.enum(['pglite', 'postgres']).optional() })

export const healthRoutes: FastifyPluginAsyncZod<{ database: DatabaseHandle; serving: () => boolean }> = async (
  app,
  { database, serving }
) => {
  app.get(
    '/live',
    {
      schema: { tags: ['health'], summary: 'The process is up', response: { 200: status } }
    },
    async () => ({ status: 'ok' as const })
  )

  app.get(
    '/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'The service can reach its database',
        response: { 200: status, ...problemResponses('DATABASE_UNREACHABLE') }
      }
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      try {
        // not before the process has migrated its database, and then only through the pool requests use
        if (!serving()) throw new Error('still waiting for the database and its migrations')
        await withTimeout(database.ping(), 2000)
        return { status: 'ok' as const, database: database.kind }
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed')
        reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
        return await sendProblem(
          request,
          reply,
          problem(503, { code: 'DATABASE_UNREACHABLE', detail: 'The database does not answer' })
        )
      }
    }
  )
}

async function withTimeout<T> (p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([p, timeout])
  } finally {
    clearTimeout(timer)
  }
}
