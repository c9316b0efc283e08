// Your API tokens (README: For co-ordinators, council settings and people): the list (never the secrets), a new
// token whose secret is shown once on a page no cache keeps, and revoking one after a confirmation. The same use
// cases as the API's /users/:id/tokens (src/use-cases/admin.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { notFound } from '../../use-cases/access.js'
import { createTokenForUser, listTokens, revokeToken } from '../../use-cases/admin.js'
import type { Ctx, Deps } from '../../use-cases/context.js'
import { staffCtx } from '../portal.js'
import { confirmRoute } from './confirm-routes.js'
import { formPage, input, row } from './forms.js'
import { dayOf } from './words.js'
import { head, linkCell, SETTINGS, settingsView } from './settings-views.js'

const TOKENS = `${SETTINGS}/tokens`
const LABEL_MAX = 100

const userIdOf = (ctx: Ctx): string => (ctx.actor.kind === 'user' ? ctx.actor.userId : '')

type Token = Awaited<ReturnType<typeof listTokens>>[number]
const isLive = (t: Token, now: Date) => t.revokedAt === null && (t.expiresAt === null || t.expiresAt > now)
const statusOf = (t: Token, now: Date) =>
  t.revokedAt !== null ? 'Revoked' : isLive(t, now) ? 'Works' : 'Expired'

const labelForm = (csrf: string, label: string, error: string | null) => formPage({
  active: SETTINGS,
  caption: 'API tokens',
  title: 'Create an API token',
  paragraphs: [
    'A token lets a program use the Quality Mark API as you, with your permissions. ' +
      'It stops working on its own after a while, or when you revoke it.'
  ],
  action: `${TOKENS}/new`,
  csrf,
  fields: [input('label', 'What is it for?', label, error, { hint: 'For example, “Directory export”.' })],
  submit: 'Create the token',
  cancelHref: TOKENS
})

export const tokenRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get('/', { schema: { hide: true, querystring: z.object({ done: z.literal('revoke').optional() }) } },
    async (request, reply) => {
      const ctx = await staffCtx(deps, request, reply)
      if (ctx === null) return reply
      const tokens = await listTokens(deps, ctx, userIdOf(ctx))
      return await reply.page(200, 'manage-settings', settingsView({
        title: 'Your API tokens',
        notice: request.query.done === undefined ? null : 'The token is revoked. It no longer works.',
        sections: [{
          heading: '',
          paragraphs: ['Programs use these to reach the Quality Mark API as you. The secrets are never shown again.'],
          table: {
            caption: 'Your API tokens',
            head: head(['Label', 'Starts with', 'Created', 'Expires', 'Last used', 'Status', 'Action']),
            rows: tokens.map((t) => [
              { text: t.label },
              { text: t.prefix },
              { text: dayOf(t.createdAt) },
              { text: t.expiresAt === null ? 'Never' : dayOf(t.expiresAt) },
              { text: t.lastUsedAt === null ? 'Never' : dayOf(t.lastUsedAt) },
              { text: statusOf(t, ctx.now) },
              isLive(t, ctx.now) ? linkCell(`${TOKENS}/${t.id}/revoke`, 'Revoke', t.label) : { text: '' }
            ])
          },
          links: [{ href: `${TOKENS}/new`, text: 'Create a token', classes: 'govuk-button' }]
        }]
      }))
    })

  app.get('/new', { schema: { hide: true } }, async (request, reply) => {
    if ((await staffCtx(deps, request, reply)) === null) return reply
    return await reply.page(200, 'manage-form', labelForm(reply.generateCsrf(), '', null))
  })

  app.post(
    '/new',
    {
      schema: { hide: true, body: z.object({ label: z.string().max(1000).optional() }) },
      preValidation: app.csrfProtection
    },
    async (request, reply) => {
      const ctx = await staffCtx(deps, request, reply)
      if (ctx === null) return reply
      const label = (request.body.label ?? '').trim()
      const error = label === ''
        ? 'Enter what the token is for'
        : label.length > LABEL_MAX ? `The label must be ${LABEL_MAX} characters or fewer` : null
      if (error !== null) return await reply.page(400, 'manage-form', labelForm(reply.generateCsrf(), label, error))
      const { token, record } = await createTokenForUser(deps, ctx, userIdOf(ctx), label, null)
      // The secret exists only in this answer: no browser or proxy may keep it, and it is not a redirect target.
      reply.header('cache-control', 'no-store')
      return await reply.page(201, 'manage-settings', settingsView({
        caption: 'API tokens',
        title: 'Your new API token',
        secret: { label: 'Your token', value: token },
        sections: [{
          heading: '',
          rows: [
            row('Label', record.label),
            row('Expires', record.expiresAt === null ? 'Never' : dayOf(record.expiresAt))
          ],
          paragraphs: ['Send it in the Authorization header: Bearer and then the token.'],
          links: [{ href: TOKENS, text: 'Back to your API tokens' }]
        }]
      }))
    }
  )

  confirmRoute(app, deps, {
    base: TOKENS,
    path: '/:id/revoke',
    title: 'Are you sure you want to revoke this token?',
    warning: 'Any program using it stops working at once. This cannot be undone.',
    submit: 'Yes, revoke the token',
    load: async (ctx, id) => {
      const t = (await listTokens(deps, ctx, userIdOf(ctx))).find((x) => x.id === id)
      if (t === undefined) throw notFound('Token')
      return { caption: 'API tokens', rows: [row('Label', t.label), row('Starts with', t.prefix)] }
    },
    run: async (ctx, id) => await revokeToken(deps, ctx, id)
  })
}
