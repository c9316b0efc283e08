// Picks the message channels from the configuration: GOV.UK Notify when its key is set, else SMTP when SMTP_URL is
// set, else none (messages are kept for the demo mailbox page).
import type { Config } from '../config.js'
import { noChannels, type Channels } from '../use-cases/notification-channels.js'
import { notifySenders } from './notify.js'
import { smtpSender } from './smtp.js'

export function channelsFromConfig (config: Config): Channels {
  if (config.NOTIFY_API_KEY !== undefined && config.NOTIFY_EMAIL_TEMPLATE_ID !== undefined) {
    const { email, sms } = notifySenders({
      apiKey: config.NOTIFY_API_KEY,
      baseUrl: config.NOTIFY_BASE_URL,
      emailTemplateId: config.NOTIFY_EMAIL_TEMPLATE_ID,
      smsTemplateId: config.NOTIFY_SMS_TEMPLATE_ID
    })
    return { email, sms, close: async () => {} }
  }
  if (config.SMTP_URL !== undefined) {
    const smtp = smtpSender(config.SMTP_URL, config.MAIL_FROM)
    return { email: smtp, sms: null, close: async () => smtp.close() }
  }
  return noChannels
}
