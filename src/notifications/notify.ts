// GOV.UK Notify (notifications-node-client), the UK public sector's standard route for email and text messages.
// The council makes one email and one text template in Notify whose content is ((subject)) / ((body)) placeholders,
// and sets NOTIFY_API_KEY, NOTIFY_EMAIL_TEMPLATE_ID and NOTIFY_SMS_TEMPLATE_ID (README: notifications).
import type { NotifyClient } from 'notifications-node-client'
import type { OutgoingMessage, SendOutcome, Sender } from '../use-cases/notification-channels.js'

const TIMEOUT_MS = 15_000

interface NotifyFailure {
  response?: { status?: number; data?: { errors?: Array<{ error?: string }> } }
  code?: string
}

/** Notify's documented statuses: 400 (validation: a bad address or template) cannot succeed on a retry; 403 (a bad
 * key), 429 (rate limit) and 5xx can, once the key is fixed or the limit passes. */
function outcomeOf (error: unknown): SendOutcome {
  const e = error as NotifyFailure
  const status = e.response?.status
  if (status === undefined) return { ok: false, permanent: false, error: `notify ${e.code ?? 'no answer'}` }
  const kind = e.response?.data?.errors?.[0]?.error ?? ''
  return { ok: false, permanent: status === 400, error: `notify ${status} ${kind}`.trim() }
}

async function withTimeout<T> (p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'timeout' })), TIMEOUT_MS)
  })
  try {
    return await Promise.race([p, timeout])
  } finally {
    clearTimeout(timer)
  }
}

export interface NotifySettings {
  apiKey: string
  baseUrl: string
  emailTemplateId: string
  smsTemplateId: string | undefined
}

export function notifySenders (s: NotifySettings): { email: Sender; sms: Sender | null } {
  // The client (and the HTTP library it carries) is loaded with the first message, not by every server at start.
  let made: Promise<NotifyClient> | undefined
  const clientOf = async (): Promise<NotifyClient> =>
    await (made ??= import('notifications-node-client').then((m) => new m.NotifyClient(s.baseUrl, s.apiKey)))
  const email: Sender = {
    name: 'notify',
    send: async (m: OutgoingMessage) => {
      try {
        const client = await clientOf()
        const res = await withTimeout(
          client.sendEmail(s.emailTemplateId, m.address, {
            personalisation: { subject: m.subject, body: m.body },
            reference: m.reference
          })
        )
        return { ok: true, providerReference: res.data.id }
      } catch (error) {
        return outcomeOf(error)
      }
    }
  }
  const smsTemplateId = s.smsTemplateId
  const sms: Sender | null =
    smsTemplateId === undefined
      ? null
      : {
          name: 'notify',
          send: async (m: OutgoingMessage) => {
            try {
              const client = await clientOf()
              const res = await withTimeout(
                client.sendSms(smsTemplateId, m.address, { personalisation: { body: m.body }, reference: m.reference })
              )
              return { ok: true, providerReference: res.data.id }
            } catch (error) {
              return outcomeOf(error)
            }
          }
        }
  return { email, sms }
}
