// How a person wants to hear from the service (README: Notifications): email, or text message to a UK mobile, in
// plain English or easy read. Read and changed by the person themselves, audited; the fan-out (notifications.ts)
// sends and words messages by it.
import { findContactPreference, saveContactPreference } from '../db/stores/notifications.js'
import { DomainError } from '../domain/errors.js'
import { normaliseUkMobile } from '../domain/providers.js'
import { forbidden } from './access.js'
import { recordAudit } from './audit.js'
import type { Ctx, Deps } from './context.js'

export interface ContactChoice {
  channel: 'email' | 'sms'
  /** a UK mobile number; needed for text messages, kept (and normalised) for email too */
  phone: string | null
  /** messages in the easy-read wording of src/domain/notifications/messages.ts */
  easyRead: boolean
}

const signedInUser = (ctx: Ctx) => {
  if (ctx.actor.kind !== 'user') throw forbidden('Only a signed-in person has contact preferences')
  return ctx.actor
}

export async function getMyContactChoice (deps: Deps, ctx: Ctx): Promise<ContactChoice> {
  const row = await findContactPreference(deps.db, signedInUser(ctx).userId)
  return { channel: row?.channel ?? 'email', phone: row?.phone ?? null, easyRead: row?.easyRead ?? false }
}

export async function setMyContactChoice (deps: Deps, ctx: Ctx, input: ContactChoice): Promise<ContactChoice> {
  const me = signedInUser(ctx)
  const given = (input.phone ?? '').trim()
  const phone = given === '' ? null : normaliseUkMobile(given)
  if ((given !== '' && phone === null) || (input.channel === 'sms' && phone === null)) {
    throw new DomainError('VALIDATION_FAILED', 'bad_request', 'A text message needs a UK mobile number', {
      errors: [{ path: 'body.phone', message: 'must be a UK mobile number, like 07700 900 982' }]
    })
  }
  return await deps.db.transaction(async (tx) => {
    const choice = { userId: me.userId, channel: input.channel, phone, easyRead: input.easyRead, updatedAt: ctx.now }
    const saved = await saveContactPreference(tx, choice)
    await recordAudit(tx, ctx, {
      councilId: me.councilId,
      entityType: 'user',
      entityId: me.userId,
      action: 'contact_preference',
      after: { channel: saved.channel, phone: saved.phone === null ? null : '[set]', easyRead: saved.easyRead }
    })
    return { channel: saved.channel, phone: saved.phone, easyRead: saved.easyRead }
  })
}
