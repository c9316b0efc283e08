// The public directory at /directory/{council}: search with filters and a provider page, server-rendered HTML
// that works without JavaScript (src/domain/README.md: Publication).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../use-cases/context.js'
import { getDirectoryEntry, searchDirectory } from '../../use-cases/publication/directory.js'
import { AwardLevelSchema, ClientGroupSchema, ServiceTypeSchema } from '../../domain/scheme/enums.js'
import { useHtmlErrorPages } from '../plugin.js'
import { renderProviderPage } from './provider-page.js'
import { renderSearchPage } from './search-page.js'

// A form's "Any" sends an empty value: treat it as no filter.
const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional())

const searchQuery = z.object({
  q: optional(z.string().trim().max(100)),
  level: optional(AwardLevelSchema),
  offering: optional(ServiceTypeSchema),
  group: optional(ClientGroupSchema),
  area: optional(z.string().trim().max(100)),
  page: z.coerce.number().int().min(1).max(10_000).default(1)
})
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/)

export const directoryRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)

  app.get(
    '/:council',
    {
      schema: { hide: true, params: z.object({ council: slug }), querystring: searchQuery }
    },
    async (request, reply) => {
      const result = await searchDirectory(deps.db, request.params.council, request.query)
      return reply.header('cache-control', 'no-cache').html(200, renderSearchPage({ ...result, query: request.query }))
    }
  )

  app.get(
    '/:council/providers/:id',
    {
      schema: { hide: true, params: z.object({ council: slug, id: z.uuid() }) }
    },
    async (request, reply) => {
      const { council, listing, pastAwards } = await getDirectoryEntry(
        deps.db,
        request.params.council,
        request.params.id
      )
      return reply.header('cache-control', 'no-cache').html(200, renderProviderPage(council, listing, pastAwards))
    }
  )
}
