// The native public feed's contract: a change feed of awards with their providers' public fields.
import { z } from 'zod'
import { isoDateString } from './common.js'

export const feedCouncilParams = z.object({
  council: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be a council slug')
})
export const feedAwardParams = feedCouncilParams.extend({ id: z.uuid({ error: 'must be a UUID' }) })

export const changeFeedQuery = z.object({
  modified_after: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'must be an ISO 8601 date or date-time' })
    .transform((s) => new Date(s))
    .optional()
    .describe(
      'Only awards (or their providers) changed on or after this instant: new marks, changes, suspensions, ' +
        'expiries, withdrawals'
    ),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(100)
})

export const publicAwardSchema = z
  .object({
    award: z.object({
      id: z.uuid(),
      level: z.enum(['gold', 'silver', 'bronze']),
      status: z.enum(['active', 'suspended', 'expired', 'revoked', 'withdrawn', 'superseded']),
      validFrom: isoDateString,
      validTo: isoDateString,
      smallSample: z.boolean().describe("The feedback sample was below the level's minimum"),
      publishedAt: z.iso.datetime(),
      accreditation: z.string(),
      badgeUrl: z.url(),
      verifyUrl: z.url()
    }),
    provider: z.object({
      id: z.uuid(),
      name: z.string(),
      description: z.string(),
      serviceTypes: z.array(z.string()),
      clientGroups: z.array(z.string()),
      area: z.string(),
      postcode: z.string(),
      hourlyPricePence: z.number().int().nullable(),
      contact: z.object({
        email: z.string().optional(),
        phone: z.string().optional(),
        website: z.string().optional(),
        route: z.string().optional()
      }),
      status: z.enum(['active', 'inactive'])
    }),
    lastModified: z.iso.datetime()
  })
  .meta({ id: 'PublicAward' })

export const changeFeedSchema = z
  .object({
    council: z.object({ slug: z.string(), name: z.string() }),
    items: z.array(publicAwardSchema),
    nextCursor: z
      .string()
      .nullable()
      .describe(
        'Pass as cursor for the next page; null at the end (keep the last lastModified for modified_after next time)'
      )
  })
  .meta({ id: 'AwardChangeFeed' })
