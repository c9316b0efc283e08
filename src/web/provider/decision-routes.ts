// The decision (README: For providers): the proposed level with the co-ordinator's reasons and what was missing for
// the levels above it; within the factual-accuracy window a comment on its accuracy, or acceptance. PRG throughout.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { LEVEL_WORDS, levelHeading } from '../../domain/scoring/standing-words.js'
import type { Deps } from '../../use-cases/context.js'
import { acceptDecision, commentOnDecision } from '../../use-cases/decisions.js'
import { getMyDecision } from '../../use-cases/provider-portal.js'
import { layoutOf, type PageView } from '../layout.js'
import { pageCtx, PROVIDER_HOME, providerNavigation, providerOrRedirect } from '../portal.js'

type Mine = NonNullable<Awaited<ReturnType<typeof getMyDecision>>>

export interface DecisionView extends PageView {
  csrf: string
  errorList: Array<{ href: string; text: string }>
  notice: string | null
  proposed: boolean
  level: string
  reason: string | null
  outcome: string | null
  gaps: Array<{ heading: string; missing: string[] }>
  windowOpen: boolean
  deadline: string | null
  comment: { value: string; error: string | null }
  yourComment: string | null
  acceptedOn: string | null
}

declare module '../views.js' {
  interface PageViews {
    'provider-decision': DecisionView
  }
}

const HREF = `${PROVIDER_HOME}/decision`
const COMMENT_MAX = 5000
const NOTICES = { commented: 'Your comment has been sent.', accepted: 'You have accepted the decision.' } as const
const day = (d: Date | null) => d === null ? null : d.toISOString().slice(0, 10)

function decisionView (csrf: string, mine: Mine | null, more: { notice?: string; comment?: string; error?: string }) {
  const layout = layoutOf({
    title: 'Your decision',
    hasErrors: more.error !== undefined,
    navigation: providerNavigation(HREF)
  })
  const d = mine?.decision
  const level = d?.proposedLevel ?? 'none'
  return {
    layout,
    csrf,
    errorList: more.error === undefined ? [] : [{ href: '#comment', text: more.error }],
    notice: more.notice ?? null,
    proposed: d !== undefined,
    level: LEVEL_WORDS[level],
    reason: d?.decisionReason ?? null,
    outcome: d?.outcome === 'awarded'
      ? `Your ${LEVEL_WORDS[level].toLowerCase()} Quality Mark was published on ${day(d.decidedAt) ?? ''}.`
      : d?.outcome === 'not_awarded' ? 'The decision was published: no Quality Mark this time.' : null,
    gaps: (mine?.standing?.gaps ?? []).map((g) => ({ heading: levelHeading(g.level), missing: g.missing })),
    windowOpen: mine?.windowOpen ?? false,
    deadline: d?.factualAccuracyEndsOn ?? null,
    comment: { value: more.comment ?? '', error: more.error ?? null },
    yourComment: d?.providerComment ?? null,
    acceptedOn: day(d?.providerAcceptedAt ?? null)
  } satisfies DecisionView
}

/** Registered inside the provider portal (src/web/provider/routes.ts). */
export const decisionRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const csrf = { preValidation: app.csrfProtection }
  const form = z.record(z.string(), z.string())

  app.get(
    '/decision',
    { schema: { hide: true, querystring: z.object({ done: z.enum(['commented', 'accepted']).optional() }) } },
    async (request, reply) => {
      const me = await providerOrRedirect(request, reply)
      if (me === null) return reply
      const mine = await getMyDecision(deps, pageCtx(deps, me, request))
      const done = request.query.done
      const view = decisionView(reply.generateCsrf(), mine, done === undefined ? {} : { notice: NOTICES[done] })
      return await reply.page(200, 'provider-decision', view)
    }
  )

  app.post('/decision/comment', { schema: { hide: true, body: form }, ...csrf }, async (request, reply) => {
    const me = await providerOrRedirect(request, reply)
    if (me === null) return reply
    const ctx = pageCtx(deps, me, request)
    const mine = await getMyDecision(deps, ctx)
    if (mine === null) return await reply.redirect(HREF, 303)
    const raw = request.body.comment ?? ''
    const comment = raw.trim()
    const error = comment === ''
      ? 'Enter what is wrong in the decision'
      : comment.length > COMMENT_MAX ? `Your comment must be ${COMMENT_MAX} characters or fewer` : undefined
    if (error !== undefined) {
      const view = decisionView(reply.generateCsrf(), mine, { comment: raw, error })
      return await reply.page(400, 'provider-decision', view)
    }
    await commentOnDecision(deps, ctx, mine.decision.assessmentId, mine.version, comment)
    return await reply.redirect(`${HREF}?done=commented`, 303)
  })

  app.post('/decision/accept', { schema: { hide: true, body: form }, ...csrf }, async (request, reply) => {
    const me = await providerOrRedirect(request, reply)
    if (me === null) return reply
    const ctx = pageCtx(deps, me, request)
    const mine = await getMyDecision(deps, ctx)
    if (mine === null) return await reply.redirect(HREF, 303)
    await acceptDecision(deps, ctx, mine.decision.assessmentId, mine.version)
    return await reply.redirect(`${HREF}?done=accepted`, 303)
  })
}
