// Councils (tenants), their users and the bearer tokens those users authenticate with.
import { sql } from 'drizzle-orm'
import { boolean, check, index, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { USER_ROLES } from '../../domain/roles.js'
import { createdAt, id, rowVersion, tstz, updatedAt } from './common.js'

export const councils = pgTable(
  'councils',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    // src/domain/README.md: size band micro ≤ microMaxFte (default 5); small/medium bounds follow the
    // Companies Act employee thresholds (fewer than 50, fewer than 250).
    microMaxFte: numeric('micro_max_fte', { precision: 6, scale: 2, mode: 'number' }).notNull().default(5),
    smallMaxFte: numeric('small_max_fte', { precision: 6, scale: 2, mode: 'number' }).notNull().default(49),
    mediumMaxFte: numeric('medium_max_fte', { precision: 6, scale: 2, mode: 'number' }).notNull().default(249),
    contactEmail: text('contact_email'),
    // The colour of the council's pages (README: Pages, branding): '#' and six lower-case hex digits, dark
    // enough for white text (src/domain/branding.ts); null means the service's default.
    brandColour: text('brand_colour'),
    // What a council service must publish (README: Pages, council pages): who to ask about accessibility, the data
    // protection officer, and the adult safeguarding team's telephone number (shown on the feedback form).
    accessibilityEmail: text('accessibility_email'),
    dataProtectionEmail: text('data_protection_email'),
    safeguardingPhone: text('safeguarding_phone'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion()
  },
  (t) => [
    check('councils_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,62}$'`),
    check('councils_brand_colour_format', sql`${t.brandColour} ~ '^#[0-9a-f]{6}$'`)
  ]
)

export { USER_ROLES as userRoles, type UserRole } from '../../domain/roles.js'

export const users = pgTable(
  'users',
  {
    id: id(),
    // null only for admins, who manage every council
    councilId: uuid('council_id').references(() => councils.id),
    role: text('role', { enum: USER_ROLES }).notNull(),
    name: text('name').notNull(),
    email: text('email'),
    // set for role = provider: the one provider record this user acts for
    providerId: uuid('provider_id'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion()
  },
  (t) => [
    index('users_council_idx').on(t.councilId),
    check('users_council_unless_admin', sql`(${t.role} = 'admin') = (${t.councilId} is null)`),
    check('users_provider_iff_provider_role', sql`(${t.role} = 'provider') = (${t.providerId} is not null)`)
  ]
)

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    // SHA-256 of the token: the token itself is shown once at creation and never stored
    tokenHash: text('token_hash').notNull().unique(),
    // the first characters, so a user can tell tokens apart in a list without the secret
    prefix: text('prefix').notNull(),
    label: text('label').notNull(),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at'),
    lastUsedAt: tstz('last_used_at'),
    revokedAt: tstz('revoked_at')
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)]
)
