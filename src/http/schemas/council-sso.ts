// API contract for a council's staff single sign-on (OpenID Connect).
import { z } from 'zod'

export const councilSsoPutSchema = z
  .strictObject({
    issuer: z.url({ protocol: /^https?$/ }).describe("The OpenID provider's issuer URL (its discovery document is read)"),
    clientId: z.string().min(1).max(500),
    clientSecret: z.string().min(1).max(2000).describe('Write-only: never answered back'),
    userClaim: z
      .string()
      .regex(/^[A-Za-z_][\w.:-]{0,99}$/)
      .optional()
      .describe('The ID token claim matched to a staff email address (default "email")'),
    enabled: z.boolean().optional()
  })
  .meta({ id: 'CouncilSsoPut' })

export const councilSsoSchema = z
  .object({
    councilId: z.uuid(),
    issuer: z.string(),
    clientId: z.string(),
    userClaim: z.string(),
    enabled: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int()
  })
  .meta({ id: 'CouncilSso' })
