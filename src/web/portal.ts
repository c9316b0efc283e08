// Who may open the two portals' pages (README: For co-ordinators, For providers): the co-ordinator's portal under
// /manage is for the council's staff (admin, co-ordinators, reviewers); the provider's portal under /provider is
// for a provider's own people. A browser without a live session goes to sign-in; a signed-in person of the other
// kind gets a kind 403 page saying where their own pages are. The use cases still check every action themselves.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { isStaffRole } from '../domain/roles.js'
import type { Ctx, Deps, Principal } from '../use-cases/context.js'
import type { SignedIn } from '../use-cases/sessions.js'
import type { NavigationItem } from './layout.js'
import { messageView } from './plugin.js'
import { signedInOrRedirect } from './sign-in/browser-session.js'

export const MANAGE_HOME = '/manage'
export const PROVIDER_HOME = '/provider'

const isStaff = (p: Principal): boolean => p.role === 'admin' || isStaffRole(p.role)

/** Where a signed-in person's own pages start. */
export const homeOf = (p: Principal): string =>
  isStaff(p) ? MANAGE_HOME : p.role === 'provider' ? PROVIDER_HOME : '/account'

async function signedInAs (
  request: FastifyRequest,
  reply: FastifyReply,
  allowed: (p: Principal) => boolean
): Promise<SignedIn | null> {
  const me = await signedInOrRedirect(request, reply)
  if (me === null) return null
  if (allowed(me.principal)) return me
  await reply.page(403, 'message', messageView({
    title: 'You cannot see this page',
    paragraphs: [`These pages are for another kind of account. Your own pages start at ${homeOf(me.principal)}.`]
  }))
  return null
}

/** The signed-in member of the council's staff, or null once the reply (sign-in redirect or 403) is sent. */
export const staffOrRedirect = async (request: FastifyRequest, reply: FastifyReply): Promise<SignedIn | null> =>
  await signedInAs(request, reply, isStaff)

/** The signed-in person of a provider, or null once the reply is sent. */
export const providerOrRedirect = async (request: FastifyRequest, reply: FastifyReply): Promise<SignedIn | null> =>
  await signedInAs(request, reply, (p) => p.role === 'provider' && p.providerId !== null)

/** A page request's use-case context: the signed-in person is the actor, as a token's user is in the API. */
export const pageCtx = (deps: Deps, me: SignedIn, request: FastifyRequest): Ctx =>
  ({ actor: me.principal, now: deps.clock(), requestId: request.id })

/** The signed-in member of staff's use-case context, or null once the reply (sign-in or 403) is sent. */
export async function staffCtx (deps: Deps, request: FastifyRequest, reply: FastifyReply): Promise<Ctx | null> {
  const me = await staffOrRedirect(request, reply)
  return me === null ? null : pageCtx(deps, me, request)
}

const nav = (items: ReadonlyArray<readonly [string, string]>, active: string): NavigationItem[] =>
  items.map(([href, text]) => ({ href, text, active: href === active }))

/** The co-ordinator's portal navigation; `active` is the href of the section shown. */
export const manageNavigation = (active: string): NavigationItem[] => nav([
  [MANAGE_HOME, 'Work queue'],
  [`${MANAGE_HOME}/providers`, 'Providers'],
  [`${MANAGE_HOME}/interest`, 'Requests to join'],
  [`${MANAGE_HOME}/assessments`, 'Assessments'],
  [`${MANAGE_HOME}/feedback`, 'Feedback'],
  [`${MANAGE_HOME}/awards`, 'Awards'],
  [`${MANAGE_HOME}/concerns`, 'Concerns and appeals'],
  [`${MANAGE_HOME}/reports`, 'Reports'],
  [`${MANAGE_HOME}/scheme`, 'Scheme'],
  [`${MANAGE_HOME}/settings`, 'Settings and people'],
  ['/account', 'Your account']
], active)

/** The provider's portal navigation. */
export const providerNavigation = (active: string): NavigationItem[] => nav([
  [PROVIDER_HOME, 'Your application'],
  [`${PROVIDER_HOME}/standing`, 'Where you stand'],
  [`${PROVIDER_HOME}/award`, 'Your award'],
  [`${PROVIDER_HOME}/keeping`, 'Keeping your mark'],
  [`${PROVIDER_HOME}/listing`, 'Your listing'],
  ['/account', 'Your account']
], active)
