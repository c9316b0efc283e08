// The co-ordinator's provider pages (README: For co-ordinators), registered with the prefix /manage/providers: the
// list, register (and invite the first person), the provider page, edit with the version check, invite a person.
// Each form: CSRF, checks with the input kept, Post/Redirect/Get; the API's use cases, acting as the signed-in person.
import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { isDomainError } from '../../domain/errors.js'
import { createUser } from '../../use-cases/admin.js'
import type { Deps } from '../../use-cases/context.js'
import { getProviderOverview, listProvidersWithAwards } from '../../use-cases/provider-overview.js'
import { createProvider, getProvider, updateProvider } from '../../use-cases/providers.js'
import { useHtmlErrorPages } from '../plugin.js'
import { MANAGE_HOME, staffCtx } from '../portal.js'
import { inviteValuesOf, inviteView, parseInvite } from './invite-form.js'
import { emptyValues, parseProviderForm, valuesFromBody, valuesFromProvider } from './provider-form.js'
import { conflictRows, providerFormView } from './provider-form-page.js'
import { providerPageView } from './provider-page.js'
import { listQueryOf, providerPageQuery, providersView } from './providers-page.js'
import { keptPages } from '../kept-pages.js'

const idParams = z.object({ id: z.uuid() })
const formBody = z.record(z.string(), z.unknown())
const NOTICES = {
  registered: 'Provider registered.',
  registered_invited: 'Provider registered. We have emailed their first person an invitation to sign in.',
  invited: 'We have emailed them an invitation to sign in.',
  changed: 'Your changes have been saved.'
} as const
const DONE = ['registered', 'registered_invited', 'invited', 'changed'] as const
const noticeQuery = z.object({ done: z.enum(DONE).optional().catch(undefined) })
const pageOf = (id: string) => `${MANAGE_HOME}/providers/${id}`

/** The register form as posted: the provider and its first person (required unless `optional`), or the errors. */
export function readRegistration (body: Record<string, unknown>, optional: boolean) {
  const values = valuesFromBody(body)
  const invite = inviteValuesOf(body)
  const parsed = parseProviderForm(values)
  const person = parseInvite(invite, optional)
  if (!parsed.ok || !person.ok) {
    const errors = [...(parsed.ok ? [] : parsed.errors), ...(person.ok ? [] : person.errors)]
    return { ok: false as const, values, invite, errors }
  }
  const provider = { ...parsed.value, charityNumber: null, companyNumber: null }
  return { ok: true as const, provider, person: person.value }
}

export const manageProviderRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)
  const csrf = { preValidation: app.csrfProtection }

  // A page of the list is a function of the kept answer and the query as typed (its form shows it back).
  const keptLists = keptPages()
  app.get('/', { schema: { hide: true, querystring: providerPageQuery } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const page = await listProvidersWithAwards(deps, ctx, listQueryOf(request.query))
    const html = await keptLists.html(page, JSON.stringify(request.query), async () =>
      await reply.renderPage('manage-providers', providersView(request.query, page, null)))
    return await reply.sendPage(200, html)
  })

  const registerForm = (reply: FastifyReply) => ({
    heading: 'Register a provider',
    action: `${MANAGE_HOME}/providers/new`,
    csrf: reply.generateCsrf(),
    submit: 'Register the provider'
  })

  app.get('/new', { schema: { hide: true } }, async (request, reply) => {
    if ((await staffCtx(deps, request, reply)) === null) return reply
    const view = providerFormView({
      ...registerForm(reply),
      values: emptyValues(),
      invite: { personName: '', personEmail: '' }
    })
    return await reply.page(200, 'manage-provider-form', view)
  })

  app.post('/new', { schema: { hide: true, body: formBody }, ...csrf }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const form = readRegistration(request.body, true)
    // Nothing is written until the whole form is right.
    if (!form.ok) {
      const view = providerFormView({ ...registerForm(reply), ...form })
      return await reply.page(400, 'manage-provider-form', view)
    }
    const provider = await createProvider(deps, ctx, form.provider)
    if (form.person !== null) {
      await createUser(deps, ctx, { role: 'provider', providerId: provider.id, ...form.person })
    }
    const done = form.person === null ? 'registered' : 'registered_invited'
    return await reply.redirect(`${pageOf(provider.id)}?done=${done}`, 303)
  })

  app.get('/:id', { schema: { hide: true, params: idParams, querystring: noticeQuery } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const overview = await getProviderOverview(deps, ctx, request.params.id)
    const done = request.query.done
    const notice = done === undefined ? null : NOTICES[done]
    return await reply.page(200, 'manage-provider', providerPageView(overview, notice))
  })

  const editForm = (reply: FastifyReply, p: { id: string; name: string }) => ({
    heading: 'Change the provider’s record',
    caption: p.name,
    action: `${pageOf(p.id)}/edit`,
    csrf: reply.generateCsrf(),
    submit: 'Save changes',
    cancelHref: pageOf(p.id)
  })

  app.get('/:id/edit', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const p = await getProvider(deps, ctx, request.params.id)
    const view = providerFormView({ ...editForm(reply, p), values: valuesFromProvider(p), version: p.version })
    return await reply.page(200, 'manage-provider-form', view)
  })

  const posted = { schema: { hide: true, params: idParams, body: formBody }, ...csrf }
  app.post('/:id/edit', posted, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const before = await getProvider(deps, ctx, request.params.id)
    const version = z.coerce.number().int().min(1).catch(0).parse(request.body.version)
    const values = valuesFromBody(request.body)
    const parsed = parseProviderForm(values)
    if (!parsed.ok) {
      const view = providerFormView({ ...editForm(reply, before), values, version, errors: parsed.errors })
      return await reply.page(400, 'manage-provider-form', view)
    }
    try {
      await updateProvider(deps, ctx, before.id, version, parsed.value)
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'VERSION_MISMATCH') throw e
      // Someone saved first: show both versions; the form keeps this person's, against the version now saved.
      const conflict = { rows: conflictRows(values, valuesFromProvider(before)) }
      const view = providerFormView({ ...editForm(reply, before), values, version: before.version, conflict })
      return await reply.page(409, 'manage-provider-form', view)
    }
    return await reply.redirect(`${pageOf(before.id)}?done=changed`, 303)
  })

  app.get('/:id/people/new', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const p = await getProvider(deps, ctx, request.params.id)
    const view = inviteView(p, reply.generateCsrf(), { personName: '', personEmail: '' })
    return await reply.page(200, 'manage-invite', view)
  })

  app.post('/:id/people', posted, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const p = await getProvider(deps, ctx, request.params.id)
    const values = inviteValuesOf(request.body)
    const person = parseInvite(values, false)
    if (!person.ok || person.value === null) {
      const errors = person.ok ? [] : person.errors
      return await reply.page(400, 'manage-invite', inviteView(p, reply.generateCsrf(), values, errors))
    }
    await createUser(deps, ctx, { role: 'provider', providerId: p.id, ...person.value })
    return await reply.redirect(`${pageOf(p.id)}?done=invited`, 303)
  })
}
