// Inviting one of a provider's people (README: For co-ordinators): the name and email checked with GOV.UK messages,
// and the invite page's view. The invitation itself is createUser's provider_invited message.
import { z } from 'zod'
import { layoutOf, type NavigationItem, type PageView } from '../layout.js'
import { MANAGE_HOME, manageNavigation } from '../portal.js'
import type { FieldError } from './provider-form.js'
import type { InviteValues } from './provider-form-page.js'

const text = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 1000) : '')

export const inviteValuesOf = (body: Record<string, unknown>): InviteValues =>
  ({ personName: text(body.personName), personEmail: text(body.personEmail) })

const inviteSchema = z.object({
  personName: z.string().trim().min(2, 'Enter their name').max(200, 'Name must be 200 characters or fewer'),
  personEmail: z.string().trim().pipe(z.email('Enter an email address in the correct format, like name@example.com'))
})

/** Both fields, or (when `optional`) neither. */
export function parseInvite (v: InviteValues, optional: boolean):
  { ok: true, value: { name: string, email: string } | null } | { ok: false, errors: FieldError[] } {
  if (optional && v.personName.trim() === '' && v.personEmail.trim() === '') return { ok: true, value: null }
  const r = inviteSchema.safeParse(v)
  if (r.success) return { ok: true, value: { name: r.data.personName, email: r.data.personEmail.toLowerCase() } }
  const errors = r.error.issues.map((i) => ({ field: String(i.path[0]), text: i.message }))
  return { ok: false, errors: errors.filter((e, n) => errors.findIndex((x) => x.field === e.field) === n) }
}

export interface InviteView extends PageView {
  providerName: string
  action: string
  cancelHref: string
  csrf: string
  values: InviteValues
  errors: Record<string, string>
  errorList: Array<{ text: string; href: string }>
}

declare module '../views.js' {
  interface PageViews {
    'manage-invite': InviteView
  }
}

/** Where the form posts and goes back to, and whose navigation it shows: the co-ordinator's or the provider's. */
export interface InvitePlace { action: string; cancelHref: string; navigation: NavigationItem[] }

const coordinatorsPlace = (providerId: string): InvitePlace => {
  const base = `${MANAGE_HOME}/providers/${providerId}`
  return { action: `${base}/people`, cancelHref: base, navigation: manageNavigation(`${MANAGE_HOME}/providers`) }
}

export function inviteView (
  provider: { id: string; name: string },
  csrf: string,
  values: InviteValues,
  errors: FieldError[] = [],
  place: InvitePlace = coordinatorsPlace(provider.id)
): InviteView {
  return {
    layout: layoutOf({ title: 'Invite a person', hasErrors: errors.length > 0, navigation: place.navigation }),
    providerName: provider.name,
    action: place.action,
    cancelHref: place.cancelHref,
    csrf,
    values,
    errors: Object.fromEntries(errors.map((e) => [e.field, e.text])),
    errorList: errors.map((e) => ({ text: e.text, href: `#${e.field}` }))
  }
}
