// "Your listing" (README: For providers): GET shows the form and the directory entry; POST checks it, saves it through
// updateProvider against the version the form was read at (someone else's save in between shows both versions),
// and redirects back (PRG); "Preview" checks it and shows the entry with it, saving nothing. A provider only ever
// reaches its own record.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { isDomainError } from '../../domain/errors.js'
import type { Ctx, Deps } from '../../use-cases/context.js'
import { getMyAward } from '../../use-cases/provider-keeping.js'
import { ownProviderId } from '../../use-cases/provider-portal.js'
import { getProvider, updateProvider } from '../../use-cases/providers.js'
import { pageCtx, providerOrRedirect } from '../portal.js'
import { LISTING_HREF, listingView, parseListing, postedListing } from './listing-page.js'

const SAVED = 'Your listing has been saved. It shows in the directory now.'
const load = async (deps: Deps, ctx: Ctx) =>
  await Promise.all([getProvider(deps, ctx, ownProviderId(ctx)), getMyAward(deps, ctx)])

/** Registered inside the provider portal (src/web/provider/routes.ts). */
export const listingRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const csrf = { preValidation: app.csrfProtection }

  app.get(
    '/listing',
    { schema: { hide: true, querystring: z.object({ done: z.enum(['saved']).optional().catch(undefined) }) } },
    async (request, reply) => {
      const me = await providerOrRedirect(request, reply)
      if (me === null) return reply
      const [provider, award] = await load(deps, pageCtx(deps, me, request))
      const notice = request.query.done === 'saved' ? SAVED : null
      const view = listingView({ csrf: reply.generateCsrf(), provider, award, notice })
      return await reply.page(200, 'provider-listing', view)
    }
  )

  const posted = { schema: { hide: true, body: z.record(z.string(), z.unknown()) }, ...csrf }
  app.post('/listing', posted, async (request, reply) => {
    const me = await providerOrRedirect(request, reply)
    if (me === null) return reply
    const ctx = pageCtx(deps, me, request)
    const [provider, award] = await load(deps, ctx)
    const version = z.coerce.number().int().min(1).catch(0).parse(request.body.version)
    const values = postedListing(provider, request.body)
    const parsed = parseListing(values)
    const base = { csrf: reply.generateCsrf(), provider, award, values }
    if (!parsed.ok) {
      return await reply.page(400, 'provider-listing', listingView({ ...base, version, errors: parsed.errors }))
    }
    if (request.body.action === 'preview') {
      return await reply.page(200, 'provider-listing', listingView({ ...base, version, unsaved: parsed.value }))
    }
    try {
      await updateProvider(deps, ctx, provider.id, version, parsed.value)
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'VERSION_MISMATCH') throw e
      // Someone saved first: the form keeps this person's version, against the version now saved.
      return await reply.page(409, 'provider-listing', listingView({ ...base, theirs: provider }))
    }
    return await reply.redirect(`${LISTING_HREF}?done=saved`, 303)
  })
}
