// The port through which messages leave the service: GOV.UK Notify, SMTP, or the demo mailbox (README:
// notifications). Use cases see only this; src/notifications holds the adapters and app.ts picks them by config.

export interface OutgoingMessage {
  address: string
  subject: string
  body: string
  /** our id for the message, passed to the channel so its logs can be matched to ours */
  reference: string
}

export type SendOutcome =
  | { ok: true; providerReference: string | null }
  /** permanent: trying again cannot help (an address the channel refuses); error: short and never personal */
  | { ok: false; permanent: boolean; error: string }

export interface Sender {
  /** 'notify' | 'smtp': what staff see as the route a message took */
  name: string
  send: (m: OutgoingMessage) => Promise<SendOutcome>
}

export interface Channels {
  /** null: no email route configured; messages are kept for the demo mailbox page instead */
  email: Sender | null
  /** text messages go only through GOV.UK Notify; null without it (people who chose text get email) */
  sms: Sender | null
  close: () => Promise<void>
}

export const noChannels: Channels = { email: null, sms: null, close: async () => {} }
