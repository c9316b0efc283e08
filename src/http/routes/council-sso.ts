// Routes for a council's staff single sign-on settings (admins only; README: Sign-in and sessions).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Deps } from '../../use-cases/context.js'
import { getCouncilSso, setCouncilSso } from '../../use-cases/council-sso.js'
import { idParams } from '../schemas/common.js'
import { problemResponses } from '../schemas/problem.js'
import { councilSsoPutSchema, councilSsoSchema } from '../schemas/council-sso.js'
import { ctxOf } from './context.js'

export const councilSsoRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.put(
    '/councils/:id/sso',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: "Set the council's OpenID Connect provider for staff sign-in",
        params: idParams,
        body: councilSsoPutSchema,
        response: { 200: councilSsoSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => await setCouncilSso(deps, ctxOf(request), request.params.id, request.body)
  )

  app.get(
    '/councils/:id/sso',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: "The council's staff single sign-on settings (without the client secret)",
        params: idParams,
        response: { 200: councilSsoSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => await getCouncilSso(deps, ctxOf(request), request.params.id)
  )
}
