// Lifecycle actions on one record (a concern, an appeal) as pages: GET shows the action's form, POST checks it
// (error summary, input kept), asks for confirmation when the action is final, runs the use case with the version
// the form was read at, and redirects to the record with a banner (Post/Redirect/Get).
import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Ctx, Deps } from '../../use-cases/context.js'
import { layoutOf, type PageView } from '../layout.js'
import { pageCtx, staffOrRedirect, manageNavigation } from '../portal.js'
import {
  fieldError,
  formPage,
  radios,
  readNote,
  row,
  textarea,
  textField,
  unlessChanged,
  versionField,
  type Row
} from './forms.js'

export interface Choice {
  name: string
  label: string
  options: ReadonlyArray<{ value: string; text: string; hint?: string }>
  /** the message when nothing is chosen; null: optional */
  required: string | null
}

export interface ActionSpec {
  path: string
  title: string
  submit: string
  choices?: readonly Choice[]
  note: { label: string; hint?: string; required: string | null }
  /** When set, the action is final: this warning is shown on a confirmation page first. */
  confirm?: string
  /** The confirmation page's question; default "Are you sure? <title>". */
  confirmTitle?: string
  /** The notice on the record once done. */
  done: string
  run: (ctx: Ctx, id: string, input: { version: number; choices: Record<string, string>; note: string }) =>
  Promise<unknown>
}

/** The record page (src/web/views/manage-record.njk). */
export interface RecordView extends PageView {
  caption: string
  title: string
  notice: string | null
  important: string | null
  rows: readonly Row[]
  actions: ReadonlyArray<{ href: string; text: string; classes: string }>
}

declare module '../views.js' {
  interface PageViews {
    'manage-record': RecordView
  }
}

export const recordView = (active: string, v: Omit<RecordView, 'layout'>): RecordView =>
  ({ layout: layoutOf({ title: v.title, navigation: manageNavigation(active) }), ...v })

const idParams = z.object({ id: z.uuid() })
const body = z.object({ version: versionField, note: textField, confirm: z.literal('yes').optional() })
  .catchall(z.string().max(200))

interface Form {
  version: number
  choices: Record<string, string>
  note: string
  errors: Record<string, string | null>
}

export interface RecordActionsOptions {
  deps: Deps
  base: string
  what: string
  /**
   * The record's version and a caption naming it, for the action at `path`; throws a 404 for a record the actor
   * may not see (and may refuse an action its state does not allow).
   */
  load: (ctx: Ctx, id: string, path: string) => Promise<{ version: number; caption: string }>
  actions: readonly ActionSpec[]
}

/** Registers GET and POST `/:id/<path>` for each action, under the caller's prefix. */
export const recordActionRoutes: FastifyPluginAsyncZod<RecordActionsOptions> = async (app, o) => {
  const csrf = { preValidation: app.csrfProtection }
  for (const a of o.actions) {
    const choices = a.choices ?? []
    const render = async (reply: FastifyReply, ctx: Ctx, id: string, status: number, f: Form | null, sure: boolean) => {
      const record = await o.load(ctx, id, a.path)
      const form = f ?? { version: record.version, choices: {}, note: '', errors: {} }
      const common = {
        active: o.base,
        caption: record.caption,
        action: `${o.base}/${id}/${a.path}`,
        csrf: reply.generateCsrf(),
        cancelHref: `${o.base}/${id}`
      }
      if (sure) {
        return await reply.page(200, 'manage-form', formPage({
          ...common,
          title: a.confirmTitle ?? `Are you sure? ${a.title}`,
          summaryRows: [
            ...choices.map((c) => row(c.label, c.options.find((x) => x.value === form.choices[c.name])?.text ?? '')),
            row(a.note.label, form.note === '' ? 'None' : form.note)
          ],
          warning: a.confirm ?? null,
          hidden: [
            { name: 'version', value: String(form.version) },
            ...choices.map((c) => ({ name: c.name, value: form.choices[c.name] ?? '' })),
            { name: 'note', value: form.note },
            { name: 'confirm', value: 'yes' }
          ],
          submit: `Yes, ${a.submit.toLowerCase()}`,
          destructive: true
        }))
      }
      return await reply.page(status, 'manage-form', formPage({
        ...common,
        title: a.title,
        hidden: [{ name: 'version', value: String(form.version) }],
        fields: [
          ...choices.map((c) =>
            radios(c.name, c.label, form.choices[c.name] ?? '', form.errors[c.name] ?? null, c.options)),
          textarea('note', a.note.label, form.note, form.errors.note ?? null, a.note.hint)
        ],
        submit: a.confirm === undefined ? a.submit : 'Continue'
      }))
    }

    app.get(`/:id/${a.path}`, { schema: { hide: true, params: idParams } }, async (request, reply) => {
      const me = await staffOrRedirect(request, reply)
      if (me === null) return reply
      return await render(reply, pageCtx(o.deps, me, request), request.params.id, 200, null, false)
    })

    app.post(`/:id/${a.path}`, { schema: { hide: true, params: idParams, body }, ...csrf }, async (request, reply) => {
      const me = await staffOrRedirect(request, reply)
      if (me === null) return reply
      const ctx = pageCtx(o.deps, me, request)
      const { id } = request.params
      const given: Record<string, string> = {}
      const errors: Record<string, string | null> = {}
      for (const c of choices) {
        const value = request.body[c.name] ?? ''
        given[c.name] = value
        const known = c.options.some((x) => x.value === value)
        const fine = known || (value === '' && c.required === null)
        errors[c.name] = fine ? null : (c.required ?? 'Select one of the options')
      }
      const note = readNote(request.body.note, a.note.required)
      errors.note = note.error
      const form = { version: request.body.version, choices: given, note: note.note, errors }
      if (Object.values(errors).some((e) => e !== null)) return await render(reply, ctx, id, 400, form, false)
      if (a.confirm !== undefined && request.body.confirm !== 'yes') {
        return await render(reply, ctx, id, 200, form, true)
      }
      try {
        return await unlessChanged(reply, { href: `${o.base}/${id}`, what: o.what, active: o.base }, async () => {
          await a.run(ctx, id, form)
          return await reply.redirect(`${o.base}/${id}?done=${a.path}`, 303)
        })
      } catch (e) {
        const onFields = Object.fromEntries(choices.map((c) => [c.name, fieldError(e, c.name)]))
        onFields.note = fieldError(e, 'note') ?? fieldError(e, 'reason')
        if (Object.values(onFields).every((m) => m === null)) throw e
        return await render(reply, ctx, id, 400, { ...form, errors: onFields }, false)
      }
    })
  }
}
