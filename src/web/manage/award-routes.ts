// The co-ordinator's award pages (README: Reviewing an assessment and deciding), registered under /manage/awards:
// the list, the award with its badge, and suspend / reinstate / revoke / withdraw, each with a reason; the three
// that take a mark away show a confirmation page first. The same use case as the API (src/use-cases/awards.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AwardState, SuspensionReason, transitionAward } from '../../domain/workflow/index.js'
import { changeAward, getAward, listAwards } from '../../use-cases/awards.js'
import type { Deps } from '../../use-cases/context.js'
import { nameProviders } from '../../use-cases/provider-names.js'
import { getProvider } from '../../use-cases/providers.js'
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
import { recordActionRoutes, type ActionSpec } from './record-actions.js'
import { levelName } from './tags.js'
import { words } from './words.js'

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
const NOTE = { label: 'Reason', hint: 'Kept for the record; never published.' }

/**
 * Each action with its reason; a suspension's is recorded as the API records it, its category then what happened
 * (src/http/routes/awards.ts).
 */
const awardActions = (d: Deps): ActionSpec[] => AWARD_ACTIONS.map((action) => ({
  path: action,
  title: actionTitle(action),
  submit: actionTitle(action),
  ...(action === 'suspend'
    ? {
        choices: [{
          name: 'reason',
          label: 'Why are you suspending the award?',
          options: SuspensionReason.options.map((value) => ({ value, text: SUSPENSION_TEXT[value] })),
          required: 'Select why you are suspending the award'
        }],
        note: { label: 'What happened', hint: NOTE.hint, required: 'Enter what happened' }
      }
    : { note: { ...NOTE, required: REASON_NEEDED[action] } }),
  ...(isDestructive(action)
    ? {
        confirm: action === 'suspend'
          ? 'The mark leaves the public directory until it is reinstated. The provider is told at once.'
          : 'The mark leaves the public directory for good. The provider is told at once.',
        confirmTitle: `Are you sure you want to ${action} this award?`
      }
    : {}),
  done: DONE[action],
  run: async (ctx, id, f) => {
    const reason = action === 'suspend' ? `${f.choices.reason ?? ''}: ${f.note}` : f.note
    return await changeAward(d, ctx, id, action, reason, f.version)
  }
}))

const idParams = z.object({ id: z.uuid() })

/** Registered with the prefix /manage/awards. */
export const manageAwardRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)

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

  await app.register(recordActionRoutes, {
    deps,
    base: AWARDS,
    what: 'award',
    load: async (ctx, id, path) => {
      const award = await getAward(deps, ctx, id)
      const action = AWARD_ACTIONS.find((a) => a === path)
      const refused = action === undefined ? null : transitionAward(award.status, action)
      if (refused !== null && !refused.ok) throw refused.error
      return { version: award.version, caption: `${levelName(award.level)} award, ${words(award.status)}` }
    },
    actions: awardActions(deps)
  })
}
