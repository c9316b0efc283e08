// The notifications API contract: delivery status for staff (never the wording or anything the message said).
import { z } from 'zod'
import { messageKinds } from '../../domain/notifications/index.js'

export const messageStatusSchema = z.enum(['pending', 'sending', 'sent', 'failed'])

export const deliveryQuery = z.strictObject({
  status: messageStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100)
})

export const deliverySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(messageKinds),
    recipientUserId: z.uuid().nullable(),
    channel: z.enum(['email', 'sms', 'mailbox']).describe('mailbox: kept for the demo mailbox, no channel set up'),
    address: z.string().describe('Where it went, so staff can correct a wrong address; empty when none was known'),
    style: z.enum(['plain', 'easy_read']),
    status: messageStatusSchema,
    attempts: z.number().int(),
    nextAttemptAt: z.date(),
    lastError: z.string().nullable().describe('Short and never personal, e.g. "smtp 550" or "no address"'),
    providerReference: z.string().nullable(),
    createdAt: z.date(),
    sentAt: z.date().nullable()
  })
  .meta({ id: 'NotificationDelivery' })

export const deliveryListSchema = z.object({ items: z.array(deliverySchema) }).meta({ id: 'NotificationDeliveryList' })
