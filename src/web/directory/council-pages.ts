// The statements a council service must publish, from the council's settings (README: Pages, council pages): an
// accessibility statement (Public Sector Bodies Accessibility Regulations 2018) and a privacy notice (UK GDPR
// Articles 13 and 14). Each contact falls back to the council's general email; a missing one is said plainly.
import type { PublicCouncil } from '../../use-cases/publication/listings.js'
import type { CouncilSummary } from '../../use-cases/publication/public-councils.js'
import { layoutOf, type PageView } from '../layout.js'

export interface Contact {
  text: string
  href: string
}

export interface CouncilContacts {
  general: Contact | null
  accessibility: Contact | null
  dataProtection: Contact | null
  safeguarding: Contact | null
}

const email = (address: string | null | undefined): Contact | null =>
  address === null || address === undefined || address === '' ? null : { text: address, href: `mailto:${address}` }

/** A telephone number as a tel: link (digits and a leading +). */
export const phoneContact = (phone: string | null | undefined): Contact | null =>
  phone === null || phone === undefined || phone === '' ? null : { text: phone, href: `tel:${phone.replace(/[^+\d]/g, '')}` }

export function councilContacts (c: PublicCouncil): CouncilContacts {
  return {
    general: email(c.contactEmail),
    accessibility: email(c.accessibilityEmail) ?? email(c.contactEmail),
    dataProtection: email(c.dataProtectionEmail) ?? email(c.contactEmail),
    safeguarding: phoneContact(c.safeguardingPhone)
  }
}

export interface CouncilPageView extends PageView {
  councilName: string
  directoryHref: string
  contacts: CouncilContacts
}

export interface PrivacyView extends CouncilPageView {
  commentRetentionDays: number
}

declare module '../views.js' {
  interface PageViews {
    'directory-accessibility': CouncilPageView
    'directory-privacy': PrivacyView
    statements: StatementsView
  }
}

const councilPage = (council: PublicCouncil, title: string): CouncilPageView => ({
  layout: layoutOf({ title, council }),
  councilName: council.name,
  directoryHref: `/directory/${council.slug}`,
  contacts: councilContacts(council)
})

export const accessibilityView = (council: PublicCouncil): CouncilPageView =>
  councilPage(council, 'Accessibility statement')

export const privacyView = (council: PublicCouncil, commentRetentionDays: number): PrivacyView => ({
  ...councilPage(council, 'Privacy notice'),
  commentRetentionDays
})

/** Pages that belong to no council (the front page) link here: each council's own statement. */
export interface StatementsView extends PageView {
  title: string
  intro: string
  links: Array<{ href: string; text: string }>
}

export function statementsView (
  kind: 'accessibility' | 'privacy',
  councils: readonly CouncilSummary[]
): StatementsView {
  const title = kind === 'accessibility' ? 'Accessibility statements' : 'Privacy notices'
  const what = kind === 'accessibility' ? 'accessibility statement' : 'privacy notice'
  return {
    layout: layoutOf({ title }),
    title,
    intro: `Each council runs its own Quality Mark and publishes its own ${what}.`,
    links: councils.map((c) => ({ href: `/directory/${c.slug}/${kind}`, text: `${c.name}: ${what}` }))
  }
}
