// Email through any SMTP server (nodemailer), for councils without GOV.UK Notify: SMTP_URL and MAIL_FROM.
import nodemailer from 'nodemailer'
import type { OutgoingMessage, SendOutcome, Sender } from '../use-cases/notification-channels.js'

interface SmtpFailure {
  responseCode?: number
  code?: string
}

export function smtpSender (url: string, from: string): Sender & { close: () => void } {
  // Bounded waits: a stalled mail server must not hold a delivery run.
  const u = new URL(url)
  for (const [key, ms] of [['connectionTimeout', '10000'], ['greetingTimeout', '10000'], ['socketTimeout', '20000']]) {
    if (key !== undefined && ms !== undefined && !u.searchParams.has(key)) u.searchParams.set(key, ms)
  }
  const transport = nodemailer.createTransport(u.toString(), { from })
  return {
    name: 'smtp',
    send: async (m: OutgoingMessage): Promise<SendOutcome> => {
      try {
        const info = await transport.sendMail({
          to: m.address,
          subject: m.subject,
          text: m.body,
          headers: { 'X-QualityMark-Reference': m.reference }
        })
        return { ok: true, providerReference: info.messageId ?? null }
      } catch (error) {
        const e = error as SmtpFailure
        // RFC 5321 §4.2.1: 5yz replies are permanent, 4yz transient; no reply at all (a network error) is transient.
        if (typeof e.responseCode === 'number') {
          return { ok: false, permanent: e.responseCode >= 500, error: `smtp ${e.responseCode}` }
        }
        return { ok: false, permanent: false, error: `smtp ${e.code ?? 'connection failed'}` }
      }
    },
    close: () => transport.close()
  }
}
