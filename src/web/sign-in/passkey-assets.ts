// The two scripts a passkey needs, served by the service with content-hashed names and a year's cache:
// @simplewebauthn/browser's own bundle (the WebAuthn calls and their base64url encoding) and the few lines that
// connect the passkey buttons to it (src/web/sign-in/passkey-control.ts).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const entry = createRequire(import.meta.url).resolve('@simplewebauthn/browser')
const WEBAUTHN_SCRIPT = readFileSync(path.join(path.dirname(entry), '..', 'dist', 'bundle', 'index.umd.min.js'), 'utf8')

const PASSKEY_SCRIPT = `(() => {
  const lib = window.SimpleWebAuthnBrowser
  if (lib === undefined || !lib.browserSupportsWebAuthn()) return
  for (const control of document.querySelectorAll('[data-passkey]')) {
    const status = control.querySelector('[data-passkey-status]')
    const headers = { 'x-csrf-token': control.dataset.csrf }
    control.hidden = false
    control.querySelector('button').addEventListener('click', async () => {
      status.textContent = ''
      try {
        const options = await fetch(control.dataset.endpoint + '/options', { method: 'POST', headers })
        if (!options.ok) throw new Error('options')
        const optionsJSON = await options.json()
        const answer = control.dataset.passkey === 'register'
          ? await lib.startRegistration({ optionsJSON })
          : await lib.startAuthentication({ optionsJSON })
        const sent = await fetch(control.dataset.endpoint, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(answer)
        })
        const result = await sent.json()
        if (sent.ok) window.location.assign(result.next)
        else status.textContent = result.message
      } catch {
        status.textContent = 'Your passkey did not work this time. Try again, or sign in with an email link.'
      }
    })
  }
})()
`

const hashed = (name: string, body: string) => ({
  href: `/assets/${name}-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.js`,
  body
})

export const passkeyScripts = [hashed('webauthn', WEBAUTHN_SCRIPT), hashed('passkeys', PASSKEY_SCRIPT)] as const
export const WEBAUTHN_SCRIPT_HREF = passkeyScripts[0].href
export const PASSKEY_SCRIPT_HREF = passkeyScripts[1].href
