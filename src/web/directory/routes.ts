// The public directory at /directory/{council}: search with filters and a provider page, server-rendered HTML
// that works without JavaScript (src/domain/README.md: Publication).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  createBodyCache,
  etagOfView,
  ownBytes,
  sendVersionedBody,
  versionedHeaders,
  withGzip
} from '../../http/page-cache.js'
import type { Deps } from '../../use-cases/context.js'
import type { PublicationFreshness } from '../../use-cases/publication/freshness.js'
import { getDirectoryEntry, getSchemeInForce, searchDirectory } from '../../use-cases/publication/directory.js'
import { loadPublicCouncil } from '../../use-cases/publication/listings.js'
import { AwardLevelSchema, ClientGroupSchema, ServiceTypeSchema } from '../../domain/scheme/enums.js'
import { useHtmlErrorPages } from '../plugin.js'
import { aboutView } from './about-page.js'
import { accessibilityView, privacyView } from './council-pages.js'
import { providerView } from './provider-page.js'
import { searchView, WITHIN_MILES } from './search-page.js'

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
  // Kept as typed, whatever it is: the page says kindly when it cannot be found (never a 400 dead end).
  postcode: ignoredUnlessValid(z.string().trim().min(1).max(20)),
  within: z.preprocess(
    (v) => (WITHIN_MILES.some((m) => String(m) === v) ? Number(v) : undefined),
    z.number().optional()
  ),
  taking: z.preprocess((v) => (v === 'yes' ? true : undefined), z.literal(true).optional()),
  page: z.preprocess(
    (v) => (z.coerce.number().int().min(1).max(10_000).safeParse(v).success ? v : undefined),
    z.coerce.number().int().default(1)
  )
})
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/)

export const directoryRoutes: FastifyPluginAsyncZod<{ deps: Deps; publication: PublicationFreshness }> = async (
  app,
  { deps, publication }
) => {
  useHtmlErrorPages(app)
  // Search pages are kept per publication version, as the feeds are (README: Publication): a hit costs no query and
  // is never stale, whichever instance made the change; distinct queries cannot grow it past its cap.
  const searchPages = createBodyCache()

  app.get(
    '/:council',
    {
      schema: { hide: true, params: z.object({ council: slug }), querystring: searchQuery }
    },
    async (request, reply) => {
      const source = await publication.source(request.params.council)
      const etag = etagOfView(source.council, `directory:${JSON.stringify(request.query)}`)
      // gzip as every browser asks for it: a page of 20 results is ~48 KB of HTML, ~6 KB over a phone's network
      const { gzip, notModified } = versionedHeaders(request, reply, etag, 'no-cache')
      if (notModified) return await reply.code(304).send()
      const key = `${source.council.id}${etag}`
      let body = searchPages.get(key)
      let keep = true
      if (body === undefined) {
        const result = await publication.read(source, async (db) =>
          await searchDirectory(deps, db, source.council, request.query))
        const html = await reply.renderPage('directory-search', searchView(source.council, request.query, result))
        body = ownBytes(Buffer.from(html))
        // Postcodes that cannot be placed now are not the answer to keep: the next request tries again.
        keep = result.nearStatus !== 'unavailable'
        if (keep) searchPages.set(key, body)
      }
      const out = withGzip(searchPages, key, etag, body, keep)
      return await sendVersionedBody(reply, out, gzip, 'text/html; charset=utf-8')
    }
  )

  app.get(
    '/:council/providers/:id',
    {
      schema: {
        hide: true,
        params: z.object({ council: slug, id: z.uuid() }),
        querystring: z.object({ print: z.string().max(10).optional() })
      }
    },
    async (request, reply) => {
      const { params } = request
      const { council, listing, pastAwards, checks } = await getDirectoryEntry(deps.db, params.council, params.id)
      const printable = request.query.print !== undefined
      return await reply
        .header('cache-control', 'no-cache')
        .page(200, 'directory-provider', providerView(council, listing, pastAwards, checks, printable))
    }
  )

  const councilParams = { hide: true, params: z.object({ council: slug }) }
  app.get('/:council/about', { schema: councilParams }, async (request, reply) => {
    const { council, scheme, schemeNumber } = await getSchemeInForce(deps.db, request.params.council)
    const view = aboutView(council, scheme, schemeNumber)
    return await reply.header('cache-control', 'no-cache').page(200, 'directory-about', view)
  })
  app.get('/:council/accessibility', { schema: councilParams }, async (request, reply) => {
    const council = await loadPublicCouncil(deps.db, request.params.council)
    const view = accessibilityView(council)
    return await reply.header('cache-control', 'no-cache').page(200, 'directory-accessibility', view)
  })
  app.get('/:council/privacy', { schema: councilParams }, async (request, reply) => {
    const { council, scheme } = await getSchemeInForce(deps.db, request.params.council)
    const view = privacyView(council, scheme.settings.commentRetentionDays)
    return await reply.header('cache-control', 'no-cache').page(200, 'directory-privacy', view)
  })
}
