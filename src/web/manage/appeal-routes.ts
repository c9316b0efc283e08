// The council's appeals (README: Concerns and appeals in the portal), registered under /manage/appeals: the list,
// one appeal with who may hear it and why, acknowledge, start the hearing, decide and close
// (src/use-cases/appeals.ts: only an independent reviewer hears and decides).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { allowedAppealActions, AppealOutcome, AppealState, type AppealEvent } from '../../domain/workflow/index.js'
import {
  actOnAppeal,
  decideAppeal,
  getAppeal,
  listAppeals,
  startAppealReview,
  whyCannotHearAppeal
} from '../../use-cases/appeals.js'
import type { Deps } from '../../use-cases/context.js'
import { nameProviders } from '../../use-cases/provider-names.js'
import { useHtmlErrorPages } from '../plugin.js'
import { MANAGE_HOME, pageCtx, staffOrRedirect } from '../portal.js'
import { row } from './forms.js'
import { filterQuery, listView, pageQuery } from './list-view.js'
import { recordActionRoutes, recordView, type ActionSpec } from './record-actions.js'
import { linkHtml, stateTagIn } from './tags.js'
import { words } from './words.js'

export const APPEALS = `${MANAGE_HOME}/appeals`
const STATE_COLOUR: Record<AppealState, string> = {
  lodged: 'blue',
  acknowledged: 'light-blue',
  under_review: 'yellow',
  upheld: 'green',
  partly_upheld: 'orange',
  dismissed: 'red',
  withdrawn: 'grey',
  closed: 'grey'
}
const stateTag = stateTagIn(STATE_COLOUR)
const reasonOf = (note: string) => (note === '' ? undefined : note)
const LEVELS = ['gold', 'silver', 'bronze'] as const
const levelOf = (v: string | undefined) => LEVELS.find((l) => l === v)

const appealActions = (d: Deps): Array<ActionSpec & { events: readonly AppealEvent[]; hearing: boolean }> => [
  {
    path: 'acknowledge',
    events: ['acknowledge'],
    hearing: false,
    title: 'Acknowledge the appeal',
    submit: 'Acknowledge it',
    note: { label: 'Notes', required: null },
    done: 'The appeal is acknowledged.',
    run: async (ctx, id, f) =>
      await actOnAppeal(d, ctx, id, 'acknowledge', { expectedVersion: f.version, reason: reasonOf(f.note) })
  },
  {
    path: 'hear',
    events: ['start_review'],
    hearing: true,
    title: 'Hear the appeal',
    submit: 'Start the hearing',
    note: { label: 'Notes', required: null },
    done: 'You are hearing the appeal.',
    run: async (ctx, id, f) =>
      await startAppealReview(d, ctx, id, { expectedVersion: f.version, reason: reasonOf(f.note) })
  },
  {
    path: 'decide',
    events: ['uphold', 'partly_uphold', 'dismiss'],
    hearing: true,
    title: 'Decide the appeal',
    submit: 'Decide the appeal',
    choices: [
      {
        name: 'outcome',
        label: 'What have you decided?',
        options: AppealOutcome.options.map((value) => ({ value, text: words(value) })),
        required: 'Select what you have decided'
      },
      {
        name: 'level',
        label: 'The level to award, if the outcome changes it',
        options: LEVELS.map((value) => ({ value, text: value })),
        required: null
      }
    ],
    note: { label: 'Why', hint: 'The provider is sent this.', required: 'Enter why you decided this' },
    confirm: 'The outcome is applied at once and the provider is told.',
    done: 'The appeal is decided and its outcome applied.',
    run: async (ctx, id, f) => await decideAppeal(d, ctx, id, {
      outcome: AppealOutcome.parse(f.choices.outcome),
      level: levelOf(f.choices.level),
      reason: f.note,
      expectedVersion: f.version
    })
  },
  {
    path: 'close',
    events: ['close'],
    hearing: false,
    title: 'Close the appeal',
    submit: 'Close the appeal',
    note: { label: 'Notes', required: null },
    confirm: 'A closed appeal cannot be reopened.',
    done: 'The appeal is closed.',
    run: async (ctx, id, f) =>
      await actOnAppeal(d, ctx, id, 'close', { expectedVersion: f.version, reason: reasonOf(f.note) })
  }
]

