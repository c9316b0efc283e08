// The scheme pages (README: For co-ordinators, Scheme), registered at /manage/scheme: the versions, a version's
// checklist, thresholds, timings and questions, a draft from the version in force, the diff between two versions,
// publishing a draft after a confirmation, and the what-if of a real assessment under a draft. The same use cases
// as src/http/routes/schemes.ts; the draft's forms are in scheme-edit-routes.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { isDomainError } from '../../domain/errors.js'
import type { Ctx, Deps } from '../../use-cases/context.js'
import { listAssessments } from '../../use-cases/assessments.js'
import { nameProviders } from '../../use-cases/provider-names.js'
import { compareAssessmentUnder } from '../../use-cases/scheme-what-if.js'
import {
  createSchemeDraft,
  diffSchemeVersions,
  getCurrentPublishedSchemeFor,
  discardSchemeDraft,
  getSchemeVersion,
  listSchemeVersions,
  publishSchemeDraft
} from '../../use-cases/schemes.js'
import { useHtmlErrorPages } from '../plugin.js'
import { staffCtx } from '../portal.js'
import { row, unlessChanged, versionField } from './forms.js'
import { diffTables } from './scheme-diff-words.js'
import { schemeEditRoutes } from './scheme-edit-routes.js'
import { SCHEME, backTo, dateOrNone, loadDraft, schemePage, versionName, versionTag } from './scheme-page.js'
import {
  categoriesTable,
  checklistTables,
  questionsTable,
  scalesTable,
  settingsTable,
  thresholdsTable
} from './scheme-words.js'
import { scoreView } from './score-view.js'
import { linkHtml, stateName, tagHtml } from './tags.js'
import { dayOf } from './words.js'

const idParams = z.object({ id: z.uuid() })
const SECONDARY = 'govuk-button--secondary'
const versionBody = z.object({ _csrf: z.string().optional(), version: versionField })
const optionalId = z.union([z.uuid(), z.literal('')]).optional()
const NOTICES: Record<string, string> = {
  created: 'The draft is made. Change it below, then publish it.',
  saved: 'The draft is saved.',
  removed: 'The item is removed from the draft.',
  published: 'The version is published: new assessments use it from today.',
  discarded: 'The draft is discarded.'
}

