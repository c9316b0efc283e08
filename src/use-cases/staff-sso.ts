// Staff single sign-on through each council's own OpenID Connect provider (README: Sign-in and sessions):
// authorisation code flow with PKCE, state and nonce (openid-client). The claim the council names (userClaim,
// "email" unless set) is matched to a co-ordinator's or reviewer's email address in that council.
import * as oidc from 'openid-client'
import { findCouncilSso, findCouncilSsoBySlug, findStaffByEmail, type CouncilSsoRow } from '../db/stores/council-sso.js'
import { beginCeremony, endCeremony } from './ceremonies.js'
import type { Deps } from './context.js'
import { startSession } from './sessions.js'

export type SsoOutcome =
  | { state: 'signed_in'; secret: string }
  | { state: 'expired' | 'refused' | 'unknown_user' }

export const ssoCallbackUrl = (deps: Deps, slug: string) => `${deps.config.publicBaseUrl}/sign-in/sso/${slug}/callback`

/** One discovery per council settings version, shared by the requests of this instance. */
export function staffSso (deps: Deps) {
  const discovered = new Map<string, Promise<oidc.Configuration>>()

  function clientFor (sso: CouncilSsoRow): Promise<oidc.Configuration> {
    const key = `${sso.councilId}:${sso.version}`
    let config = discovered.get(key)
    if (config === undefined) {
      const insecure = deps.config.OIDC_ALLOW_HTTP ? { execute: [oidc.allowInsecureRequests] } : undefined
      config = oidc.discovery(new URL(sso.issuer), sso.clientId, sso.clientSecret, undefined, insecure)
      // a failed discovery is tried again by the next sign-in
      config.catch(() => discovered.delete(key))
      discovered.set(key, config)
    }
    return config
  }

  /** Where to send the browser, and the handle of the stored checks; null when the council has no SSO. */
  async function begin (slug: string) {
    const found = await findCouncilSsoBySlug(deps.db, slug)
    if (found === undefined) return null
    const client = await clientFor(found.sso)
    const verifier = oidc.randomPKCECodeVerifier()
    const checks = { verifier, state: oidc.randomState(), nonce: oidc.randomNonce() }
    const handle = await beginCeremony(deps, 'oidc', { councilId: found.council.id, slug, ...checks })
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: ssoCallbackUrl(deps, slug),
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce
    })
    return { url: url.href, handle, councilName: found.council.name }
  }

  /** The provider sent the browser back: check state, nonce and PKCE, then sign in the staff member named. */
  async function finish (
    handle: string | undefined,
    slug: string,
    callback: URL,
    userAgent: string | undefined,
    requestId?: string
  ): Promise<SsoOutcome> {
    const checks = await endCeremony(deps, handle, 'oidc')
    if (checks?.councilId === undefined || checks.slug !== slug) return { state: 'expired' }
    const sso = await findCouncilSso(deps.db, checks.councilId)
    if (sso === undefined || !sso.enabled) return { state: 'refused' }
    let claimed: unknown
    try {
      const client = await clientFor(sso)
      const tokens = await oidc.authorizationCodeGrant(client, callback, {
        pkceCodeVerifier: checks.verifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true
      })
      const idToken = tokens.claims()
      claimed = idToken?.[sso.userClaim]
      // Providers that follow the specification strictly (oidc-provider, some Entra set-ups) give scope claims
      // such as email only from the UserInfo endpoint, for the subject the ID token names.
      if (claimed === undefined && idToken !== undefined) {
        claimed = (await oidc.fetchUserInfo(client, tokens.access_token, idToken.sub))[sso.userClaim]
      }
    } catch (error) {
      deps.log.info({ err: error, councilId: sso.councilId }, 'single sign-on refused')
      return { state: 'refused' }
    }
    const user = typeof claimed === 'string' ? await findStaffByEmail(deps.db, sso.councilId, claimed) : undefined
    if (user === undefined) return { state: 'unknown_user' }
    const started = await startSession(deps, user, 'oidc', userAgent, requestId)
    return { state: 'signed_in', secret: started.secret }
  }

  return { begin, finish }
}
export type StaffSso = ReturnType<typeof staffSso>