/** Registered with the prefix /manage/appeals. */
export const manageAppealRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps: d }) => {
  useHtmlErrorPages(app)
  const actions = appealActions(d)

  app.get(
    '/',
    { schema: { hide: true, querystring: z.object({ state: filterQuery(AppealState), page: pageQuery }) } },
    async (request, reply) => {
      const me = await staffOrRedirect(request, reply)
      if (me === null) return reply
      const ctx = pageCtx(d, me, request)
      const state = request.query.state === '' ? undefined : request.query.state
      const { items, meta } = await listAppeals(d, ctx, { page: request.query.page, perPage: 25, state })
      const names = await nameProviders(d, ctx, items.map((a) => a.providerId))
      return await reply.page(200, 'manage-list', listView({
        title: 'Appeals',
        href: APPEALS,
        noun: 'appeals',
        filter: { name: 'state', label: 'State', value: state, values: AppealState.options, text: words },
        head: ['Provider', 'Against', 'State', 'Lodged'],
        rows: items.map((a) => [
          { html: linkHtml(`${APPEALS}/${a.id}`, names.get(a.providerId) ?? 'Provider') },
          { text: words(a.subjectType) },
          { html: stateTag(a.state) },
          { text: a.lodgedAt.toISOString().slice(0, 10) }
        ]),
        page: meta.page,
        totalPages: meta.totalPages,
        total: meta.totalItems
      }))
    }
  )

  app.get(
    '/:id',
    {
      schema: {
        hide: true,
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ done: z.string().max(20).optional() })
      }
    },
    async (request, reply) => {
      const me = await staffOrRedirect(request, reply)
      if (me === null) return reply
      const ctx = pageCtx(d, me, request)
      const a = await getAppeal(d, ctx, request.params.id)
      const [names, cannot] = await Promise.all([
        nameProviders(d, ctx, [a.providerId]),
        whyCannotHearAppeal(d, ctx, a.id)
      ])
      const allowed = new Set<string>(allowedAppealActions(a.state))
      const subject = a.awardId !== null && a.subjectType !== 'decision'
        ? linkHtml(`${MANAGE_HOME}/awards/${a.awardId}`, `the ${words(a.subjectType)}`)
        : a.assessmentId === null
          ? words(a.subjectType)
          : linkHtml(`${MANAGE_HOME}/assessments/${a.assessmentId}`, 'the decision')
      const heardBy = a.reviewerId === null ? 'No one yet' : a.reviewerId === me.principal.userId ? 'You' : 'A reviewer'
      return await reply.page(200, 'manage-record', recordView(`${MANAGE_HOME}/concerns`, {
        caption: 'Appeal',
        title: `An appeal by ${names.get(a.providerId) ?? 'a provider'}`,
        notice: actions.find((x) => x.path === request.query.done)?.done ?? null,
        important: cannot,
        rows: [
          { key: { text: 'State' }, value: { html: stateTag(a.state) } },
          { key: { text: 'Against' }, value: { html: subject } },
          row('Grounds', a.grounds),
          row('Lodged on', a.lodgedAt.toISOString().slice(0, 10)),
          row('Heard by', heardBy),
          ...(a.outcome === null ? [] : [row('Outcome', words(a.outcome)), row('Why', a.outcomeReason ?? '')])
        ],
        actions: actions
          .filter((x) => x.events.some((e) => allowed.has(e)) && !(x.hearing && cannot !== null))
          .map((x) => ({ href: `${APPEALS}/${a.id}/${x.path}`, text: x.title, classes: '' }))
      }))
    }
  )

  await app.register(recordActionRoutes, {
    deps: d,
    base: APPEALS,
    what: 'appeal',
    load: async (ctx, id) => {
      const a = await getAppeal(d, ctx, id)
      return { version: a.version, caption: `Appeal against the ${words(a.subjectType)}` }
    },
    actions
  })
}
