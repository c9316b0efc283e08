// The signed-in provider's certificate (README: For providers): what the public verification page states about the
// provider's current mark, so the certificate never claims more than /verify/{awardId} does. None while the mark is
// suspended, expired or withdrawn.
import { findLiveAwardIds } from '../db/stores/awards.js'
import { forbidden } from './access.js'
import type { Ctx, Deps } from './context.js'
import { loadAwardTruth, type AwardTruth } from './publication/award-truth.js'
import { isCurrentMark } from './publication/public-award.js'

export async function findCurrentCertificate (deps: Deps, ctx: Ctx): Promise<AwardTruth | null> {
  const actor = ctx.actor
  if (actor.kind !== 'user' || actor.role !== 'provider' || actor.providerId === null) {
    throw forbidden('Only a provider has a certificate')
  }
  for (const { id } of await findLiveAwardIds(deps.db, actor.providerId)) {
    const truth = await loadAwardTruth(deps.db, id)
    if (isCurrentMark(truth.listing)) return truth
  }
  return null
}
