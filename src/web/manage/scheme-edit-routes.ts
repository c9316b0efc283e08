// The draft's forms (README: For co-ordinators, Scheme): an item, the thresholds and timings, a question's wording,
// a category's name, a scale's answers, and removing an item after a confirmation. Every save is the API's draft
// update (replaceSchemeDraftDocument): the whole next document checked by the domain and written in one transaction
// with its audit, at the version the form was read at. A problem comes back on its field with the input kept;
// someone else's save in between comes back as "someone else changed this" with both versions, the input kept and
// nothing written.
import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DomainError, isDomainError } from '../../domain/errors.js'
import { categoryEmptiedBy, removeChecklistItem, type SchemeDocument } from '../../domain/scheme/index.js'
import type { Ctx, Deps } from '../../use-cases/context.js'
import { replaceSchemeDraftDocument, type SchemeVersionRecord } from '../../use-cases/schemes.js'
import { staffCtx } from '../portal.js'
import { formPage, row, unlessChanged, versionField } from './forms.js'
import {
  categoryForm,
  itemForm,
  many,
  problemInWords,
  questionForm,
  rulesForm,
  scaleForm,
  type DraftForm,
  type Errors,
  type Values
} from './scheme-forms.js'
import { SCHEME, loadDraft, versionName } from './scheme-page.js'
import { appliesInWords, TIER_NAMES } from './scheme-words.js'

const code = z.string().regex(/^[A-Z][A-Z0-9_]{0,59}$/)
const categoryCode = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/)
const body = z.object({ _csrf: z.string().optional(), version: versionField })
  .catchall(z.union([z.string().max(20_000), z.array(z.string().max(200)).max(20)]))

const shown = (v: Values, name: string) => many(v, name).join(', ')

/** The domain's problems with the next document, each on the form's field it belongs to. */
function problemsOn (e: unknown, form: DraftForm, next: SchemeDocument, values: Values): Errors | null {
  if (!isDomainError(e) || e.code !== 'SCHEME_DOCUMENT_INVALID') return null
  const errors: Errors = {}
  for (const p of e.errors ?? []) {
    const path = p.path.replace(/^body\./, '')
    const field = form.fieldOf(path, next, values) ?? Object.keys(form.labels)[0] ?? 'code'
    errors[field] ??= problemInWords(form.labels[field] ?? 'This', p.message)
  }
  return errors
}

interface Shown {
  values: Values
  errors: Errors
  version: number
  conflict?: { theirs: Values }
}

