// Apply to join the scheme (README: For providers), registered with the prefix /join: one council's public form,
// CSRF-protected, limited per client, Post/Redirect/Get to a page saying what happens next.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../use-cases/context.js'
import { councilForJoining, submitInterest } from '../../use-cases/interests.js'
import { messageView, useHtmlErrorPages } from '../plugin.js'
import { emptyJoinValues, joinValuesOf, joinView, parseJoin } from './join-form.js'

const council = z.object({ council: z.string().regex(/^[a-z0-9-]{1,60}$/) })

export const joinRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)
  const perClient = { rateLimit: { max: deps.config.JOIN_REQUESTS_PER_CLIENT_PER_MINUTE, timeWindow: '1 minute' } }

  app.get('/:council', { schema: { hide: true, params: council } }, async (request, reply) => {
    const c = await councilForJoining(deps, request.params.council)
    const view = joinView({ council: c, csrf: reply.generateCsrf(), values: emptyJoinValues() })
    return await reply.page(200, 'join', view)
  })

  app.post('/:council', {
    schema: { hide: true, params: council, body: z.record(z.string(), z.unknown()) },
    config: perClient,
    preValidation: app.csrfProtection
  }, async (request, reply) => {
    const c = await councilForJoining(deps, request.params.council)
    const values = joinValuesOf(request.body)
    const parsed = parseJoin(values, c.microMaxFte)
    if (!parsed.ok) {
      const { errors, tooBig } = parsed
      const view = joinView({ council: c, csrf: reply.generateCsrf(), values, errors, tooBig })
      return await reply.page(400, 'join', view)
    }
    await submitInterest(deps, c.slug, parsed.value, request.id)
    return await reply.redirect(`/join/${c.slug}/sent`, 303)
  })

  app.get('/:council/sent', { schema: { hide: true, params: council } }, async (request, reply) => {
    const c = await councilForJoining(deps, request.params.council)
    return await reply.page(200, 'message', messageView({
      title: 'We have your request',
      paragraphs: [
        `Thank you. We have emailed you a copy. A co-ordinator at ${c.name} will email you, usually within 10 ` +
          'working days.',
        'If you can join, the email has a link to sign in and start your application.'
      ]
    }))
  })
}
