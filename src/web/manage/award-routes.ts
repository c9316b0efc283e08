// The co-ordinator's award pages (README: Reviewing an assessment and deciding), registered under /manage/awards:
// the list, the award with its badge, and suspend / reinstate / revoke / withdraw, each with a reason; the three
// that take a mark away show a confirmation page first. The same use case as the API (src/use-cases/awards.ts).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AwardState, SuspensionReason, transitionAward } from '../../domain/workflow/index.js'
import { changeAward, getAward, listAwards } from '../../use-cases/awards.js'
import type { Deps } from '../../use-cases/context.js'
import { nameProviders } from '../../use-cases/provider-names.js'
import { getProvider } from '../../use-cases/providers.js'
import type { SignedIn } from '../../use-cases/sessions.js'
import { useHtmlErrorPages } from '../plugin.js'
import { filterQuery, pageQuery } from './list-view.js'
import { pageCtx, staffOrRedirect } from '../portal.js'
import {
  actionTitle,
  AWARD_ACTIONS,
  AWARDS,
  awardList,
  awardPage,
  isDestructive,
  type AwardAction
} from './award-views.js'
import {
  formPage,
  radios,
  readNote,
  row,
  textarea,
  textField,
  unlessChanged,
  versionField,
  type FormField
} from './forms.js'

const SUSPENSION_TEXT: Record<SuspensionReason, string> = {
  evidence_lapsed: 'Evidence for a limiter has lapsed',
  safeguarding_investigation: 'A safeguarding investigation',
  serious_complaint: 'A serious complaint',
  non_engagement: 'The provider is not engaging'
}
const DONE: Record<AwardAction, string> = {
  suspend: 'The award is suspended. The provider has been told.',
  reinstate: 'The award is reinstated. The provider has been told.',
  revoke: 'The award is revoked. The provider has been told.',
  withdraw: 'The award is withdrawn.'
}
const REASON_NEEDED: Record<AwardAction, string> = {
  suspend: 'Enter what happened',
  reinstate: 'Enter why the award is reinstated',
  revoke: 'Enter why the award is revoked',
  withdraw: 'Enter why the award is withdrawn'
}

const suspensionText = (r: string): string => {
  const known = SuspensionReason.safeParse(r)
  return known.success ? SUSPENSION_TEXT[known.data] : r
}

const idParams = z.object({ id: z.uuid() })
const actionBody = z.object({
  version: versionField,
  reason: textField,
  note: textField,
  confirm: z.literal('yes').optional()
})

interface ActionForm {
  version: number
  reason: string
  note: string
  errors: { reason: string | null; note: string | null }
}

/** The reason as the API records it: a suspension's category then what happened (src/http/routes/awards.ts). */
const recordedReason = (a: AwardAction, f: ActionForm) =>
  a === 'suspend' ? `${f.reason}: ${f.note}` : f.reason

