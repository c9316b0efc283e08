// Passkeys (README: Sign-in and sessions): a signed-in person registers one, then signs in with it and no email.
// WebAuthn ceremonies through @simplewebauthn/server; the challenge waits server-side (src/use-cases/ceremonies.ts).
// Credentials are discoverable, so signing in asks for no name: the authenticator offers this site's passkeys.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON
} from '@simplewebauthn/server'
import { findActiveUser } from '../db/stores/sign-in-links.js'
import { deletePasskey, findPasskey, insertPasskey, listPasskeys, recordPasskeyUse } from '../db/stores/passkeys.js'
import { notFound } from './access.js'
import { recordAudit } from './audit.js'
import { beginCeremony, endCeremony } from './ceremonies.js'
import type { Ctx, Deps } from './context.js'
import { SERVICE_RP_NAME, startSession, type SignedIn } from './sessions.js'

const relyingParty = (deps: Deps) => {
  const url = new URL(deps.config.publicBaseUrl)
  return { rpID: url.hostname, origin: url.origin }
}
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')

export async function passkeyRegistrationOptions (deps: Deps, me: SignedIn) {
  const existing = await listPasskeys(deps.db, me.principal.userId)
  const options = await generateRegistrationOptions({
    rpName: SERVICE_RP_NAME,
    rpID: relyingParty(deps).rpID,
    userName: me.userName,
    userID: new TextEncoder().encode(me.principal.userId),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' }
  })
  const handle = await beginCeremony(deps, 'passkey_register', {
    challenge: options.challenge,
    userId: me.principal.userId
  })
  return { options, handle }
}

/** Verifies the authenticator's answer and keeps the passkey; false when the answer does not verify. */
export async function registerPasskey (
  deps: Deps,
  ctx: Ctx,
  me: SignedIn,
  handle: string | undefined,
  response: RegistrationResponseJSON
): Promise<boolean> {
  const pending = await endCeremony(deps, handle, 'passkey_register')
  if (pending?.challenge === undefined || pending.userId !== me.principal.userId) return false
  const rp = relyingParty(deps)
  const verified = await verifyRegistrationResponse({
    response,
    expectedChallenge: pending.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID
  }).catch(() => null)
  if (verified?.verified !== true) return false
  const { credential, credentialBackedUp } = verified.registrationInfo
  await deps.db.transaction(async (tx) => {
    const count = (await listPasskeys(tx, me.principal.userId)).length
    const row = await insertPasskey(tx, {
      userId: me.principal.userId,
      credentialId: credential.id,
      publicKey: b64(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? [],
      backedUp: credentialBackedUp,
      name: `Passkey ${count + 1} (${me.session.device})`,
      createdAt: ctx.now
    })
    await recordAudit(tx, ctx, {
      councilId: me.principal.councilId,
      entityType: 'passkey',
      entityId: row.id,
      action: 'create',
      after: { name: row.name, backedUp: row.backedUp }
    })
  })
  return true
}

export async function passkeySignInOptions (deps: Deps) {
  const options = await generateAuthenticationOptions({ rpID: relyingParty(deps).rpID, userVerification: 'preferred' })
  const handle = await beginCeremony(deps, 'passkey_sign_in', { challenge: options.challenge })
  return { options, handle }
}

/** Signs in the owner of the passkey that answered; null when the answer does not verify. */
export async function signInWithPasskey (
  deps: Deps,
  handle: string | undefined,
  response: AuthenticationResponseJSON,
  userAgent: string | undefined,
  requestId?: string
): Promise<{ secret: string } | null> {
  const pending = await endCeremony(deps, handle, 'passkey_sign_in')
  if (pending?.challenge === undefined) return null
  const passkey = await findPasskey(deps.db, response.id)
  const user = passkey === undefined ? undefined : await findActiveUser(deps.db, passkey.userId)
  if (passkey === undefined || user === undefined) return null
  const rp = relyingParty(deps)
  const verified = await verifyAuthenticationResponse({
    response,
    expectedChallenge: pending.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    credential: {
      id: passkey.credentialId,
      publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
      counter: passkey.counter,
      transports: passkey.transports
    }
  }).catch(() => null)
  if (verified?.verified !== true) return null
  await recordPasskeyUse(deps.db, passkey.id, verified.authenticationInfo.newCounter, deps.clock())
  return await startSession(deps, user, 'passkey', userAgent, requestId)
}

export async function listMyPasskeys (deps: Deps, me: SignedIn) {
  return await listPasskeys(deps.db, me.principal.userId)
}

export async function removePasskey (deps: Deps, ctx: Ctx, me: SignedIn, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const row = await deletePasskey(tx, me.principal.userId, id)
    if (row === undefined) throw notFound('Passkey')
    await recordAudit(tx, ctx, {
      councilId: me.principal.councilId,
      entityType: 'passkey',
      entityId: row.id,
      action: 'delete',
      before: { name: row.name }
    })
  })
}
