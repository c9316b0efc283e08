// The sign-in pages' view models (README: Sign-in and sessions; templates in src/web/views): ask for an email
// address, the link's landing page (a button, so an email scanner that follows links signs nobody in), kind pages
// for links and single sign-on that cannot be used, "you have signed out", and the account page.
import type { BusinessSection } from '../account/business-view.js'
import { layoutOf, type NavigationItem, type PageView } from '../layout.js'
import { PASSKEY_SCRIPT_HREF, WEBAUTHN_SCRIPT_HREF } from './passkey-assets.js'

/** The passkey button (src/web/views/_passkey.njk): its ceremony posts to endpoint/options, then endpoint. */
export interface PasskeyControl {
  mode: 'sign-in' | 'register'
  csrf: string
  endpoint: string
  label: string
}
const passkeyScripts = [WEBAUTHN_SCRIPT_HREF, PASSKEY_SCRIPT_HREF]

export interface SignInView extends PageView {
  csrf: string
  email: string
  error: string | null
  notice: string | null
  linkMinutes: number
  ssoCouncils: ReadonlyArray<{ name: string; href: string }>
  passkey: PasskeyControl
  scripts: readonly string[]
}

export interface ConfirmLinkView extends PageView {
  csrf: string
  token: string
}

export interface SignInMessageView extends PageView {
  title: string
  paragraphs: readonly string[]
}

export interface AccountView extends PageView {
  csrf: string
  name: string
  role: string
  notice: string | null
  sessionRows: ReadonlyArray<ReadonlyArray<{ text: string }>>
  passkeys: ReadonlyArray<{ id: string; name: string; added: string; lastUsed: string }>
  passkey: PasskeyControl
  scripts: readonly string[]
  /** a provider's person only: their business's people, how we contact them, their data */
  business: BusinessSection | null
}

declare module '../views.js' {
  interface PageViews {
    'sign-in': SignInView
    'confirm-link': ConfirmLinkView
    'sign-in-message': SignInMessageView
    account: AccountView
  }
}

export function signInView (v: {
  csrf: string
  email?: string
  error?: string
  notice?: string
  linkMinutes: number
  ssoCouncils: SignInView['ssoCouncils']
}): SignInView {
  return {
    layout: layoutOf({ title: 'Sign in', hasErrors: v.error !== undefined }),
    csrf: v.csrf,
    email: v.email ?? '',
    error: v.error ?? null,
    notice: v.notice ?? null,
    linkMinutes: v.linkMinutes,
    ssoCouncils: v.ssoCouncils,
    passkey: { mode: 'sign-in', csrf: v.csrf, endpoint: '/sign-in/passkey', label: 'Sign in with a passkey' },
    scripts: passkeyScripts
  }
}

export const confirmLinkView = (csrf: string, token: string): ConfirmLinkView => ({
  layout: layoutOf({ title: 'Sign in' }),
  csrf,
  token
})

const message = (title: string, paragraphs: readonly string[]): SignInMessageView => ({
  layout: layoutOf({ title }),
  title,
  paragraphs
})

export const checkEmailView = (minutes: number) =>
  message('Check your email', [
    'If the address you gave belongs to an account, we have sent it a link to sign in.',
    `The link works once and stops working after ${minutes} minutes. You can close this page.`,
    'No email after a few minutes? Check your spam folder, or go back and ask for another link.'
  ])

const LINK_PAGES = {
  used: {
    status: 410,
    view: message('This sign-in link has already been used', [
      'Each link works only once. If you did not use it yourself, tell your council.'
    ])
  },
  expired: {
    status: 410,
    view: message('This sign-in link has expired', ['Links stop working a few minutes after they are sent.'])
  },
  unknown: {
    status: 404,
    view: message('We cannot find this sign-in link', [
      'The link may have been copied wrongly. Check it against the email, or ask for a new one.'
    ])
  }
}

/** A kind page for a link that cannot sign anyone in, with a way to ask for a new one. */
export const linkProblem = (state: keyof typeof LINK_PAGES) => LINK_PAGES[state]

const SSO_PAGES = {
  expired: message('Your sign-in took too long', ['Start again from the sign-in page.']),
  refused: message('Your council account did not sign you in', [
    'Your council did not confirm who you are. Try again, or ask your council’s IT service desk.'
  ]),
  unknown_user: message('You do not have a Quality Mark account yet', [
    'Your council account is not linked to a co-ordinator. Ask your Quality Mark administrator.'
  ])
}
export const ssoProblem = (state: keyof typeof SSO_PAGES) => SSO_PAGES[state]

export const signedOutView = () => message('You have signed out', ['You can close this page.'])

const METHOD: Record<string, string> = { email_link: 'email link', oidc: 'council account', passkey: 'passkey' }

export function accountView (v: {
  csrf: string
  name: string
  role: string
  notice?: string | undefined
  sessions: ReadonlyArray<{ device: string; method: string; since: string; lastSeen: string; current: boolean }>
  passkeys: AccountView['passkeys']
  navigation?: NavigationItem[] | undefined
  business?: BusinessSection | undefined
}): AccountView {
  return {
    layout: layoutOf({
      title: 'Your account',
      navigation: v.navigation ?? [{ href: '/account', text: 'Your account', active: true }]
    }),
    business: v.business ?? null,
    csrf: v.csrf,
    name: v.name,
    role: v.role,
    notice: v.notice ?? null,
    sessionRows: v.sessions.map((s) => [
      { text: `${s.device}${s.current ? ' (this device)' : ''}` },
      { text: `${s.since} with ${METHOD[s.method] ?? s.method}` },
      { text: s.lastSeen }
    ]),
    passkeys: v.passkeys,
    passkey: { mode: 'register', csrf: v.csrf, endpoint: '/account/passkeys', label: 'Add a passkey' },
    scripts: passkeyScripts
  }
}
