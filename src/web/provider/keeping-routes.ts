// "Keeping your mark" and lodging an appeal (README: For providers). An appeal is offered only while lodgeAppeal
// would take it (src/use-cases/appeals.ts: its window and checks); the grounds are checked here with GOV.UK messages
// and kept on error. PRG throughout.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppealSubject } from '../../domain/workflow/index.js'
import { APPEAL_GROUNDS_LENGTH, lodgeAppeal } from '../../use-cases/appeals.js'
import type { Ctx, Deps } from '../../use-cases/context.js'
import { getMyKeeping, listMyAppealTargets, type AppealTarget } from '../../use-cases/provider-keeping.js'
import { longDate } from '../../use-cases/publication/public-award.js'
import { layoutOf, type PageView } from '../layout.js'
import { messageView } from '../plugin.js'
import { pageCtx, providerNavigation, providerOrRedirect } from '../portal.js'
import { KEEPING_HREF, keepingView, SUBJECT_WORDS } from './keeping-page.js'

export interface AppealFormView extends PageView {
  csrf: string
  subject: string
  about: string
  lastDay: string
  grounds: { value: string; error: string | null }
  errorList: Array<{ href: string; text: string }>
}

declare module '../views.js' {
  interface PageViews {
    'provider-appeal': AppealFormView
  }
}

const { min, max } = APPEAL_GROUNDS_LENGTH
const DONE = ['appealed', 'withdrawn'] as const
const NOTICES: Record<(typeof DONE)[number], string> = {
  appealed: 'Your appeal has been sent. We will tell you when the council has it and what happens next.',
  withdrawn: 'Your appeal has been withdrawn.'
}

function appealFormView (csrf: string, t: AppealTarget & { check: { ok: true } }, value = '', error?: string) {
  return {
    layout: layoutOf({
      title: 'Appeal',
      hasErrors: error !== undefined,
      navigation: providerNavigation(KEEPING_HREF)
    }),
    csrf,
    subject: t.subjectType,
    about: SUBJECT_WORDS[t.subjectType],
    lastDay: longDate(t.check.lastDay),
    grounds: { value, error: error ?? null },
    errorList: error === undefined ? [] : [{ href: '#grounds', text: error }]
  } satisfies AppealFormView
}

function groundsError (raw: string): string | undefined {
  const grounds = raw.trim()
  if (grounds === '') return 'Enter why you are appealing'
  if (grounds.length < min) return `Why you are appealing must be ${min} characters or more`
  return grounds.length > max ? `Why you are appealing must be ${max} characters or fewer` : undefined
}

/** The target of `subject` the provider may appeal today, or null once a kind page saying why not is sent. */
async function openTarget (deps: Deps, ctx: Ctx, subject: string | undefined, reply: FastifyReply) {
  const t = (await listMyAppealTargets(deps, ctx)).find((x) => x.subjectType === subject)
  if (t !== undefined && t.check.ok) return { ...t, check: t.check }
  const lastDay = t?.check.ok === false ? t.check.error.details?.lastDay : undefined
  await reply.page(409, 'message', messageView({
    title: 'You cannot appeal against this now',
    paragraphs: [
      typeof lastDay === 'string'
        ? `The time to appeal ended on ${longDate(lastDay)}.`
        : 'There is nothing open to appeal against, or your appeal against it is already open.',
      `Your keeping your mark page (${KEEPING_HREF}) shows your appeals and what you can appeal against.`
    ]
  }))
  return null
}

async function providerCtx (deps: Deps, request: FastifyRequest, reply: FastifyReply): Promise<Ctx | null> {
  const me = await providerOrRedirect(request, reply)
  return me === null ? null : pageCtx(deps, me, request)
}

/** Registered inside the provider portal (src/web/provider/routes.ts). */
export const keepingRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const csrf = { preValidation: app.csrfProtection }
  const subjectQuery = z.object({ subject: AppealSubject.optional().catch(undefined) })

  app.get(
    '/keeping',
    { schema: { hide: true, querystring: z.object({ done: z.enum(DONE).optional().catch(undefined) }) } },
    async (request, reply) => {
      const ctx = await providerCtx(deps, request, reply)
      if (ctx === null) return reply
      const notice = request.query.done === undefined ? null : NOTICES[request.query.done]
      return await reply.page(200, 'provider-keeping', keepingView(await getMyKeeping(deps, ctx), notice))
    }
  )

  app.get('/appeal', { schema: { hide: true, querystring: subjectQuery } }, async (request, reply) => {
    const ctx = await providerCtx(deps, request, reply)
    if (ctx === null) return reply
    const t = await openTarget(deps, ctx, request.query.subject, reply)
    if (t === null) return reply
    return await reply.page(200, 'provider-appeal', appealFormView(reply.generateCsrf(), t))
  })

  const posted = { schema: { hide: true, body: z.record(z.string(), z.string()) }, ...csrf }
  app.post('/appeal', posted, async (request, reply) => {
    const ctx = await providerCtx(deps, request, reply)
    if (ctx === null) return reply
    const t = await openTarget(deps, ctx, request.body.subject, reply)
    if (t === null) return reply
    const raw = request.body.grounds ?? ''
    const error = groundsError(raw)
    if (error !== undefined) {
      return await reply.page(400, 'provider-appeal', appealFormView(reply.generateCsrf(), t, raw, error))
    }
    const { subjectType, assessmentId, awardId } = t
    await lodgeAppeal(deps, ctx, { subjectType, assessmentId, awardId, grounds: raw.trim() })
    return await reply.redirect(`${KEEPING_HREF}?done=appealed`, 303)
  })
}
