// The audit trail as the API shows it to co-ordinators.
import { z } from 'zod'

export const auditEventSchema = z
  .object({
    id: z.number().int(),
    actorUserId: z.uuid().nullable(),
    actorRole: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    action: z.string(),
    fromState: z.string().nullable(),
    toState: z.string().nullable(),
    reason: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    at: z.date()
  })
  .meta({ id: 'AuditEvent' })

export const auditListSchema = z.object({ items: z.array(auditEventSchema) }).meta({ id: 'AuditEventList' })

export const auditQuery = z.strictObject({
  entityType: z.string().regex(/^[a-z_]{2,40}$/, 'must be an entity type such as assessment or award'),
  entityId: z.string().min(1).max(100)
})
