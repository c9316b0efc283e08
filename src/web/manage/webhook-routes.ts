// The council's webhooks (README: For co-ordinators, council settings and people; Publication, webhooks): the
// endpoints, adding one (the URL safety rules of src/use-cases/webhook-targets.ts apply, and its signing secret is
// shown once), each one's delivery log, and removing one after a confirmation. The API's use cases.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../use-cases/context.js'
import {
  deactivateWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  registerWebhook
} from '../../use-cases/webhooks.js'
import { staffCtx } from '../portal.js'
import { confirmRoute } from './confirm-routes.js'
import { fieldError, formPage, input, row } from './forms.js'
import { pageQuery } from './list-view.js'
import { head, linkCell, SETTINGS, settingsView } from './settings-views.js'
import { momentOf, plainWords } from './words.js'

const WEBHOOKS = `${SETTINGS}/webhooks`
const PER_PAGE = 25
const idParams = z.object({ id: z.uuid() })

interface Values { url: string, description: string }

const webhookForm = (csrf: string, v: Values, errors: Partial<Values>) => formPage({
  active: SETTINGS,
  caption: 'Webhooks',
  title: 'Add a webhook',
  paragraphs: ['We send a signed POST to this address whenever an award is published, changed or ends.'],
  action: `${WEBHOOKS}/new`,
  csrf,
  fields: [
    input('url', 'Web address', v.url, errors.url ?? null, {
      type: 'url',
      hint: 'It must start with https:// and be reachable from the internet.'
    }),
    input('description', 'Description (optional)', v.description, errors.description ?? null)
  ],
  submit: 'Add the webhook',
  cancelHref: WEBHOOKS
})

/** The GOV.UK-voice message for a web address the browser sent, or null when it parses as one. */
function urlError (url: string): string | null {
  if (url === '') return 'Enter the web address to send to'
  if (url.length > 2000) return 'The web address must be 2000 characters or fewer'
  return URL.canParse(url) ? null : 'Enter a web address in the correct format, like https://example.org/hooks'
}

export const webhookRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const done = z.object({ done: z.literal('remove').optional() })
  app.get('/', { schema: { hide: true, querystring: done } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const hooks = await listWebhooks(deps, ctx)
    return await reply.page(200, 'manage-settings', settingsView({
      title: 'Webhooks',
      notice: request.query.done === undefined ? null : 'The webhook is removed. Nothing more is sent to it.',
      sections: [{
        heading: '',
        paragraphs: ['Directories and partners can be told of award changes as they happen.'],
        table: {
          caption: 'Webhooks',
          head: head(['Web address', 'Description', 'Status', 'Action']),
          rows: hooks.map((w) => [
            { text: w.url },
            { text: w.description === '' ? 'None' : w.description },
            { text: w.active ? 'Active' : 'Removed' },
            linkCell(`${WEBHOOKS}/${w.id}`, 'Delivery log', w.url)
          ])
        },
        links: [{ href: `${WEBHOOKS}/new`, text: 'Add a webhook', classes: 'govuk-button' }]
      }]
    }))
  })

  app.get('/new', { schema: { hide: true } }, async (request, reply) => {
    if ((await staffCtx(deps, request, reply)) === null) return reply
    return await reply.page(200, 'manage-form', webhookForm(reply.generateCsrf(), { url: '', description: '' }, {}))
  })

  const body = z.object({ url: z.string().max(5000).optional(), description: z.string().max(5000).optional() })
  app.post('/new', { schema: { hide: true, body }, preValidation: app.csrfProtection }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const v = { url: (request.body.url ?? '').trim(), description: (request.body.description ?? '').trim() }
    const errors: Partial<Values> = {}
    const bad = urlError(v.url)
    if (bad !== null) errors.url = bad
    if (v.description.length > 200) errors.description = 'The description must be 200 characters or fewer'
    const again = async (e: Partial<Values>) =>
      await reply.page(400, 'manage-form', webhookForm(reply.generateCsrf(), v, e))
    if (Object.keys(errors).length > 0) return await again(errors)
    let made
    try {
      made = await registerWebhook(deps, ctx, { url: v.url, description: v.description })
    } catch (e) {
      const refused = fieldError(e, 'url')
      if (refused === null) throw e
      return await again({ url: `The web address ${refused}` })
    }
    reply.header('cache-control', 'no-store')
    return await reply.page(201, 'manage-settings', settingsView({
      caption: 'Webhooks',
      title: 'Your new webhook',
      secret: { label: 'Its signing secret', value: made.secret },
      sections: [{
        heading: '',
        rows: [row('Web address', made.url)],
        paragraphs: ['Your endpoint checks each delivery’s x-qualitymark-signature header with this secret.'],
        links: [{ href: `${WEBHOOKS}/${made.id}`, text: 'See its delivery log' }]
      }]
    }))
  })

  const logQuery = z.object({ page: pageQuery })
  app.get('/:id', { schema: { hide: true, params: idParams, querystring: logQuery } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const hook = await getWebhook(deps, ctx, request.params.id)
    const { page } = request.query
    const { items, meta } = await listWebhookDeliveries(deps, ctx, hook.id, { page, perPage: PER_PAGE })
    const at = (n: number) =>
      ({ href: `${WEBHOOKS}/${hook.id}?page=${n}`, text: n < page ? 'Previous page' : 'Next page' })
    return await reply.page(200, 'manage-settings', settingsView({
      caption: 'Webhooks',
      title: 'Delivery log',
      sections: [
        {
          heading: '',
          rows: [
            row('Web address', hook.url),
            row('Description', hook.description === '' ? 'None' : hook.description),
            row('Status', hook.active ? 'Active' : 'Removed')
          ],
          links: hook.active
            ? [{
                href: `${WEBHOOKS}/${hook.id}/remove`,
                text: 'Remove this webhook',
                classes: 'govuk-button govuk-button--warning'
              }]
            : []
        },
        {
          heading: `Deliveries (${meta.totalItems})`,
          table: {
            caption: 'Deliveries, newest first',
            head: head(['Event', 'Made', 'Status', 'Attempts', 'Last answer']),
            rows: items.map((d) => {
              const last = d.attemptLog.at(-1)
              return [
                { text: d.event },
                { text: momentOf(d.createdAt) },
                { text: plainWords(d.status) },
                { text: String(d.attempts) },
                { text: last === undefined ? 'None yet' : (last.error ?? `HTTP ${last.status ?? ''}`) }
              ]
            })
          },
          links: [...(page > 1 ? [at(page - 1)] : []), ...(page < meta.totalPages ? [at(page + 1)] : [])]
        }
      ]
    }))
  })

  confirmRoute(app, deps, {
    base: WEBHOOKS,
    path: '/:id/remove',
    title: 'Are you sure you want to remove this webhook?',
    warning: 'Nothing more is sent to it, and deliveries waiting to be retried are abandoned. Its log stays.',
    submit: 'Yes, remove the webhook',
    load: async (ctx, id) => {
      const w = await getWebhook(deps, ctx, id)
      return { caption: 'Webhooks', rows: [row('Web address', w.url)] }
    },
    run: async (ctx, id) => await deactivateWebhook(deps, ctx, id)
  })
}
