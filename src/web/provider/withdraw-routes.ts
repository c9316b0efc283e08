// Withdrawing an appeal from the provider's pages (README: For providers): a confirmation page saying what it means,
// with an optional reason, then withdrawAppeal — the API's own use case, so the same transition table, version
// check and audit. Offered only while the appeal's lifecycle allows it; PRG back to "keeping your mark".
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { APPEAL_NOTE_LENGTH, getAppeal, withdrawAppeal } from '../../use-cases/appeals.js'
import type { Deps } from '../../use-cases/context.js'
import { layoutOf, type PageView } from '../layout.js'
import { unlessChanged } from '../manage/forms.js'
import { messageView } from '../plugin.js'
import { pageCtx, providerNavigation, providerOrRedirect } from '../portal.js'
import { canWithdraw, KEEPING_HREF, SUBJECT_WORDS, withdrawHref } from './keeping-page.js'

export interface WithdrawView extends PageView {
  csrf: string
  action: string
  about: string
  version: number
  reason: { value: string; error: string | null }
  errorList: Array<{ href: string; text: string }>
}

declare module '../views.js' {
  interface PageViews {
    'provider-appeal-withdraw': WithdrawView
  }
}

const { min, max } = APPEAL_NOTE_LENGTH
const reasonError = (reason: string): string | null =>
  reason === '' || (reason.length >= min && reason.length <= max)
    ? null
    : `Your reason must be between ${min} and ${max} characters, or leave it empty`

const NAVIGATION = providerNavigation(KEEPING_HREF)
const idParams = z.object({ id: z.uuid() })
const body = z.object({ reason: z.string().optional(), version: z.coerce.number().int().optional() }).passthrough()

/** Registered inside the provider portal (src/web/provider/routes.ts). */
export const withdrawRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const page = (csrf: string, a: { id: string; subjectType: keyof typeof SUBJECT_WORDS; version: number },
    value = '', error: string | null = null): WithdrawView => ({
    layout: layoutOf({
      title: 'Withdraw your appeal',
      hasErrors: error !== null,
      navigation: NAVIGATION
    }),
    csrf,
    action: withdrawHref(a.id),
    about: SUBJECT_WORDS[a.subjectType],
    version: a.version,
    reason: { value, error },
    errorList: error === null ? [] : [{ href: '#reason', text: error }]
  })
  const open = async (request: FastifyRequest, reply: FastifyReply, id: string) => {
    const me = await providerOrRedirect(request, reply)
    if (me === null) return null
    const ctx = pageCtx(deps, me, request)
    const appeal = await getAppeal(deps, ctx, id)
    if (canWithdraw(appeal.state)) return { ctx, appeal }
    await reply.page(409, 'message', messageView({
      title: 'You cannot withdraw this appeal',
      paragraphs: [
        'It has been decided or was already withdrawn.',
        `Your keeping your mark page (${KEEPING_HREF}) shows where your appeals are.`
      ]
    }))
    return null
  }

  app.get('/appeals/:id/withdraw', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const found = await open(request, reply, request.params.id)
    if (found === null) return reply
    return await reply.page(200, 'provider-appeal-withdraw', page(reply.generateCsrf(), found.appeal))
  })

  app.post('/appeals/:id/withdraw', {
    schema: { hide: true, params: idParams, body },
    preValidation: app.csrfProtection
  }, async (request, reply) => {
    const found = await open(request, reply, request.params.id)
    if (found === null) return reply
    const raw = request.body.reason ?? ''
    const error = reasonError(raw.trim())
    if (error !== null) {
      return await reply.page(400, 'provider-appeal-withdraw', page(reply.generateCsrf(), found.appeal, raw, error))
    }
    const back = { href: `${KEEPING_HREF}#appeals`, what: 'appeal', active: KEEPING_HREF, navigation: NAVIGATION }
    return await unlessChanged(reply, back, async () => {
      await withdrawAppeal(deps, found.ctx, request.params.id, {
        expectedVersion: request.body.version,
        reason: raw.trim() === '' ? undefined : raw.trim()
      })
      return await reply.redirect(`${KEEPING_HREF}?done=withdrawn`, 303)
    })
  })
}