export const manageSchemeRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)
  const csrf = { preValidation: app.csrfProtection }
  await app.register(schemeEditRoutes, { deps })

  app.get('/', { schema: { hide: true, querystring: z.object({ done: z.string().max(20).optional() }) } },
    async (request, reply) => {
      const ctx = await staffCtx(deps, request, reply)
      if (ctx === null) return reply
      const [{ items }, inForce] = await Promise.all([
        listSchemeVersions(deps, ctx, { status: 'all' }),
        getCurrentPublishedSchemeFor(deps, ctx)
      ])
      const draft = items.find((v) => v.status === 'draft')
      return await reply.page(200, 'manage-scheme', schemePage({
        notice: NOTICES[request.query.done ?? ''] ?? null,
        caption: 'Scheme',
        title: 'Scheme versions',
        paragraphs: [
          'New assessments use the version in force; an assessment keeps the version it started on. ' +
          'To change the scheme, make a draft from the version in force, change it, then publish it.'
        ],
        actions: draft === undefined
          ? []
          : [{ href: `${SCHEME}/${draft.id}`, text: `Go to draft version ${draft.number}`, classes: '' }],
        post: draft !== undefined
          ? null
          : {
              action: `${SCHEME}/drafts`,
              csrf: reply.generateCsrf(),
              hidden: [],
              submit: `Make a draft from version ${inForce.number}`,
              warning: null,
              cancelHref: null
            },
        tables: [{
          caption: 'Versions',
          head: [{ text: 'Version' }, { text: 'Status' }, { text: 'Made' }, { text: 'Published' }],
          rows: [...items].reverse().map((v) => [
            { html: linkHtml(`${SCHEME}/${v.id}`, versionName(v)) },
            { html: tagHtml(versionTag(v, inForce.id)) },
            { text: dayOf(v.createdAt) },
            { text: dateOrNone(v.publishedAt, 'Not published') }
          ])
        }]
      }))
    })

  app.post('/drafts', { schema: { hide: true }, ...csrf }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const inForce = await getCurrentPublishedSchemeFor(deps, ctx)
    const draft = await createSchemeDraft(deps, ctx, { fromVersionId: inForce.id })
    return await reply.redirect(`${SCHEME}/${draft.id}?done=created`, 303)
  })

  app.get('/:id', {
    schema: { hide: true, params: idParams, querystring: z.object({ done: z.string().max(20).optional() }) }
  }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const { id } = request.params
    const [v, inForce, { items }] = await Promise.all([
      getSchemeVersion(deps, ctx, id),
      getCurrentPublishedSchemeFor(deps, ctx),
      listSchemeVersions(deps, ctx, { status: 'all' })
    ])
    const draft = v.status === 'draft'
    const base = `${SCHEME}/${id}`
    const basedOn = items.find((x) => x.id === v.basedOnId)
    const others = items.filter((x) => x.id !== id)
    return await reply.page(200, 'manage-scheme', schemePage({
      notice: NOTICES[request.query.done ?? ''] ?? null,
      caption: 'Scheme',
      title: versionName(v),
      rows: [
        { key: { text: 'Status' }, value: { html: tagHtml(versionTag(v, inForce.id)) } },
        row('Made', dayOf(v.createdAt)),
        row('Published', dateOrNone(v.publishedAt, 'Not published')),
        row('Copied from', basedOn === undefined ? 'The default scheme' : `Version ${basedOn.number}`)
      ],
      actions: draft
        ? [
            { href: `${base}/items/new`, text: 'Add a checklist item', classes: SECONDARY },
            { href: `${base}/thresholds`, text: 'Change the thresholds and timings', classes: SECONDARY },
            { href: `${base}/what-if`, text: 'Try it on an assessment', classes: SECONDARY },
            { href: `${base}/publish`, text: 'Publish this draft', classes: '' },
            { href: `${base}/discard`, text: 'Discard this draft', classes: 'govuk-button--warning' }
          ]
        : [],
      pick: others.length === 0
        ? null
        : {
            action: `${base}/diff`,
            name: 'from',
            label: 'Compare with',
            options: others.map((x) => ({ value: x.id, text: versionName(x), selected: x.id === (v.basedOnId ?? '') })),
            submit: 'Show what changed',
            error: null
          },
      tables: [
        categoriesTable(v.document, draft ? (code) => `${base}/categories/${code}` : null),
        ...checklistTables(v.document, draft ? (code) => `${base}/items/${code}` : null),
        thresholdsTable(v.document),
        settingsTable(v.document),
        questionsTable(v.document, draft ? (code) => `${base}/questions/${code}` : null),
        scalesTable(v.document, draft ? (code) => `${base}/scales/${code}` : null)
      ]
    }))
  })

  app.get('/:id/diff', { schema: { hide: true, params: idParams, querystring: z.object({ from: optionalId }) } },
    async (request, reply) => {
      const ctx = await staffCtx(deps, request, reply)
      if (ctx === null) return reply
      const { id } = request.params
      const fromId = request.query.from === '' ? undefined : request.query.from
      const [diff, { items }] = await Promise.all([
        diffSchemeVersions(deps, ctx, id, fromId),
        listSchemeVersions(deps, ctx, { status: 'all' })
      ])
      const [from, to] = await Promise.all([getSchemeVersion(deps, ctx, diff.from.id), getSchemeVersion(deps, ctx, id)])
      return await reply.page(200, 'manage-scheme', schemePage({
        caption: versionName(to),
        title: `What changed from version ${from.number} to version ${to.number}`,
        actions: [backTo(id, to.number)],
        pick: {
          action: `${SCHEME}/${id}/diff`,
          name: 'from',
          label: 'Compare with',
          options: items.filter((x) => x.id !== id)
            .map((x) => ({ value: x.id, text: versionName(x), selected: x.id === from.id })),
          submit: 'Show what changed',
          error: null
        },
        tables: diffTables(diff.changes, from.document, to.document),
        empty: diff.changes.identical
          ? 'Nothing changed: the two versions are the same.'
          : 'Only the order of the items changed.'
      }))
    })

  const publishView = async (ctx: Ctx, id: string, csrfToken: string) => {
    const [v, inForce] = await Promise.all([loadDraft(deps, ctx, id), getCurrentPublishedSchemeFor(deps, ctx)])
    const diff = await diffSchemeVersions(deps, ctx, id, inForce.id)
    return schemePage({
      caption: versionName(v),
      title: `Publish version ${v.number}?`,
      paragraphs: [
        `From today, ${dayOf(ctx.now)}, new assessments use version ${v.number} instead of version ` +
        `${inForce.number}. Assessments already started keep the version they started on.`,
        'Once published the version cannot change: a later change needs a new draft.',
        'These are the changes from the version in force:'
      ],
      post: {
        action: `${SCHEME}/${id}/publish`,
        csrf: csrfToken,
        hidden: [{ name: 'version', value: String(v.version) }],
        submit: `Yes, publish version ${v.number}`,
        warning: 'Publishing cannot be undone.',
        cancelHref: `${SCHEME}/${id}`
      },
      tables: diffTables(diff.changes, inForce.document, v.document),
      empty: 'Nothing changed from the version in force.'
    })
  }

  app.get('/:id/publish', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    return await reply.page(200, 'manage-scheme', await publishView(ctx, request.params.id, reply.generateCsrf()))
  })

  /** A draft's final action (publish, discard): at the version the confirmation was read at, then PRG. */
  type Run = (d: Deps, ctx: Ctx, id: string, expectedVersion: number) => Promise<unknown>
  const draftAction = (path: string, run: Run, done: (id: string) => string) => {
    app.post(`/:id/${path}`, { schema: { hide: true, params: idParams, body: versionBody }, ...csrf },
      async (request, reply) => {
        const ctx = await staffCtx(deps, request, reply)
        if (ctx === null) return reply
        const { id } = request.params
        return await unlessChanged(reply, { href: `${SCHEME}/${id}`, what: 'draft', active: SCHEME }, async () => {
          await run(deps, ctx, id, request.body.version)
          return await reply.redirect(done(id), 303)
        })
      })
  }
  draftAction('publish', publishSchemeDraft, (id) => `${SCHEME}/${id}?done=published`)
  draftAction('discard', discardSchemeDraft, () => `${SCHEME}?done=discarded`)

  app.get('/:id/discard', { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const v = await loadDraft(deps, ctx, request.params.id)
    return await reply.page(200, 'manage-scheme', schemePage({
      caption: versionName(v),
      title: `Discard draft version ${v.number}?`,
      paragraphs: ['Its changes are lost (the audit trail keeps what it held); the version in force stays as it is.'],
      post: {
        action: `${SCHEME}/${v.id}/discard`,
        csrf: reply.generateCsrf(),
        hidden: [{ name: 'version', value: String(v.version) }],
        submit: 'Yes, discard the draft',
        warning: 'Discarding cannot be undone.',
        cancelHref: `${SCHEME}/${v.id}`
      }
    }))
  })

  app.get('/:id/what-if', {
    schema: { hide: true, params: idParams, querystring: z.object({ assessment: optionalId }) }
  }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const { id } = request.params
    const chosen = request.query.assessment ?? ''
    const [v, { items }] = await Promise.all([
      getSchemeVersion(deps, ctx, id),
      listAssessments(deps, ctx, { page: 1, perPage: 100 })
    ])
    const names = await nameProviders(deps, ctx, items.map((a) => a.providerId))
    let compared: Awaited<ReturnType<typeof compareAssessmentUnder>> | null = null
    let error: string | null = null
    if (chosen !== '') {
      try {
        compared = await compareAssessmentUnder(deps, ctx, id, chosen)
      } catch (e) {
        if (!isDomainError(e) || e.kind !== 'not_found') throw e
        error = 'Select an assessment from the list'
      }
    } else if (request.query.assessment !== undefined) {
      error = 'Select an assessment'
    }
    const label = (a: { providerId: string, kind: string, state: Parameters<typeof stateName>[0] }) =>
      `${names.get(a.providerId) ?? 'Provider'}: ${a.kind} assessment, ${stateName(a.state).toLowerCase()}`
    const tables = compared === null ? [] : whatIfTables(compared)
    return await reply.page(error === null ? 200 : 400, 'manage-scheme', schemePage({
      caption: versionName(v),
      title: `What if version ${v.number} were in force?`,
      paragraphs: [
        'Choose an assessment to score it today under this version and under the version in force. Nothing is saved.'
      ],
      pick: {
        action: `${SCHEME}/${id}/what-if`,
        name: 'assessment',
        label: 'Assessment',
        options: [
          { value: '', text: 'Choose an assessment', selected: chosen === '' },
          ...items.map((a) => ({ value: a.id, text: label(a), selected: a.id === chosen }))
        ],
        submit: 'Score it',
        error
      },
      actions: [backTo(id, v.number)],
      tables
    }))
  })
}

/** The two scores side by side: level, what it rests on, and what stands in the way of each higher level. */
function whatIfTables (c: Awaited<ReturnType<typeof compareAssessmentUnder>>) {
  const now = scoreView(c.inForce.result)
  const under = scoreView(c.version.result)
  const cell = (r: (typeof now.rows)[number] | undefined) =>
    r === undefined ? { text: '' } : 'html' in r.value ? { html: r.value.html } : { text: r.value.text }
  const reasons = (s: typeof now, level: string) =>
    s.reasons.find((r) => r.level === level)?.items.join('; ') ?? 'Reached'
  const head = [
    { text: '' },
    { text: `In force: version ${c.inForce.number}` },
    { text: `Version ${c.version.number}` }
  ]
  return [
    {
      caption: 'The level under each version',
      head,
      rows: now.rows.map((r, i) => [{ text: r.key.text }, cell(r), cell(under.rows[i])])
    },
    {
      caption: 'What stands in the way',
      head,
      rows: ['Bronze', 'Silver', 'Gold'].map((level) =>
        [{ text: level }, { text: reasons(now, level) }, { text: reasons(under, level) }])
    }
  ]
}
