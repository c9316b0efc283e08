// The provider's part of "Your account" (README: For providers): invite a person, take a person's access away
// (after a confirmation page), choose email or text messages, download your data. Registered inside accountRoutes.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { normaliseUkMobile } from '../../domain/providers.js'
import { getMyContactChoice, setMyContactChoice } from '../../use-cases/contact-preferences.js'
import type { Ctx, Deps } from '../../use-cases/context.js'
import { sendFile } from '../../http/file-reply.js'
import { csvOfDocument } from '../../render/document-csv.js'
import { exportMyProviderData } from '../../use-cases/provider-data.js'
import { findMyPerson, invitePerson, removePerson } from '../../use-cases/provider-people.js'
import { getProvider } from '../../use-cases/providers.js'
import { formPage, textField } from '../manage/forms.js'
import { inviteValuesOf, inviteView, parseInvite, type InvitePlace } from '../manage/invite-form.js'
import { pageCtx, providerNavigation, providerOrRedirect } from '../portal.js'
import { ACCOUNT, contactView, WORDINGS, wordingOf, type ContactValues } from './business-view.js'

const place: InvitePlace = { action: `${ACCOUNT}/people`, cancelHref: ACCOUNT, navigation: providerNavigation(ACCOUNT) }
const form = z.record(z.string(), z.unknown())
const person = z.object({ id: z.uuid() })

/** The GOV.UK messages of the contact form, keyed by field; empty when it can be saved. */
function checkContact (v: ContactValues): Record<string, string> {
  const errors: Record<string, string> = {}
  if (v.channel !== 'email' && v.channel !== 'sms') errors.channel = 'Select how we should contact you'
  else if (v.phone.trim() === '') {
    if (v.channel === 'sms') errors.phone = 'Enter a UK mobile number for text messages'
  } else if (normaliseUkMobile(v.phone) === null) {
    errors.phone = 'Enter a UK mobile number, like 07700 900 982 or +44 7700 900 982'
  }
  if (!Object.hasOwn(WORDINGS, v.wording)) errors.wording = 'Select how we should write to you'
  return errors
}

export const businessRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const csrf = { preValidation: app.csrfProtection }
  const signedIn = async (request: FastifyRequest, reply: FastifyReply): Promise<Ctx | null> => {
    const me = await providerOrRedirect(request, reply)
    return me === null ? null : pageCtx(deps, me, request)
  }
  const myProvider = async (ctx: Ctx) =>
    await getProvider(deps, ctx, ctx.actor.kind === 'user' ? (ctx.actor.providerId ?? '') : '')

  app.get('/people/invite', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await signedIn(request, reply)
    if (ctx === null) return reply
    const view = inviteView(await myProvider(ctx), reply.generateCsrf(), { personName: '', personEmail: '' }, [], place)
    return await reply.page(200, 'manage-invite', view)
  })

  app.post('/people', { schema: { hide: true, body: form }, ...csrf }, async (request, reply) => {
    const ctx = await signedIn(request, reply)
    if (ctx === null) return reply
    const values = inviteValuesOf(request.body)
    const parsed = parseInvite(values, false)
    if (!parsed.ok || parsed.value === null) {
      const errors = parsed.ok ? [] : parsed.errors
      const view = inviteView(await myProvider(ctx), reply.generateCsrf(), values, errors, place)
      return await reply.page(400, 'manage-invite', view)
    }
    await invitePerson(deps, ctx, parsed.value)
    return await reply.redirect(`${ACCOUNT}?done=invited`, 303)
  })

  app.get('/people/:id/remove', { schema: { hide: true, params: person } }, async (request, reply) => {
    const ctx = await signedIn(request, reply)
    if (ctx === null) return reply
    const p = await findMyPerson(deps, ctx, request.params.id)
    return await reply.page(200, 'manage-form', formPage({
      active: ACCOUNT,
      navigation: providerNavigation(ACCOUNT),
      caption: 'People with access',
      title: `Remove ${p.name}?`,
      paragraphs: [
        `${p.name} will no longer be able to sign in for your business. Anything they sent stays.`,
        'You can invite them again later.'
      ],
      action: `${ACCOUNT}/people/${p.id}/remove`,
      csrf: reply.generateCsrf(),
      submit: `Remove ${p.name}`,
      destructive: true,
      cancelHref: ACCOUNT
    }))
  })

  app.post('/people/:id/remove', { schema: { hide: true, params: person }, ...csrf }, async (request, reply) => {
    const ctx = await signedIn(request, reply)
    if (ctx === null) return reply
    await removePerson(deps, ctx, request.params.id)
    return await reply.redirect(`${ACCOUNT}?done=removed`, 303)
  })

  app.get('/contact', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await signedIn(request, reply)
    if (ctx === null) return reply
    const now = await getMyContactChoice(deps, ctx)
    return await reply.page(200, 'account-contact', contactView(reply.generateCsrf(), {
      channel: now.channel,
      phone: now.phone ?? '',
      wording: wordingOf(now.easyRead)
    }))
  })

  app.post('/contact', {
    schema: {
      hide: true,
      body: z.object({ channel: textField, phone: textField, wording: textField }).passthrough()
    },
    ...csrf
  }, async (request, reply) => {
    const ctx = await signedIn(request, reply)
    if (ctx === null) return reply
    const values = {
      channel: request.body.channel ?? '',
      phone: (request.body.phone ?? '').slice(0, 100),
      wording: request.body.wording ?? ''
    }
    const errors = checkContact(values)
    if (Object.keys(errors).length > 0) {
      return await reply.page(400, 'account-contact', contactView(reply.generateCsrf(), values, errors))
    }
    const channel = values.channel === 'sms' ? 'sms' : 'email'
    await setMyContactChoice(deps, ctx, { channel, phone: values.phone, easyRead: values.wording === 'easy_read' })
    return await reply.redirect(`${ACCOUNT}?done=contact`, 303)
  })

  app.get('/data', {
    schema: { hide: true, querystring: z.object({ format: z.enum(['json', 'csv']).catch('json').default('json') }) }
  }, async (request, reply) => {
    const ctx = await signedIn(request, reply)
    if (ctx === null) return reply
    const format = request.query.format
    const { filenameStem, document } = await exportMyProviderData(deps, ctx)
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8'
    return await sendFile(reply, { type, filename: `${filenameStem}.${format}` },
      format === 'csv' ? csvOfDocument(document) : JSON.stringify(document, null, 2))
  })
}