/** Registered with the prefix /manage/awards. */
export const manageAwardRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)
  const csrf = { preValidation: app.csrfProtection }
  const hrefOf = (id: string) => `${AWARDS}/${id}`

  app.get(
    '/',
    {
      schema: {
        hide: true,
        querystring: z.object({ status: filterQuery(AwardState), page: pageQuery })
      }
    },
    async (request, reply) => {
      const me = await staffOrRedirect(request, reply)
      if (me === null) return reply
      const ctx = pageCtx(deps, me, request)
      const status = request.query.status === '' ? undefined : request.query.status
      const { items, meta } = await listAwards(deps, ctx, { page: request.query.page, perPage: 25, status })
      const names = await nameProviders(deps, ctx, items.map((w) => w.providerId))
      return await reply.page(200, 'manage-list', awardList({ status, items, names, meta }))
    }
  )

  app.get(
    '/:id',
    { schema: { hide: true, params: idParams, querystring: z.object({ done: z.enum(AWARD_ACTIONS).optional() }) } },
    async (request, reply) => {
      const me = await staffOrRedirect(request, reply)
      if (me === null) return reply
      const ctx = pageCtx(deps, me, request)
      const award = await getAward(deps, ctx, request.params.id)
      const provider = await getProvider(deps, ctx, award.providerId)
      const { done } = request.query
      return await reply.page(200, 'manage-award', awardPage({
        award,
        providerName: provider.name,
        publicBaseUrl: deps.config.publicBaseUrl,
        notice: done === undefined ? null : DONE[done]
      }))
    }
  )

  for (const action of AWARD_ACTIONS) {
    const fields = (f: ActionForm): FormField[] => action === 'suspend'
      ? [
          radios('reason', 'Why are you suspending the award?', f.reason, f.errors.reason,
            SuspensionReason.options.map((value) => ({ value, text: SUSPENSION_TEXT[value] }))),
          textarea('note', 'What happened', f.note, f.errors.note, 'Kept for the record; never published.')
        ]
      : [textarea('reason', 'Reason', f.reason, f.errors.reason, 'Kept for the record; never published.')]

    /** The form, or once it is valid and the action takes a mark away, the confirmation page. */
    const render = async (
      request: FastifyRequest,
      reply: FastifyReply,
      me: SignedIn,
      id: string,
      status: number,
      form: ActionForm | null,
      confirming: boolean
    ) => {
      const award = await getAward(deps, pageCtx(deps, me, request), id)
      const refused = transitionAward(award.status, action)
      if (!refused.ok) throw refused.error
      const f = form ?? { version: award.version, reason: '', note: '', errors: { reason: null, note: null } }
      const common = {
        active: AWARDS,
        caption: `${award.level} award, ${award.status.replace('_', ' ')}`,
        action: `${hrefOf(id)}/${action}`,
        csrf: reply.generateCsrf(),
        cancelHref: hrefOf(id)
      }
      if (!confirming) {
        return await reply.page(status, 'manage-form', formPage({
          ...common,
          title: actionTitle(action),
          hidden: [{ name: 'version', value: String(f.version) }],
          fields: fields(f),
          submit: isDestructive(action) ? 'Continue' : actionTitle(action)
        }))
      }
      return await reply.page(200, 'manage-form', formPage({
        ...common,
        title: `Are you sure you want to ${action} this award?`,
        summaryRows: [
          row('Reason', action === 'suspend' ? suspensionText(f.reason) : f.reason),
          ...(action === 'suspend' ? [row('What happened', f.note)] : [])
        ],
        warning: action === 'suspend'
          ? 'The mark leaves the public directory until it is reinstated. The provider is told at once.'
          : 'The mark leaves the public directory for good. The provider is told at once.',
        hidden: [
          { name: 'version', value: String(f.version) },
          { name: 'reason', value: f.reason },
          { name: 'note', value: f.note },
          { name: 'confirm', value: 'yes' }
        ],
        submit: `Yes, ${action} the award`,
        destructive: true
      }))
    }

    app.get(`/:id/${action}`, { schema: { hide: true, params: idParams } }, async (request, reply) => {
      const me = await staffOrRedirect(request, reply)
      if (me === null) return reply
      return await render(request, reply, me, request.params.id, 200, null, false)
    })

    app.post(
      `/:id/${action}`,
      { schema: { hide: true, params: idParams, body: actionBody }, ...csrf },
      async (request, reply) => {
        const me = await staffOrRedirect(request, reply)
        if (me === null) return reply
        const { id } = request.params
        const body = request.body
        const suspending = action === 'suspend'
        const reason = suspending
          ? {
              note: body.reason ?? '',
              error: SuspensionReason.safeParse(body.reason).success ? null : 'Select why you are suspending the award'
            }
          : readNote(body.reason, REASON_NEEDED[action])
        const note = suspending ? readNote(body.note, REASON_NEEDED[action]) : { note: '', error: null }
        const errors = { reason: reason.error, note: note.error }
        const form = { version: body.version, reason: reason.note, note: note.note, errors }
        if (reason.error !== null || note.error !== null) return await render(request, reply, me, id, 400, form, false)
        if (isDestructive(action) && body.confirm !== 'yes') {
          return await render(request, reply, me, id, 200, form, true)
        }
        const back = { href: hrefOf(id), what: 'award', active: AWARDS }
        return await unlessChanged(reply, back, async () => {
          await changeAward(deps, pageCtx(deps, me, request), id, action, recordedReason(action, form), form.version)
          return await reply.redirect(`${hrefOf(id)}?done=${action}`, 303)
        })
      }
    )
  }
}
