// The account page: who is signed in, their open sessions (with "sign out everywhere") and passkeys.
import { button } from '../components.js'
import { html } from '../html.js'
import { renderPage, type Page } from '../layout.js'
import { csrfField } from '../sign-in/pages.js'
import { passkeyControl } from '../sign-in/passkey-control.js'

export interface AccountView {
  csrf: string
  name: string
  role: string
  sessions: ReadonlyArray<{ device: string; method: string; since: string; lastSeen: string; current: boolean }>
  passkeys: ReadonlyArray<{ id: string; name: string; added: string; lastUsed: string }>
  notice?: string | undefined
}

const METHOD: Record<string, string> = {
  email_link: 'email link',
  oidc: 'council account',
  passkey: 'passkey'
}
export const methodName = (m: string) => METHOD[m] ?? m

export function accountPage (v: AccountView): Page {
  return renderPage({
    title: 'Your account',
    body: html`${v.notice === undefined ? '' : html`<div class="inset" role="status"><p>${v.notice}</p></div>`}
      <h1 class="heading-xl">Your account</h1>
      <p>You are signed in as ${v.name} (${v.role}).</p>
      <form method="post" action="/sign-in/out">${csrfField(v.csrf)}${button('Sign out', { secondary: true })}</form>
      <h2 class="heading-l">Where you are signed in</h2>
      <table class="table">
        <caption class="visually-hidden">Your open sessions</caption>
        <thead><tr><th scope="col">Device</th><th scope="col">Signed in</th><th scope="col">Last used</th></tr></thead>
        <tbody>
          ${v.sessions.map(
            (s) => html`<tr>
              <td>${s.device}${s.current ? ' (this device)' : ''}</td>
              <td>${s.since} with ${methodName(s.method)}</td>
              <td>${s.lastSeen}</td>
            </tr>`
          )}
        </tbody>
      </table>
      <form method="post" action="/account/sign-out-everywhere">
        ${csrfField(v.csrf)}${button('Sign out everywhere', { secondary: true })}
      </form>
      <h2 class="heading-l">Passkeys</h2>
      <p>A passkey lets you sign in on this device without waiting for an email.</p>
      ${v.passkeys.length === 0
        ? html`<p>You have no passkeys.</p>`
        : html`<ul>
            ${v.passkeys.map(
              (p) => html`<li>
                ${p.name}, added ${p.added}, last used ${p.lastUsed}
                <form method="post" action="/account/passkeys/${p.id}/remove">
                  ${csrfField(v.csrf)}${button(`Remove ${p.name}`, { secondary: true })}
                </form>
              </li>`
            )}
          </ul>`}
      ${passkeyControl({ mode: 'register', csrf: v.csrf, endpoint: '/account/passkeys', label: 'Add a passkey' })}`
  })
}