export const schemeEditRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const csrf = { preValidation: app.csrfProtection }

  const render = async (reply: FastifyReply, v: SchemeVersionRecord, form: DraftForm, action: string, s: Shown) => {
    const status = s.conflict !== undefined ? 409 : Object.keys(s.errors).length > 0 ? 400 : 200
    const theirs = s.conflict?.theirs
    return await reply.page(status, 'manage-form', formPage({
      active: SCHEME,
      caption: versionName(v),
      title: form.title,
      action,
      csrf: reply.generateCsrf(),
      hidden: [{ name: 'version', value: String(s.version) }],
      fields: form.fields(v.document, s.values, s.errors),
      submit: form.submit,
      cancelHref: `${SCHEME}/${v.id}`,
      conflict: theirs === undefined
        ? null
        : {
            what: 'this draft',
            rows: Object.entries(form.labels)
              .filter(([name]) => shown(s.values, name) !== shown(theirs, name))
              .map(([name, field]) => ({ field, yours: shown(s.values, name), theirs: shown(theirs, name) }))
          }
    }))
  }

  type Params = z.ZodType<{ id: string, code?: string }>
  /** `has` says whether the draft holds the item or question a path names: a code it does not hold is not found. */
  type Has = (doc: SchemeDocument, code: string) => boolean
  const load = async (ctx: Ctx, p: { id: string, code?: string }, has: Has | undefined) => {
    const v = await loadDraft(deps, ctx, p.id)
    if (has !== undefined && !has(v.document, p.code ?? '')) {
      throw new DomainError('NOT_FOUND', 'not_found', `${p.code ?? ''} not found in the draft`)
    }
    return v
  }
  type Make = (code: string | undefined, doc: SchemeDocument) => DraftForm
  const formRoutes = (path: string, params: Params, make: Make, has?: Has) => {
    app.get(path, { schema: { hide: true, params } }, async (request, reply) => {
      const ctx = await staffCtx(deps, request, reply)
      if (ctx === null) return reply
      const p = params.parse(request.params)
      const v = await load(ctx, p, has)
      const form = make(p.code, v.document)
      const values = form.valuesOf(v.document)
      return await render(reply, v, form, request.url, { values, errors: {}, version: v.version })
    })

    app.post(path, { schema: { hide: true, params, body }, ...csrf }, async (request, reply) => {
      const ctx = await staffCtx(deps, request, reply)
      if (ctx === null) return reply
      const p = params.parse(request.params)
      const { version, _csrf: _, ...values } = request.body
      const v = await load(ctx, p, has)
      const form = make(p.code, v.document)
      if (version !== v.version) {
        return await render(reply, v, form, request.url,
          { values, errors: {}, version: v.version, conflict: { theirs: form.valuesOf(v.document) } })
      }
      const next = form.apply(v.document, values)
      if ('errors' in next) return await render(reply, v, form, request.url, { values, errors: next.errors, version })
      try {
        await replaceSchemeDraftDocument(deps, ctx, v.id, version, next.doc)
      } catch (e) {
        if (isDomainError(e) && e.code === 'VERSION_MISMATCH') {
          const saved = await loadDraft(deps, ctx, p.id)
          return await render(reply, saved, form, request.url,
            { values, errors: {}, version: saved.version, conflict: { theirs: form.valuesOf(saved.document) } })
        }
        const errors = problemsOn(e, form, next.doc, values)
        if (errors === null) throw e
        return await render(reply, v, form, request.url, { values, errors, version })
      }
      return await reply.redirect(`${SCHEME}/${v.id}?done=saved`, 303)
    })
  }

  const withCode = z.object({ id: z.uuid(), code })
  formRoutes('/:id/items/new', z.object({ id: z.uuid() }), () => itemForm(null))
  formRoutes('/:id/items/:code', withCode, (c) => itemForm(c ?? null),
    (doc, c) => doc.checklist.some((i) => i.code === c))
  formRoutes('/:id/thresholds', z.object({ id: z.uuid() }), () => rulesForm)
  formRoutes('/:id/questions/:code', withCode, (c) => questionForm(c ?? ''),
    (doc, c) => doc.instrument.items.some((q) => q.code === c))
  formRoutes('/:id/categories/:code', z.object({ id: z.uuid(), code: categoryCode }), (c) => categoryForm(c ?? ''),
    (doc, c) => doc.categories.some((x) => x.code === c))
  formRoutes('/:id/scales/:code', withCode, (c, doc) => scaleForm(c ?? '', doc),
    (doc, c) => doc.instrument.scales.some((s) => s.code === c))

  // Removing an item: what it is, then "Yes, remove it"; the check that no category is left empty is the domain's.
  const removeParams = withCode
  const confirmPage = async (reply: FastifyReply, v: SchemeVersionRecord, itemCode: string, problem: string | null) => {
    const item = v.document.checklist.find((i) => i.code === itemCode)
    if (item === undefined) throw new DomainError('NOT_FOUND', 'not_found', 'Checklist item not found')
    const emptied = categoryEmptiedBy(v.document, item.code)
    return await reply.page(problem === null ? 200 : 400, 'manage-form', formPage({
      active: SCHEME,
      caption: versionName(v),
      title: `Remove ${item.code} from the draft?`,
      summaryRows: [
        row('Item', `${item.title} (${item.code})`),
        row('Tier', TIER_NAMES[item.tier]),
        row('Applies to', appliesInWords(item.appliesWhen))
      ],
      paragraphs: [
        ...(emptied === undefined ? [] : [`It is the last item of ${emptied.title}: the category is removed with it.`]),
        ...(problem === null ? [] : [`It cannot be removed: ${problem}`])
      ],
      warning: 'Providers will no longer be asked for this item in assessments under this version.',
      action: `${SCHEME}/${v.id}/items/${item.code}/remove`,
      csrf: reply.generateCsrf(),
      hidden: [{ name: 'version', value: String(v.version) }],
      submit: 'Yes, remove the item',
      destructive: true,
      cancelHref: `${SCHEME}/${v.id}`
    }))
  }
  app.get('/:id/items/:code/remove', { schema: { hide: true, params: removeParams } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    return await confirmPage(reply, await loadDraft(deps, ctx, request.params.id), request.params.code, null)
  })
  app.post('/:id/items/:code/remove', { schema: { hide: true, params: removeParams, body }, ...csrf },
    async (request, reply) => {
      const ctx = await staffCtx(deps, request, reply)
      if (ctx === null) return reply
      const v = await loadDraft(deps, ctx, request.params.id)
      return await unlessChanged(reply, { href: `${SCHEME}/${v.id}`, what: 'draft', active: SCHEME }, async () => {
        try {
          await replaceSchemeDraftDocument(deps, ctx, v.id, request.body.version,
            removeChecklistItem(v.document, request.params.code))
        } catch (e) {
          if (!isDomainError(e) || e.code !== 'SCHEME_DOCUMENT_INVALID') throw e
          return await confirmPage(reply, v, request.params.code, (e.errors ?? []).map((p) => p.message).join('; '))
        }
        return await reply.redirect(`${SCHEME}/${v.id}?done=removed`, 303)
      })
    })
}
