// The short-lived, single-use state of a sign-in step the browser comes back to (an OpenID Connect callback, a
// passkey answer): kept server-side under the hash of a random handle the browser holds in a cookie.
import type { CeremonyPurpose } from '../db/schema/index.js'
import { insertCeremony, takeCeremony } from '../db/stores/sign-in-ceremonies.js'
import type { Deps } from './context.js'
import { generateSecret, sha256Hex } from './tokens.js'

export const CEREMONY_MINUTES = 10

/** Stores the state and returns the handle for the browser's cookie. */
export async function beginCeremony (deps: Deps, purpose: CeremonyPurpose, data: Record<string, string>) {
  const now = deps.clock()
  const handle = generateSecret('qmc_')
  const expiresAt = new Date(now.getTime() + CEREMONY_MINUTES * 60_000)
  await insertCeremony(deps.db, { handleHash: sha256Hex(handle), purpose, data, createdAt: now, expiresAt })
  return handle
}

/** The state stored for this handle, once; undefined when unknown, used or expired. */
export async function endCeremony (deps: Deps, handle: string | undefined, purpose: CeremonyPurpose) {
  if (handle === undefined || handle.length > 200) return undefined
  return await takeCeremony(deps.db, sha256Hex(handle), purpose, deps.clock())
}
