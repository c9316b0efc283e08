// API contract for councils, users and tokens.
import { z } from 'zod'
import { userRoles } from '../../db/schema/index.js'

const fteBound = z.number().positive().max(100_000)

export const councilCreateSchema = z
  .strictObject({
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2–63 lower-case letters, digits or hyphens, e.g. "leeds"'),
    name: z.string().trim().min(2).max(200),
    contactEmail: z.email().optional(),
    microMaxFte: fteBound.optional().describe('Largest FTE that counts as micro (default 5)'),
    smallMaxFte: fteBound.optional(),
    mediumMaxFte: fteBound.optional(),
    brandColour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be # and six hex digits, e.g. "#5a2d81"')
      .nullable()
      .optional()
      .describe("The colour of the council's pages, dark enough for white text (4.5:1); null for the default"),
    accessibilityEmail: z
      .email()
      .nullable()
      .optional()
      .describe('Where people report an accessibility problem (the accessibility statement); null: contactEmail'),
    dataProtectionEmail: z
      .email()
      .nullable()
      .optional()
      .describe("The council's data protection officer (the privacy notice); null: contactEmail"),
    safeguardingPhone: z
      .string()
      .regex(/^[+\d][\d ()-]{2,19}$/, 'must be a telephone number, e.g. "0113 222 4401"')
      .nullable()
      .optional()
      .describe("The adult safeguarding team's telephone number, shown on the feedback form and council pages")
  })
  .meta({ id: 'CouncilCreate' })

export const councilPatchSchema = councilCreateSchema
  .omit({ slug: true })
  .partial()
  .refine((o) => Object.keys(o).length > 0, 'send at least one field to change')
  .meta({ id: 'CouncilPatch' })

export const councilSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    contactEmail: z.string().nullable(),
    microMaxFte: z.number(),
    smallMaxFte: z.number(),
    mediumMaxFte: z.number(),
    brandColour: z.string().nullable(),
    accessibilityEmail: z.string().nullable(),
    dataProtectionEmail: z.string().nullable(),
    safeguardingPhone: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int()
  })
  .meta({ id: 'Council' })

export const userCreateSchema = z
  .strictObject({
    councilId: z
      .uuid()
      .optional()
      .describe('Required for every role but admin; co-ordinators may omit it (their own council)'),
    role: z.enum(userRoles),
    name: z.string().trim().min(2).max(200),
    email: z.email().optional(),
    providerId: z.uuid().optional().describe('Required for a provider user: the provider it acts for')
  })
  .meta({ id: 'UserCreate' })

export const userSchema = z
  .object({
    id: z.uuid(),
    councilId: z.uuid().nullable(),
    role: z.enum(userRoles),
    name: z.string(),
    email: z.string().nullable(),
    providerId: z.uuid().nullable(),
    active: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int()
  })
  .meta({ id: 'User' })

export const tokenCreateSchema = z
  .strictObject({
    label: z.string().trim().min(1).max(100).describe('What the token is for, e.g. "Jo\'s laptop"'),
    expiresAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('Default: TOKEN_DEFAULT_TTL_DAYS (90) days from now')
  })
  .meta({ id: 'TokenCreate' })

export const tokenSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    label: z.string(),
    prefix: z.string().describe('The first characters, to tell tokens apart'),
    createdAt: z.date(),
    expiresAt: z.date().nullable(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable()
  })
  .meta({ id: 'Token' })

export const tokenCreatedSchema = tokenSchema
  .extend({
    token: z.string().describe('The secret: shown this once, never again')
  })
  .meta({ id: 'TokenCreated' })

export const meSchema = z
  .object({
    userId: z.uuid(),
    role: z.enum(userRoles),
    councilId: z.uuid().nullable(),
    providerId: z.uuid().nullable()
  })
  .meta({ id: 'Me' })
