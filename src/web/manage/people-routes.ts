// The council's people (README: For co-ordinators, council settings and people): everyone with an account, an
// admin's invitation of a co-ordinator or reviewer by email (createUser's staff_invited message, as a provider's
// person gets provider_invited), and deactivation after a confirmation. The use cases decide who may do what.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { forbidden, notFound } from '../../use-cases/access.js'
import type { Ctx, Deps, Principal } from '../../use-cases/context.js'
import type { UserRow } from '../../use-cases/admin.js'
import {
  createUser,
  listCouncils,
  listUsers,
  mayAddStaff,
  mayManageUser,
  setUserActive
} from '../../use-cases/admin.js'
import { nameProviders } from '../../use-cases/provider-names.js'
import { staffCtx } from '../portal.js'
import { confirmRoute } from './confirm-routes.js'
import { formPage, input, radios, row, type FormField } from './forms.js'
import { inviteValuesOf, parseInvite } from './invite-form.js'
import { head, linkCell, SETTINGS, settingsView } from './settings-views.js'

const PEOPLE = `${SETTINGS}/people`
const ROLE_NAMES: Record<UserRow['role'], string> = {
  admin: 'Admin',
  coordinator: 'Co-ordinator',
  reviewer: 'Reviewer',
  provider: 'Provider'
}
const STAFF = [
  { value: 'coordinator', text: 'Co-ordinator', hint: 'Runs the scheme: reviews, decides and publishes' },
  { value: 'reviewer', text: 'Reviewer', hint: 'A co-ordinator who can also hear appeals independently' }
]
const DONE: Record<string, string> = {
  invited: 'The invitation is on its way.',
  deactivate: 'The person is deactivated. They can no longer sign in and their tokens stop working.'
}

const roleOf = (u: UserRow, names: Map<string, string>) => {
  const provider = u.providerId === null ? undefined : names.get(u.providerId)
  return provider === undefined ? ROLE_NAMES[u.role] : `${ROLE_NAMES[u.role]}: ${provider}`
}

function peopleRows (actor: Principal, users: readonly UserRow[], names: Map<string, string>) {
  return users.map((u) => [
    { text: u.name },
    { text: roleOf(u, names) },
    { text: u.email ?? 'None' },
    { text: u.active ? 'Active' : 'Deactivated' },
    u.active && u.id !== actor.userId && mayManageUser(actor, u)
      ? linkCell(`${PEOPLE}/${u.id}/deactivate`, 'Deactivate', u.name)
      : { text: '' }
  ])
}

interface InviteForm { personName: string, personEmail: string, role: string, councilId: string }

const newBody = z.object({
  personName: z.string().max(1000).optional(),
  personEmail: z.string().max(1000).optional(),
  role: z.string().max(50).optional(),
  councilId: z.string().max(50).optional()
})

export const peopleRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const query = z.object({ done: z.enum(['invited', 'deactivate']).optional() })
  app.get('/', { schema: { hide: true, querystring: query } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null || ctx.actor.kind !== 'user') return reply
    const users = await listUsers(deps, ctx, undefined)
    const ids = users.flatMap((u) => (u.providerId === null ? [] : [u.providerId]))
    // Provider names are for the staff of their council; an admin (of no council) sees the role alone.
    const names = ctx.actor.councilId === null ? new Map<string, string>() : await nameProviders(deps, ctx, ids)
    const { done } = request.query
    return await reply.page(200, 'manage-settings', settingsView({
      title: 'People',
      notice: done === undefined ? null : DONE[done],
      sections: [{
        heading: '',
        paragraphs: mayAddStaff(ctx.actor)
          ? []
          : ['Only an admin adds co-ordinators and reviewers. Invite a provider’s people from the provider’s page.'],
        table: {
          caption: 'People with an account',
          head: head(['Name', 'Role', 'Email', 'Status', 'Action']),
          rows: peopleRows(ctx.actor, users, names)
        },
        links: mayAddStaff(ctx.actor)
          ? [{ href: `${PEOPLE}/new`, text: 'Invite a member of staff', classes: 'govuk-button' }]
          : []
      }]
    }))
  })

  const inviteForm = async (ctx: Ctx, csrf: string, f: InviteForm, errors: Record<string, string>) => {
    const councils = ctx.actor.kind === 'user' && ctx.actor.councilId === null ? await listCouncils(deps, ctx) : []
    const fields: FormField[] = [
      input('personName', 'Their name', f.personName, errors.personName ?? null),
      input('personEmail', 'Their email address', f.personEmail, errors.personEmail ?? null, {
        type: 'email',
        hint: 'We email them a link to sign in.'
      }),
      radios('role', 'What will they do?', f.role, errors.role ?? null, STAFF),
      ...(councils.length === 0
        ? []
        : [radios('councilId', 'Which council?', f.councilId, errors.councilId ?? null,
            councils.map((c) => ({ value: c.id, text: c.name })))])
    ]
    return formPage({
      active: SETTINGS,
      caption: 'People',
      title: 'Invite a member of staff',
      action: `${PEOPLE}/new`,
      csrf,
      fields,
      submit: 'Send the invitation',
      cancelHref: PEOPLE
    })
  }

  app.get('/new', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    // createUser refuses anyone else too; the form is not offered to someone who could not send it.
    if (!mayAddStaff(ctx.actor)) throw forbidden('Only an admin adds co-ordinators and reviewers')
    const empty = { personName: '', personEmail: '', role: '', councilId: '' }
    return await reply.page(200, 'manage-form', await inviteForm(ctx, reply.generateCsrf(), empty, {}))
  })

  app.post(
    '/new',
    { schema: { hide: true, body: newBody }, preValidation: app.csrfProtection },
    async (request, reply) => {
      const ctx = await staffCtx(deps, request, reply)
      if (ctx === null) return reply
      const { role: r, councilId } = request.body
      const f: InviteForm = { ...inviteValuesOf(request.body), role: r ?? '', councilId: councilId ?? '' }
      const person = parseInvite(f, false)
      const given = person.ok ? [] : person.errors.map((e) => [e.field, e.text])
      const errors: Record<string, string> = Object.fromEntries(given)
      const role = f.role === 'coordinator' || f.role === 'reviewer' ? f.role : null
      if (role === null) errors.role = 'Select what they will do'
      const forAdmin = ctx.actor.kind === 'user' && ctx.actor.councilId === null
      if (forAdmin && !z.uuid().safeParse(f.councilId).success) errors.councilId = 'Select their council'
      if (!person.ok || person.value === null || role === null || Object.keys(errors).length > 0) {
        return await reply.page(400, 'manage-form', await inviteForm(ctx, reply.generateCsrf(), f, errors))
      }
      await createUser(deps, ctx, { ...person.value, role, ...(forAdmin ? { councilId: f.councilId } : {}) })
      return await reply.redirect(`${PEOPLE}?done=invited`, 303)
    }
  )

  confirmRoute(app, deps, {
    path: '/:id/deactivate',
    title: 'Are you sure you want to deactivate this person?',
    warning: 'They will not be able to sign in, and every API token they hold stops working at once.',
    submit: 'Yes, deactivate',
    base: PEOPLE,
    load: async (ctx, id) => {
      const u = (await listUsers(deps, ctx, undefined)).find((x) => x.id === id && mayManageUser(ctx.actor, x))
      if (u === undefined) throw notFound('User')
      return {
        caption: 'People',
        rows: [row('Name', u.name), row('Role', ROLE_NAMES[u.role]), row('Email', u.email ?? 'None')]
      }
    },
    run: async (ctx, id) => await setUserActive(deps, ctx, id, false)
  })
}
