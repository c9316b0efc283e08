// The co-ordinator's assessment review (README: Reviewing an assessment and deciding), registered under
// /manage/assessments: the list, the review page, the workflow actions and the decision. Each calls the API's use
// case with the signed-in person as the actor, so the rules, the audit and the version check are the same.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { ComputedLevel } from '../../domain/scheme/enums.js'
import { isAboveLevel } from '../../domain/scoring/index.js'
import { AssessmentState, type AssessmentEvent } from '../../domain/workflow/index.js'
import { actOnAssessment, getAssessment, listAssessments } from '../../use-cases/assessments.js'
import type { Deps } from '../../use-cases/context.js'
import { getLiveScore, proposeDecision, publishDecision } from '../../use-cases/decisions.js'
import { nameProviders } from '../../use-cases/provider-names.js'
import { getProvider } from '../../use-cases/providers.js'
import { getSchemeVersion } from '../../use-cases/schemes.js'
import type { SignedIn } from '../../use-cases/sessions.js'
import { useHtmlErrorPages } from '../plugin.js'
import { pageCtx, staffOrRedirect } from '../portal.js'
import { ASSESSMENTS, assessmentList, assessmentPage } from './assessment-views.js'
import { evidenceRoutes } from './evidence-routes.js'
import { filterQuery, pageQuery } from './list-view.js'
import {
  fieldError,
  formPage,
  radios,
  readNote,
  row,
  textarea,
  textField,
  unlessChanged,
  versionField
} from './forms.js'
import { levelName } from './tags.js'

const NOTICES: Record<string, string> = {
  'review-started': 'The review has started.',
  verified: 'The evidence is verified.',
  reviewed: 'Your review of the evidence is saved. The provider has been told what to do next.',
  'info-requested': 'Your request for information has been sent to the provider.',
  ready: 'The assessment is ready for a decision.',
  reopened: 'The review is open again.',
  proposed: 'The decision has been proposed to the provider.',
  published: 'The decision is published.'
}

const idParams = z.object({ id: z.uuid() })
const versionOnly = z.object({ version: versionField })
const LEVELS: readonly ComputedLevel[] = ['gold', 'silver', 'bronze', 'none']

/** Actions that carry a note the provider reads (src/use-cases/assessments.ts actOnAssessment). */
const NOTE_ACTIONS = [
  {
    path: 'request-info',
    event: 'request_info',
    done: 'info-requested',
    title: 'Ask the provider for information',
    label: 'What do you need the provider to tell you?',
    hint: 'The provider reads this in their email and on their application.',
    required: 'Enter what you need the provider to tell you',
    submit: 'Send the request'
  },
  {
    path: 'reopen',
    event: 'reopen_review',
    done: 'reopened',
    title: 'Reopen the review',
    label: 'Why are you reopening the review?',
    hint: 'For example, the provider’s comment shows a mistake. This is kept in the assessment’s history.',
    required: 'Enter why you are reopening the review',
    submit: 'Reopen the review'
  }
] as const satisfies ReadonlyArray<{ event: AssessmentEvent } & Record<string, string>>

interface ProposeForm {
  version: number | null
  level: string
  reason: string
  errors: { level: string | null; reason: string | null }
}

