// Requests to join the scheme in the co-ordinator's portal (README: For co-ordinators), registered with the prefix
// /manage/interest: the list, one request, accept (the register form filled in from the request: the provider is
// registered and the person invited) or decline with a reason the person is emailed.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { InterestState } from '../../db/schema/index.js'
import type { Deps } from '../../use-cases/context.js'
import {
  acceptInterest,
  declineInterest,
  getInterest,
  listInterests,
  type Interest
} from '../../use-cases/interests.js'
import { useHtmlErrorPages } from '../plugin.js'
import { MANAGE_HOME } from '../portal.js'
import { formPage, readNote, row, textarea, textField } from './forms.js'
import { listView } from './list-view.js'
import { emptyValues } from './provider-form.js'
import { providerFormView } from './provider-form-page.js'
import { staffCtx } from '../portal.js'
import { readRegistration } from './provider-routes.js'
import { recordView } from './record-actions.js'
import { linkHtml } from './tags.js'
import { dayOf, LEGAL_FORM_NAMES, momentOf, SERVICE_TYPE_NAMES } from './words.js'

const BASE = `${MANAGE_HOME}/interest`
const STATES = ['received', 'accepted', 'declined'] as const
const STATE_WORDS: Record<InterestState, string> = {
  received: 'Waiting for an answer',
  accepted: 'Accepted',
  declined: 'Declined'
}
const idParams = z.object({ id: z.uuid() })
const doneQuery = z.object({ done: z.literal('declined').optional().catch(undefined) })
const form = z.record(z.string(), z.unknown())

const seeProvider = (id: string | null) =>
  id === null ? [] : [{ href: `${MANAGE_HOME}/providers/${id}`, text: 'See the provider', classes: '' }]

const rowsOf = (i: Interest) => [
  row('Business', i.businessName),
  row('How it is set up', LEGAL_FORM_NAMES[i.legalForm]),
  row('Contact', i.contactName),
  row('Email address', i.email),
  row('Telephone', i.phone ?? 'Not given'),
  row('Postcode', i.postcode),
  row('Offers', i.serviceTypes.map((s) => SERVICE_TYPE_NAMES[s]).join(', ')),
  row('In their words', i.offer),
  row('Full-time staff, counting the owner', String(i.fte)),
  row('Received', momentOf(i.createdAt)),
  row('Answer', STATE_WORDS[i.state]),
  ...(i.reason === null ? [] : [row('Reason given', i.reason)])
]

export const manageInterestRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)
  const csrf = { preValidation: app.csrfProtection }

  app.get('/', {
    schema: { hide: true, querystring: z.object({ state: z.enum(STATES).optional().catch(undefined) }) }
  }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const state = request.query.state ?? 'received'
    const rows = await listInterests(deps, ctx, state)
    return await reply.page(200, 'manage-list', listView({
      title: 'Requests to join the scheme',
      href: BASE,
      noun: rows.length === 1 ? 'request' : 'requests',
      filter: { name: 'state', label: 'Answer', value: state, values: STATES, text: (s) => STATE_WORDS[s] },
      head: ['Business', 'Offers', 'Staff', 'Received'],
      rows: rows.map((i) => [
        { html: linkHtml(`${BASE}/${i.id}`, i.businessName) },
        { text: i.serviceTypes.map((s) => SERVICE_TYPE_NAMES[s]).join(', ') },
        { text: String(i.fte) },
        { text: dayOf(i.createdAt) }
      ]),
      page: 1,
      totalPages: 1,
      total: rows.length
    }))
  })

  app.get('/:id', {
    schema: { hide: true, params: idParams, querystring: doneQuery }
  }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const i = await getInterest(deps, ctx, request.params.id)
    return await reply.page(200, 'manage-record', recordView(BASE, {
      caption: 'Request to join the scheme',
      title: i.businessName,
      notice: request.query.done === undefined ? null : 'Request declined. We have emailed them the reason.',
      important: null,
      rows: rowsOf(i),
      actions: i.state !== 'received'
        ? seeProvider(i.providerId)
        : [
            { href: `${BASE}/${i.id}/accept`, text: 'Accept and register the provider', classes: '' },
            { href: `${BASE}/${i.id}/decline`, text: 'Decline', classes: 'govuk-button--warning' }
          ]
    }))
  })

  const acceptForm = (i: Interest, csrfToken: string) => ({
    heading: 'Register the provider',
    caption: `Accepting the request from ${i.businessName}`,
    action: `${BASE}/${i.id}/accept`,
    csrf: csrfToken,
    submit: 'Register and send the invitation',
    cancelHref: `${BASE}/${i.id}`
  })

  app.get('/:id/accept', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const i = await getInterest(deps, ctx, request.params.id)
    const values = {
      ...emptyValues(),
      name: i.businessName,
      legalForm: i.legalForm,
      description: i.offer,
      fte: String(i.fte),
      serviceTypes: [...i.serviceTypes],
      postcode: i.postcode,
      email: i.email,
      phone: i.phone ?? ''
    }
    const invite = { personName: i.contactName, personEmail: i.email }
    return await reply.page(200, 'manage-provider-form',
      providerFormView({ ...acceptForm(i, reply.generateCsrf()), values, invite }))
  })

  app.post('/:id/accept', { schema: { hide: true, params: idParams, body: form }, ...csrf }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const i = await getInterest(deps, ctx, request.params.id)
    const posted = readRegistration(request.body, false)
    if (!posted.ok || posted.person === null) {
      const again = posted.ok ? { values: emptyValues() } : posted
      const view = providerFormView({ ...acceptForm(i, reply.generateCsrf()), ...again })
      return await reply.page(400, 'manage-provider-form', view)
    }
    const provider = await acceptInterest(deps, ctx, i.id, posted.provider, posted.person)
    return await reply.redirect(`${MANAGE_HOME}/providers/${provider.id}?done=registered_invited`, 303)
  })

  const declinePage = (i: Interest, csrfToken: string, reason: string, error: string | null) => formPage({
    active: BASE,
    caption: i.businessName,
    title: 'Decline the request to join',
    paragraphs: ['We email them your reason, so write it for them: kind, plain and specific.'],
    action: `${BASE}/${i.id}/decline`,
    csrf: csrfToken,
    fields: [textarea('reason', 'Why can they not join?', reason, error,
      'For example: the scheme is for services in the borough, and you are based outside it.')],
    submit: 'Decline and send the email',
    destructive: true,
    cancelHref: `${BASE}/${i.id}`
  })

  app.get('/:id/decline', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const i = await getInterest(deps, ctx, request.params.id)
    return await reply.page(200, 'manage-form', declinePage(i, reply.generateCsrf(), '', null))
  })

  app.post('/:id/decline', {
    schema: { hide: true, params: idParams, body: z.object({ reason: textField }).passthrough() },
    ...csrf
  }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const i = await getInterest(deps, ctx, request.params.id)
    const { note, error } = readNote(request.body.reason, 'Enter why they cannot join')
    if (error !== null) return await reply.page(400, 'manage-form', declinePage(i, reply.generateCsrf(), note, error))
    await declineInterest(deps, ctx, i.id, note)
    return await reply.redirect(`${BASE}/${i.id}?done=declined`, 303)
  })
}
