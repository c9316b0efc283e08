// The webhook contract: registering an endpoint (the secret is returned once) and reading its delivery log.
import { z } from 'zod'
import { WEBHOOK_EVENTS } from '../../use-cases/webhooks.js'
import { pageMeta, pageQuery } from './common.js'

export const webhookCreateSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(2000)
    .describe('https to a public address; http to this machine only with WEBHOOK_ALLOW_LOOPBACK (development)'),
  description: z.string().trim().max(500).optional(),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).optional().describe('Default: all award events')
})

export const webhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.string()),
    active: z.boolean(),
    createdAt: z.date()
  })
  .meta({ id: 'Webhook' })

export const webhookCreatedSchema = webhookSchema
  .extend({
    secret: z
      .string()
      .describe('Shown once: verify X-QualityMark-Signature t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>"> with it')
  })
  .meta({ id: 'WebhookCreated' })

export const webhookListSchema = z.object({ items: z.array(webhookSchema) })

export const deliveryQuery = z.object(pageQuery)

export const deliverySchema = z
  .object({
    id: z.uuid(),
    event: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.date(),
    deliveredAt: z.date().nullable(),
    createdAt: z.date(),
    attemptLog: z.array(
      z.object({
        at: z.string(),
        status: z.number().int().nullable(),
        error: z.string().nullable(),
        durationMs: z.number()
      })
    ),
    body: z.string().describe('The exact JSON body sent and signed')
  })
  .meta({ id: 'WebhookDelivery' })

export const deliveryListSchema = z.object({ items: z.array(deliverySchema), meta: pageMeta })