/** Registered with the prefix /manage/assessments. */
export const manageAssessmentRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)
  const csrf = { preValidation: app.csrfProtection }
  const hrefOf = (id: string) => `${ASSESSMENTS}/${id}`
  const back = (id: string) => ({ href: hrefOf(id), what: 'assessment', active: ASSESSMENTS })
  const ctxOf = (me: SignedIn, request: FastifyRequest) => pageCtx(deps, me, request)

  app.get(
    '/',
    {
      schema: {
        hide: true,
        querystring: z.object({ state: filterQuery(AssessmentState), page: pageQuery })
      }
    },
    async (request, reply) => {
      const me = await staffOrRedirect(request, reply)
      if (me === null) return reply
      const ctx = ctxOf(me, request)
      const state = request.query.state === '' ? undefined : request.query.state
      const { items, meta } = await listAssessments(deps, ctx, { page: request.query.page, perPage: 25, state })
      const names = await nameProviders(deps, ctx, items.map((a) => a.providerId))
      return await reply.page(200, 'manage-list', assessmentList({ state, items, names, meta }))
    }
  )

  app.get(
    '/:id',
    {
      schema: {
        hide: true,
        params: idParams,
        querystring: z.object({
          whatif: z.union([z.string().max(40), z.array(z.string().max(40)).max(200)]).optional(),
          done: z.string().max(40).optional()
        })
      }
    },
    async (request, reply) => {
      const me = await staffOrRedirect(request, reply)
      if (me === null) return reply
      const ctx = ctxOf(me, request)
      const { id } = request.params
      const assessment = await getAssessment(deps, ctx, id)
      const [provider, version, score] = await Promise.all([
        getProvider(deps, ctx, assessment.providerId),
        getSchemeVersion(deps, ctx, assessment.schemeVersionId),
        getLiveScore(deps, ctx, id)
      ])
      const asked = new Set([request.query.whatif ?? []].flat())
      const codes = assessment.checklist.filter((i) => i.applicable && asked.has(i.code)).map((i) => i.code)
      const result = codes.length === 0 ? null : await getLiveScore(deps, ctx, id, codes)
      return await reply.page(200, 'manage-assessment', assessmentPage({
        csrf: reply.generateCsrf(),
        assessment,
        provider,
        scheme: version.document,
        score,
        whatIf: { codes, result },
        notice: NOTICES[request.query.done ?? ''] ?? null
      }))
    }
  )

  const simpleActions = [
    ['start-review', 'start_review', 'review-started'],
    ['mark-ready', 'mark_ready', 'ready']
  ] as const
  for (const [path, event, done] of simpleActions) {
    app.post(
      `/:id/${path}`,
      { schema: { hide: true, params: idParams, body: versionOnly }, ...csrf },
      async (request, reply) => {
        const me = await staffOrRedirect(request, reply)
        if (me === null) return reply
        const { id } = request.params
        return await unlessChanged(reply, back(id), async () => {
          await actOnAssessment(deps, ctxOf(me, request), id, event, request.body.version, null)
          return await reply.redirect(`${hrefOf(id)}?done=${done}`, 303)
        })
      }
    )
  }

  for (const a of NOTE_ACTIONS) {
    const render = async (
      reply: FastifyReply,
      status: number,
      id: string,
      form: { version: number; note: string; error: string | null }
    ) => await reply.page(status, 'manage-form', formPage({
      active: ASSESSMENTS,
      caption: 'Assessment review',
      title: a.title,
      action: `${hrefOf(id)}/${a.path}`,
      csrf: reply.generateCsrf(),
      hidden: [{ name: 'version', value: String(form.version) }],
      fields: [textarea('note', a.label, form.note, form.error, a.hint)],
      submit: a.submit,
      cancelHref: hrefOf(id)
    }))

    app.get(`/:id/${a.path}`, { schema: { hide: true, params: idParams } }, async (request, reply) => {
      const me = await staffOrRedirect(request, reply)
      if (me === null) return reply
      const assessment = await getAssessment(deps, ctxOf(me, request), request.params.id)
      return await render(reply, 200, assessment.id, { version: assessment.version, note: '', error: null })
    })

    app.post(
      `/:id/${a.path}`,
      { schema: { hide: true, params: idParams, body: z.object({ version: versionField, note: textField }) }, ...csrf },
      async (request, reply) => {
        const me = await staffOrRedirect(request, reply)
        if (me === null) return reply
        const { id } = request.params
        const { version } = request.body
        const { note, error } = readNote(request.body.note, a.required)
        if (error !== null) return await render(reply, 400, id, { version, note, error })
        return await unlessChanged(reply, back(id), async () => {
          await actOnAssessment(deps, ctxOf(me, request), id, a.event, version, note)
          return await reply.redirect(`${hrefOf(id)}?done=${a.done}`, 303)
        })
      }
    )
  }

  const renderPropose = async (
    request: FastifyRequest,
    reply: FastifyReply,
    me: SignedIn,
    id: string,
    status: number,
    form: ProposeForm
  ) => {
    const ctx = ctxOf(me, request)
    const [assessment, score] = await Promise.all([getAssessment(deps, ctx, id), getLiveScore(deps, ctx, id)])
    const computed = score.computedLevel
    const options = LEVELS.filter((l) => !isAboveLevel(l, computed)).map((l) => ({
      value: l,
      text: l === 'none' ? 'No award' : levelName(l),
      ...(l === computed ? { hint: 'The computed level' } : {})
    }))
    return await reply.page(status, 'manage-form', formPage({
      active: ASSESSMENTS,
      caption: 'Decision',
      title: 'Propose a decision',
      paragraphs: [
        'You may propose the computed level or a lower one, never a higher one. A lower level needs a reason, ' +
          'which the provider reads.',
        'The provider then has the factual-accuracy window to comment before you publish.'
      ],
      summaryRows: [
        row('Computed level now', levelName(computed)),
        ...score.reasons.length === 0 ? [] : [row('Why not higher', score.reasons.map((r) => r.message).join('; '))]
      ],
      action: `${hrefOf(id)}/propose`,
      csrf: reply.generateCsrf(),
      hidden: [{ name: 'version', value: String(form.version ?? assessment.version) }],
      fields: [
        radios('level', 'Level to propose', form.level === '' ? computed : form.level, form.errors.level, options),
        textarea('reason', 'Reason for a lower level', form.reason, form.errors.reason,
          'Only needed if you propose a lower level than computed.')
      ],
      submit: 'Propose this decision',
      cancelHref: hrefOf(id)
    }))
  }

  app.get('/:id/propose', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const me = await staffOrRedirect(request, reply)
    if (me === null) return reply
    const blank = { version: null, level: '', reason: '', errors: { level: null, reason: null } }
    return await renderPropose(request, reply, me, request.params.id, 200, blank)
  })

  app.post(
    '/:id/propose',
    {
      schema: {
        hide: true,
        params: idParams,
        body: z.object({ version: versionField, level: textField, reason: textField })
      },
      ...csrf
    },
    async (request, reply) => {
      const me = await staffOrRedirect(request, reply)
      if (me === null) return reply
      const { id } = request.params
      const { version } = request.body
      const level = LEVELS.find((l) => l === request.body.level)
      const { note: reason, error: reasonError } = readNote(request.body.reason, null)
      const form = { version, level: request.body.level ?? '', reason }
      const levelError = level === undefined ? 'Select the level to propose' : null
      if (level === undefined || reasonError !== null) {
        const errors = { level: levelError, reason: reasonError }
        return await renderPropose(request, reply, me, id, 400, { ...form, errors })
      }
      try {
        return await unlessChanged(reply, back(id), async () => {
          const input = { level, reason: reason === '' ? undefined : reason }
          await proposeDecision(deps, ctxOf(me, request), id, version, input)
          return await reply.redirect(`${hrefOf(id)}?done=proposed`, 303)
        })
      } catch (e) {
        const errors = { level: fieldError(e, 'level'), reason: fieldError(e, 'reason') }
        if (errors.level === null && errors.reason === null) throw e
        if (errors.reason !== null) errors.reason = 'Enter why you are proposing a lower level than computed'
        return await renderPropose(request, reply, me, id, 400, { ...form, errors })
      }
    }
  )

  app.get('/:id/publish', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const me = await staffOrRedirect(request, reply)
    if (me === null) return reply
    const a = await getAssessment(deps, ctxOf(me, request), request.params.id)
    return await reply.page(200, 'manage-form', formPage({
      active: ASSESSMENTS,
      caption: 'Decision',
      title: 'Publish the decision',
      summaryRows: [
        row('Proposed level', a.proposedLevel === null ? 'none proposed' : levelName(a.proposedLevel)),
        row('Factual-accuracy window ends', a.factualAccuracyEndsOn ?? 'not set'),
        row("Provider's comment", a.providerComment ?? 'No comment'),
        row('Accepted by the provider', a.providerAcceptedAt === null ? 'Not yet' : 'Yes')
      ],
      warning: 'Publishing issues the award and shows it in the public directory. The provider is told at once.',
      action: `${hrefOf(a.id)}/publish`,
      csrf: reply.generateCsrf(),
      hidden: [{ name: 'version', value: String(a.version) }],
      submit: 'Publish the decision',
      cancelHref: hrefOf(a.id)
    }))
  })

  app.post(
    '/:id/publish',
    { schema: { hide: true, params: idParams, body: versionOnly }, ...csrf },
    async (request, reply) => {
      const me = await staffOrRedirect(request, reply)
      if (me === null) return reply
      const { id } = request.params
      return await unlessChanged(reply, back(id), async () => {
        await publishDecision(deps, ctxOf(me, request), id, request.body.version)
        return await reply.redirect(`${hrefOf(id)}?done=published`, 303)
      })
    }
  )

  await app.register(evidenceRoutes, { deps })
}
