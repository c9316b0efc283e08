// The provider's part of "Your account" (README: For providers): the people with access, how the service contacts
// you, and your data. View models only; src/web/account/business-routes.ts acts through the use cases.
import type { ContactChoice } from '../../use-cases/contact-preferences.js'
import type { People } from '../../use-cases/provider-people.js'
import { layoutOf, type PageView } from '../layout.js'
import { providerNavigation } from '../portal.js'

export const ACCOUNT = '/account'

export interface BusinessSection {
  /** govukSummaryList rows: name, email, and a Remove link for everyone but you */
  peopleRows: ReadonlyArray<{
    key: { text: string }
    value: { text: string }
    actions?: { items: Array<{ href: string; text: string; visuallyHiddenText: string }> }
  }>
  removed: readonly string[]
  canInvite: boolean
  limitText: string
  contactRows: ReadonlyArray<{ key: { text: string }; value: { text: string } }>
}

const CHANNEL_WORDS = { email: 'Email', sms: 'Text message' } as const
/** The contact form's choice of wording, as its radios send it. */
export const WORDINGS = { plain: 'Plain English', easy_read: 'Easy read' } as const
export const wordingOf = (easyRead: boolean): keyof typeof WORDINGS => (easyRead ? 'easy_read' : 'plain')

/** "07700 900982" from "+447700900982": how people write a mobile number. */
export const ukMobileAsWritten = (e164: string): string => `0${e164.slice(3, 7)} ${e164.slice(7)}`

const removeAction = (p: { id: string; name: string }) =>
  ({ href: `${ACCOUNT}/people/${p.id}/remove`, text: 'Remove', visuallyHiddenText: p.name })

export function businessSection (people: People, contact: ContactChoice): BusinessSection {
  const active = people.people.filter((p) => p.active)
  return {
    peopleRows: active.map((p) => ({
      key: { text: p.you ? `${p.name} (you)` : p.name },
      value: { text: p.email ?? 'No email address' },
      ...(p.you
        ? {}
        : { actions: { items: [removeAction(p)] } })
    })),
    removed: people.people.filter((p) => !p.active).map((p) => p.name),
    canInvite: active.length < people.limit,
    limitText: `Up to ${people.limit} people can have access, as many as a micro-enterprise has staff.`,
    contactRows: [
      { key: { text: 'We contact you by' }, value: { text: CHANNEL_WORDS[contact.channel] } },
      {
        key: { text: 'Mobile number' },
        value: { text: contact.phone === null ? 'None' : ukMobileAsWritten(contact.phone) }
      },
      { key: { text: 'We write' }, value: { text: WORDINGS[wordingOf(contact.easyRead)] } }
    ]
  }
}

export interface ContactValues { channel: string; phone: string; wording: string }

export interface ContactView extends PageView {
  csrf: string
  values: ContactValues
  errors: Record<string, string>
  errorList: Array<{ text: string; href: string }>
}

declare module '../views.js' {
  interface PageViews {
    'account-contact': ContactView
  }
}

export function contactView (csrf: string, values: ContactValues, errors: Record<string, string> = {}): ContactView {
  const errorList = Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` }))
  return {
    layout: layoutOf({
      title: 'How we contact you',
      hasErrors: errorList.length > 0,
      navigation: providerNavigation(ACCOUNT)
    }),
    csrf,
    values,
    errors,
    errorList
  }
}
