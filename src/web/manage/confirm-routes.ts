// A destructive action on one record of the settings pages (deactivate a person, revoke a token, remove a webhook):
// GET asks "Are you sure?" with what will happen, POST (CSRF-checked) runs the use case and goes back to the list
// with a banner (Post/Redirect/Get).
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Ctx, Deps } from '../../use-cases/context.js'
import { staffCtx } from '../portal.js'
import { formPage, type Row } from './forms.js'
import { SETTINGS } from './settings-views.js'

export interface ConfirmSpec {
  /** the list the records are on, e.g. /manage/settings/people, and the route under it, e.g. '/:id/deactivate' */
  base: string
  path: string
  title: string
  warning: string
  submit: string
  /** what the record is: throws a 404 for one the actor may not see */
  load: (ctx: Ctx, id: string) => Promise<{ caption: string; rows: readonly Row[] }>
  run: (ctx: Ctx, id: string) => Promise<unknown>
}

const idParams = z.object({ id: z.uuid() })
const body = z.object({ _csrf: z.string().optional() })

export function confirmRoute (app: FastifyInstance, deps: Deps, s: ConfirmSpec): void {
  app.get(s.path, { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const { id } = idParams.parse(request.params)
    const record = await s.load(ctx, id)
    return await reply.page(200, 'manage-form', formPage({
      active: SETTINGS,
      caption: record.caption,
      title: s.title,
      summaryRows: record.rows,
      warning: s.warning,
      action: `${s.base}${s.path.replace(':id', id)}`,
      csrf: reply.generateCsrf(),
      submit: s.submit,
      destructive: true,
      cancelHref: s.base
    }))
  })

  app.post(
    s.path,
    { schema: { hide: true, params: idParams, body }, preValidation: app.csrfProtection },
    async (request, reply) => {
      const ctx = await staffCtx(deps, request, reply)
      if (ctx === null) return reply
      await s.run(ctx, idParams.parse(request.params).id)
      return await reply.redirect(`${s.base}?done=${s.path.split('/').pop() ?? ''}`, 303)
    }
  )
}
