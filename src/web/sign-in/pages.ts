// The sign-in pages (README: Sign-in and sessions): ask for an email address, "check your email", the link's
// landing page (a button, so an email scanner that follows links signs nobody in), kind pages for links and single
// sign-on that cannot be used, and "you have signed out". Each form carries its CSRF token.
import { button, errorSummary } from '../components.js'
import { html, type Html } from '../html.js'
import { renderPage, type Page } from '../layout.js'
import { renderMessagePage, type MessagePage } from '../plugin.js'
import { passkeyControl } from './passkey-control.js'

export const csrfField = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}" />`

export interface SignInView {
  csrf: string
  email: string
  error?: string | undefined
  /** shown when the browser came back with a session that had ended */
  notice?: string | undefined
  ssoCouncils: ReadonlyArray<{ name: string; href: string }>
}

export function signInPage (v: SignInView): Page {
  const errors = v.error === undefined ? [] : [{ href: 'email', text: v.error }]
  return renderPage({
    title: 'Sign in',
    hasErrors: v.error !== undefined,
    body: html`${errorSummary(errors)}
      ${v.notice === undefined ? '' : html`<div class="inset"><p>${v.notice}</p></div>`}
      <h1 class="heading-xl">Sign in</h1>
      <form method="post" action="/sign-in" novalidate>
        ${csrfField(v.csrf)}
        <div class="form-group${v.error === undefined ? '' : ' form-group--error'}">
          <label class="heading-m" for="email">Email address</label>
          <div id="email-hint" class="hint">We will email you a link to sign in. It works once, for 15 minutes.</div>
          ${v.error === undefined
            ? ''
            : html`<p id="email-error" class="error-message">
                <span class="visually-hidden">Error:</span> ${v.error}
              </p>`}
          <input class="input" id="email" name="email" type="email" spellcheck="false" autocomplete="email webauthn"
            value="${v.email}" aria-describedby="email-hint${v.error === undefined ? '' : ' email-error'}" />
        </div>
        ${button('Email me a sign-in link')}
      </form>
      ${passkeyControl({
        mode: 'sign-in',
        csrf: v.csrf,
        endpoint: '/sign-in/passkey',
        label: 'Sign in with a passkey'
      })}
      ${v.ssoCouncils.length === 0
        ? ''
        : html`<h2 class="heading-m">Council staff</h2>
            <p>If your council lets you, sign in with your council account:</p>
            <ul>
              ${v.ssoCouncils.map((c) => html`<li><a href="${c.href}">Sign in with your ${c.name} account</a></li>`)}
            </ul>`}`
  })
}

export const checkEmailPage = (): Page =>
  renderMessagePage({
    title: 'Check your email',
    paragraphs: [
      'If the address you gave belongs to an account, we have sent it a link to sign in.',
      'The link works once and stops working after 15 minutes. You can close this page.',
      'No email after a few minutes? Check your spam folder, or go back and ask for another link.'
    ]
  })

export const confirmLinkPage = (v: { csrf: string; token: string }): Page =>
  renderPage({
    title: 'Sign in',
    body: html`<h1 class="heading-xl">Sign in to the Quality Mark</h1>
      <p>Select the button to finish signing in on this device.</p>
      <form method="post" action="/sign-in/link">
        ${csrfField(v.csrf)}
        <input type="hidden" name="token" value="${v.token}" />
        ${button('Sign in')}
      </form>`
  })

const LINK_PAGES: Record<'used' | 'expired' | 'unknown', { status: number; page: MessagePage }> = {
  used: {
    status: 410,
    page: {
      title: 'This sign-in link has already been used',
      paragraphs: ['Each link works only once. If you did not use it yourself, tell your council.']
    }
  },
  expired: {
    status: 410,
    page: { title: 'This sign-in link has expired', paragraphs: ['Links stop working after 15 minutes.'] }
  },
  unknown: {
    status: 404,
    page: {
      title: 'We cannot find this sign-in link',
      paragraphs: ['The link may have been copied wrongly. Check it against the email, or ask for a new one.']
    }
  }
}

/** A kind page for a link that cannot sign anyone in, with a way to ask for a new one. */
export function linkProblemPage (state: keyof typeof LINK_PAGES): { status: number; page: Page } {
  const known = LINK_PAGES[state]
  return { status: known.status, page: withSignInLink(known.page) }
}

export const ssoProblemPage = (state: 'expired' | 'refused' | 'unknown_user'): Page =>
  withSignInLink(
    {
      expired: { title: 'Your sign-in took too long', paragraphs: ['Start again from the sign-in page.'] },
      refused: {
        title: 'Your council account did not sign you in',
        paragraphs: ['Your council did not confirm who you are. Try again, or ask your council’s IT service desk.']
      },
      unknown_user: {
        title: 'You do not have a Quality Mark account yet',
        paragraphs: ['Your council account is not linked to a co-ordinator. Ask your Quality Mark administrator.']
      }
    }[state]
  )

export const signedOutPage = (): Page =>
  withSignInLink({ title: 'You have signed out', paragraphs: ['You can close this page.'] })

function withSignInLink (m: MessagePage): Page {
  return renderPage({
    title: m.title,
    body: html`<h1 class="heading-l">${m.title}</h1>
      ${m.paragraphs.map((p) => html`<p>${p}</p>`)}
      <p><a href="/sign-in">Go to the sign-in page</a></p>`
  })
}
