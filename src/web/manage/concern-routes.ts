// The co-ordinator's concerns (README: Concerns and appeals in the portal), registered under /manage/concerns:
// the list, raising one, and triage → investigation → outcome → close through src/use-cases/concerns.ts.
import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ConcernOutcomeSchema } from '../../domain/scheme/enums.js'
import { ConcernSeverity, ConcernState, type ConcernEvent } from '../../domain/workflow/index.js'
import {
  closeConcern,
  getConcern,
  listConcerns,
  raiseConcern,
  recordConcernOutcome,
  startConcernInvestigation,
  triageConcern
} from '../../use-cases/concerns.js'
import type { Ctx, Deps } from '../../use-cases/context.js'
import { nameProviders } from '../../use-cases/provider-names.js'
import { listProviders } from '../../use-cases/providers.js'
import { useHtmlErrorPages } from '../plugin.js'
import { MANAGE_HOME, pageCtx, staffOrRedirect } from '../portal.js'
import { formPage, radios, readNote, row, textarea, textField } from './forms.js'
import { filterQuery, listView, pageQuery } from './list-view.js'
import { recordActionRoutes, recordView, type ActionSpec } from './record-actions.js'
import { linkHtml, stateTagIn } from './tags.js'
import { words } from './words.js'

export const CONCERNS = `${MANAGE_HOME}/concerns`
const STATE_COLOUR: Record<ConcernState, string> = {
  received: 'blue',
  triaged: 'light-blue',
  investigating: 'yellow',
  upheld: 'red',
  partly_upheld: 'orange',
  not_upheld: 'green',
  closed: 'grey'
}
const stateTag = stateTagIn(STATE_COLOUR)
const SOURCES = [
  { value: 'complaint', text: 'A complaint' },
  { value: 'safeguarding', text: 'A safeguarding report' },
  { value: 'monitoring', text: 'Found in monitoring' }
] as const
const SEVERITIES = ConcernSeverity.options.map((value) => ({
  value,
  text: value === 'safeguarding' ? 'Safeguarding: suspends the live award' : words(value)
}))
const OUTCOMES = ConcernOutcomeSchema.options.map((value) => ({ value, text: words(value) }))

const reasonOf = (note: string) => (note === '' ? undefined : note)
/** The actions, each offered when the concern's state allows one of its events. */
const concernActions = (d: Deps): Array<ActionSpec & { events: readonly ConcernEvent[] }> => [
  {
    path: 'triage',
    events: ['triage', 'retriage'],
    title: 'Triage the concern',
    submit: 'Save the triage',
    choices: [
      { name: 'severity', label: 'How serious is it?', options: SEVERITIES, required: 'Select how serious it is' }
    ],
    note: { label: 'Notes', required: null },
    done: 'The concern is triaged.',
    run: async (ctx, id, f) => {
      const severity = ConcernSeverity.parse(f.choices.severity)
      return await triageConcern(d, ctx, id, { severity, expectedVersion: f.version, reason: reasonOf(f.note) })
    }
  },
  {
    path: 'investigate',
    events: ['start_investigation'],
    title: 'Start the investigation',
    submit: 'Start the investigation',
    note: { label: 'Notes', required: null },
    done: 'The investigation has started.',
    run: async (ctx, id, f) =>
      await startConcernInvestigation(d, ctx, id, { expectedVersion: f.version, reason: reasonOf(f.note) })
  },
  {
    path: 'outcome',
    events: ['uphold', 'partly_uphold', 'not_uphold'],
    title: 'Record the outcome',
    submit: 'Record the outcome',
    choices: [
      { name: 'outcome', label: 'What did the investigation find?', options: OUTCOMES, required: 'Select the outcome' }
    ],
    note: { label: 'Why', required: 'Enter why you reached this outcome' },
    done: 'The outcome is recorded.',
    run: async (ctx, id, f) => {
      const outcome = ConcernOutcomeSchema.parse(f.choices.outcome)
      return await recordConcernOutcome(d, ctx, id, { outcome, reason: f.note, expectedVersion: f.version })
    }
  },
  {
    path: 'close',
    events: ['close'],
    title: 'Close the concern',
    submit: 'Close the concern',
    note: { label: 'Notes', required: null },
    confirm: 'A closed concern cannot be reopened.',
    done: 'The concern is closed.',
    run: async (ctx, id, f) =>
      await closeConcern(d, ctx, id, { expectedVersion: f.version, reason: reasonOf(f.note) })
  }
]

const sourceIs = (v: string | undefined) => SOURCES.find((s) => s.value === v)?.value

