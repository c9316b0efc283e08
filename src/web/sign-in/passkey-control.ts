// The passkey button: hidden until the passkey script runs (a passkey needs JavaScript; without it the email
// link still works), then it asks the server for options, the browser's authenticator for an answer, and posts it.
import { html, type Html } from '../html.js'
import { PASSKEY_SCRIPT_HREF, WEBAUTHN_SCRIPT_HREF } from './passkey-assets.js'

export interface PasskeyControl {
  mode: 'sign-in' | 'register'
  csrf: string
  /** POST endpoint/options gives the options; POST endpoint takes the answer */
  endpoint: string
  label: string
}

export const passkeyControl = (c: PasskeyControl): Html =>
  html`<div class="passkey" data-passkey="${c.mode}" data-csrf="${c.csrf}" data-endpoint="${c.endpoint}" hidden>
      <button type="button" class="button button--secondary">${c.label}</button>
      <p class="hint" data-passkey-status role="status"></p>
    </div>
    <script src="${WEBAUTHN_SCRIPT_HREF}" defer></script>
    <script src="${PASSKEY_SCRIPT_HREF}" defer></script>`
