// Council settings and people (README: For co-ordinators, council settings and people), registered under
// /manage/settings: the council's settings (an admin changes them, with the version check), the messages sent and
// their delivery, and the people, API tokens and webhooks pages registered beneath.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { getCouncil, listCouncils, updateCouncil, type CouncilRow } from '../../use-cases/admin.js'
import type { Deps } from '../../use-cases/context.js'
import { listDeliveries } from '../../use-cases/notifications.js'
import { useHtmlErrorPages } from '../plugin.js'
import { staffCtx } from '../portal.js'
import { councilForm, parseCouncilForm, valuesOf, type CouncilValues } from './council-form.js'
import { fieldError, unlessChanged, versionField } from './forms.js'
import { peopleRoutes } from './people-routes.js'
import { head, linkCell, SETTINGS, settingsView, type Section } from './settings-views.js'
import { tokenRoutes } from './token-routes.js'
import { webhookRoutes } from './webhook-routes.js'
import { momentOf, plainWords } from './words.js'
import { row } from './forms.js'

const none = (v: string | null) => (v === null || v === '' ? 'Not set' : v)
const fte = (n: number) => `Up to ${n} full-time equivalent staff`

const councilRows = (c: CouncilRow) => [
  row('Name', c.name),
  row('Contact email', none(c.contactEmail)),
  row('Micro provider', fte(c.microMaxFte)),
  row('Small provider', fte(c.smallMaxFte)),
  row('Medium provider', fte(c.mediumMaxFte)),
  row('Adult safeguarding telephone', none(c.safeguardingPhone)),
  row('Accessibility contact', none(c.accessibilityEmail)),
  row('Data protection officer', none(c.dataProtectionEmail)),
  row('Page colour', c.brandColour ?? 'The service’s own')
]

const SUB_PAGES: Section = {
  heading: 'People and connections',
  links: [
    { href: `${SETTINGS}/people`, text: 'People' },
    { href: `${SETTINGS}/tokens`, text: 'Your API tokens' },
    { href: `${SETTINGS}/webhooks`, text: 'Webhooks' },
    { href: `${SETTINGS}/notifications`, text: 'Messages sent' }
  ]
}

const idParams = z.object({ id: z.uuid() })
const editOf = (id: string) => `${SETTINGS}/councils/${id}/edit`

export const manageSettingsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)

  app.get('/', { schema: { hide: true, querystring: z.object({ done: z.literal('saved').optional() }) } },
    async (request, reply) => {
      const ctx = await staffCtx(deps, request, reply)
      if (ctx === null || ctx.actor.kind !== 'user') return reply
      const notice = request.query.done === undefined ? null : 'The council’s settings are saved.'
      const { councilId } = ctx.actor
      if (councilId === null) {
        // An admin belongs to no council: every council, each with its settings to change.
        const councils = await listCouncils(deps, ctx)
        return await reply.page(200, 'manage-settings', settingsView({
          title: 'Council settings',
          notice,
          sections: [{
            heading: 'Councils',
            table: {
              caption: 'Councils',
              head: head(['Council', 'Micro provider', 'Action']),
              rows: councils.map((c) => [
                { text: c.name },
                { text: fte(c.microMaxFte) },
                linkCell(editOf(c.id), 'Change settings', c.name)
              ])
            }
          }, SUB_PAGES]
        }))
      }
      const council = await getCouncil(deps, ctx, councilId)
      return await reply.page(200, 'manage-settings', settingsView({
        title: 'Council settings',
        caption: council.name,
        notice,
        sections: [{
          heading: 'The council',
          paragraphs: ['An admin changes these settings. Ask them if one is wrong.'],
          rows: councilRows(council)
        }, SUB_PAGES]
      }))
    })

  const editPage = (csrf: string, c: CouncilRow, v: CouncilValues, version: number, errors: Record<string, string>) =>
    councilForm({ action: editOf(c.id), csrf, caption: c.name, values: v, version, errors })

  app.get('/councils/:id/edit', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const c = await getCouncil(deps, ctx, request.params.id)
    return await reply.page(200, 'manage-form', editPage(reply.generateCsrf(), c, valuesOf(c), c.version, {}))
  })

  const body = z.object({ version: versionField }).catchall(z.string().max(1000))
  app.post(
    '/councils/:id/edit',
    { schema: { hide: true, params: idParams, body }, preValidation: app.csrfProtection },
    async (request, reply) => {
      const ctx = await staffCtx(deps, request, reply)
      if (ctx === null) return reply
      const c = await getCouncil(deps, ctx, request.params.id)
      const { version, ...fields } = request.body
      const parsed = parseCouncilForm(fields)
      const again = async (errors: Record<string, string>) =>
        await reply.page(400, 'manage-form', editPage(reply.generateCsrf(), c, parsed.values, version, errors))
      if (!parsed.ok) return await again(parsed.errors)
      try {
        return await unlessChanged(reply, { href: editOf(c.id), what: 'council’s settings', active: SETTINGS },
          async () => {
            await updateCouncil(deps, ctx, c.id, version, parsed.patch)
            return await reply.redirect(`${SETTINGS}?done=saved`, 303)
          })
      } catch (e) {
        const micro = fieldError(e, 'body.microMaxFte')
        const colour = fieldError(e, 'body.brandColour')
        if (micro === null && colour === null) throw e
        return await again({
          ...(micro === null ? {} : { microMaxFte: 'The micro bound must be less than the small provider bound' }),
          ...(colour === null ? {} : { brandColour: 'Choose a darker colour: white text on it would be hard to read' })
        })
      }
    }
  )

  app.get('/notifications', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const sent = await listDeliveries(deps, ctx, { limit: 100 })
    return await reply.page(200, 'manage-settings', settingsView({
      title: 'Messages sent',
      sections: [{
        heading: '',
        paragraphs: [
          'The latest 100 messages to the council’s providers and staff, newest first, and whether they arrived.',
          'Each person chooses in their account whether they get plain or easy-read wording, by email or text.'
        ],
        table: {
          caption: 'Messages sent',
          head: head(['Made', 'Message', 'To', 'Status', 'Problem']),
          rows: sent.map((m) => [
            { text: momentOf(m.createdAt) },
            { text: plainWords(m.kind) },
            { text: m.address === '' ? 'No address' : m.address },
            { text: plainWords(m.status) },
            { text: m.lastError ?? '' }
          ])
        }
      }]
    }))
  })

  await app.register(peopleRoutes, { prefix: '/people', deps })
  await app.register(tokenRoutes, { prefix: '/tokens', deps })
  await app.register(webhookRoutes, { prefix: '/webhooks', deps })
}