/** Registered with the prefix /manage/concerns. */
export const manageConcernRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, opts) => {
  useHtmlErrorPages(app)
  const d = opts.deps
  const ACTIONS = concernActions(d)
  const csrf = { preValidation: app.csrfProtection }

  app.get(
    '/',
    { schema: { hide: true, querystring: z.object({ state: filterQuery(ConcernState), page: pageQuery }) } },
    async (request, reply) => {
      const me = await staffOrRedirect(request, reply)
      if (me === null) return reply
      const ctx = pageCtx(d, me, request)
      const state = request.query.state === '' ? undefined : request.query.state
      const { items, meta } = await listConcerns(d, ctx, { page: request.query.page, perPage: 25, state })
      const names = await nameProviders(d, ctx, items.map((c) => c.providerId))
      const list = listView({
        title: 'Concerns',
        href: CONCERNS,
        noun: 'concerns',
        filter: { name: 'state', label: 'State', value: state, values: ConcernState.options, text: words },
        head: ['Provider', 'Source', 'Severity', 'State', 'Raised'],
        rows: items.map((c) => [
          { html: linkHtml(`${CONCERNS}/${c.id}`, names.get(c.providerId) ?? 'Provider') },
          { text: words(c.source) },
          { text: c.severity === null ? 'not triaged' : words(c.severity) },
          { html: stateTag(c.state) },
          { text: c.raisedOn }
        ]),
        page: meta.page,
        totalPages: meta.totalPages,
        total: meta.totalItems,
        actions: [{ href: `${CONCERNS}/new`, text: 'Raise a concern' }]
      })
      return await reply.page(200, 'manage-list', list)
    }
  )

  const renderNew = async (
    reply: FastifyReply,
    ctx: Ctx,
    status: number,
    f: { providerId: string; source: string; summary: string; errors: Record<string, string | null> }
  ) => {
    const providers = await listProviders(d, ctx, { page: 1, perPage: 100, status: 'active', sort: 'name' })
    return await reply.page(status, 'manage-form', formPage({
      active: CONCERNS,
      caption: 'Concerns',
      title: 'Raise a concern',
      action: `${CONCERNS}/new`,
      csrf: reply.generateCsrf(),
      fields: [
        radios('providerId', 'Which provider is it about?', f.providerId, f.errors.providerId ?? null,
          providers.items.map((p) => ({ value: p.id, text: p.name }))),
        radios('source', 'Where did it come from?', f.source, f.errors.source ?? null, SOURCES),
        textarea('summary', 'What is the concern?', f.summary, f.errors.summary ?? null,
          'Say what happened. Do not name the person who raised it unless they agreed.')
      ],
      submit: 'Raise the concern',
      cancelHref: CONCERNS
    }))
  }

  app.get('/new', { schema: { hide: true } }, async (request, reply) => {
    const me = await staffOrRedirect(request, reply)
    if (me === null) return reply
    return await renderNew(reply, pageCtx(d, me, request), 200, { providerId: '', source: '', summary: '', errors: {} })
  })

  app.post(
    '/new',
    {
      schema: { hide: true, body: z.object({ providerId: textField, source: textField, summary: textField }) },
      ...csrf
    },
    async (request, reply) => {
      const me = await staffOrRedirect(request, reply)
      if (me === null) return reply
      const ctx = pageCtx(d, me, request)
      const b = request.body
      const providerId = z.uuid().safeParse(b.providerId)
      const source = sourceIs(b.source)
      const summary = readNote(b.summary, 'Enter what the concern is')
      const errors = {
        providerId: providerId.success ? null : 'Select the provider it is about',
        source: source === undefined ? 'Select where it came from' : null,
        summary: summary.error
      }
      const form = { providerId: b.providerId ?? '', source: b.source ?? '', summary: summary.note, errors }
      if (!providerId.success || source === undefined || summary.error !== null) {
        return await renderNew(reply, ctx, 400, form)
      }
      const raised = await raiseConcern(d, ctx, { providerId: providerId.data, source, summary: summary.note })
      return await reply.redirect(`${CONCERNS}/${raised.id}?done=raised`, 303)
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
      const c = await getConcern(d, ctx, request.params.id)
      const names = await nameProviders(d, ctx, [c.providerId])
      const allowed = new Set<string>('allowedActions' in c ? c.allowedActions : [])
      const done = request.query.done
      const notice = done === 'raised' ? 'The concern is raised.' : ACTIONS.find((a) => a.path === done)?.done ?? null
      const safeguarding = c.severity === 'safeguarding' && c.state !== 'closed'
      return await reply.page(200, 'manage-record', recordView(CONCERNS, {
        caption: 'Concern',
        title: `A concern about ${names.get(c.providerId) ?? 'a provider'}`,
        notice,
        important: safeguarding
          ? 'An open safeguarding concern: the provider’s live award stays suspended and no award can be issued ' +
            'until it is closed. The provider is not told of it.'
          : null,
        rows: [
          { key: { text: 'State' }, value: { html: stateTag(c.state) } },
          row('Source', words(c.source)),
          row('Severity', c.severity === null ? 'Not triaged yet' : words(c.severity)),
          row('Raised on', c.raisedOn),
          row('What it is', 'summary' in c && c.summary !== undefined ? c.summary : ''),
          ...(c.outcome === null ? [] : [row('Outcome', words(c.outcome))]),
          ...(c.closedOn === null ? [] : [row('Closed on', c.closedOn)])
        ],
        actions: ACTIONS.filter((a) => a.events.some((e) => allowed.has(e))).map((a) => ({
          href: `${CONCERNS}/${c.id}/${a.path}`,
          text: a.title,
          classes: a.confirm === undefined ? '' : 'govuk-button--secondary'
        }))
      }))
    }
  )

  await app.register(recordActionRoutes, {
    deps: d,
    base: CONCERNS,
    what: 'concern',
    load: async (ctx, id) => {
      const c = await getConcern(d, ctx, id)
      return { version: c.version, caption: `Concern raised on ${c.raisedOn}` }
    },
    actions: ACTIONS
  })
}
