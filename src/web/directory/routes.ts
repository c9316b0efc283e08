// The public directory at /directory/{council}: search with filters and a provider page, server-rendered HTML
// that works without JavaScript (src/domain/README.md: Publication).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../use-cases/context.js'
import { getDirectoryEntry, searchDirectory } from '../../use-cases/publication/directory.js'
import { AwardLevelSchema, ClientGroupSchema, ServiceTypeSchema } from '../../domain/scheme/enums.js'
import { useHtmlErrorPages } from '../plugin.js'
import { providerView } from './provider-page.js'
import { searchView } from './search-page.js'

/**
 * A filter value the form does not offer (a stale bookmark, `?level=platinum`, "Any" sent as '') is no filter,
 * as GOV.UK's filters do, rather than a dead-end error page.
 */
const ignoredUnlessValid = <T extends z.ZodType>(s: T) =>
  z.preprocess((v) => (s.safeParse(v).success ? v : undefined), s.optional())

const searchQuery = z.object({
  q: ignoredUnlessValid(z.string().trim().min(1).max(100)),
  level: ignoredUnlessValid(AwardLevelSchema),
  offering: ignoredUnlessValid(ServiceTypeSchema),
  group: ignoredUnlessValid(ClientGroupSchema),
  area: ignoredUnlessValid(z.string().trim().min(1).max(100)),
  page: z.preprocess(
    (v) => (z.coerce.number().int().min(1).max(10_000).safeParse(v).success ? v : undefined),
    z.coerce.number().int().default(1)
  )
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
      const { council, ...result } = await searchDirectory(deps.db, request.params.council, request.query)
      return await reply
        .header('cache-control', 'no-cache')
        .page(200, 'directory-search', searchView(council, request.query, result))
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
      return await reply
        .header('cache-control', 'no-cache')
        .page(200, 'directory-provider', providerView(council, listing, pastAwards))
    }
  )
}
