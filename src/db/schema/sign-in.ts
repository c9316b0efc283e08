// Sign-in and sessions (README: Sign-in and sessions): server-side sessions, email sign-in links, passkeys,
// the short-lived state of a sign-in ceremony (OpenID Connect, passkey) and each council's single sign-on.
// Every secret a browser holds (session id, link, ceremony handle) is stored only as its SHA-256 hash.
import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { councils, users } from './councils.js'
import { createdAt, id, rowVersion, tstz, updatedAt } from './common.js'

export const signInMethods = ['email_link', 'oidc', 'passkey'] as const
export type SignInMethod = (typeof signInMethods)[number]
export type SessionEndReason = 'signed_out' | 'signed_out_everywhere' | 'idle' | 'expired'

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    method: text('method').$type<SignInMethod>().notNull(),
    /** a short description of the browser ("Chrome on Linux"), so a person can tell their sessions apart */
    device: text('device').notNull().default(''),
    createdAt: createdAt(),
    lastSeenAt: tstz('last_seen_at').notNull(),
    /** the absolute end, however active the session is */
    expiresAt: tstz('expires_at').notNull(),
    endedAt: tstz('ended_at'),
    endReason: text('end_reason').$type<SessionEndReason>()
  },
  (t) => [index('sessions_user_idx').on(t.userId)]
)

export const signInLinks = pgTable(
  'sign_in_links',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at')
  },
  (t) => [index('sign_in_links_user_idx').on(t.userId, t.createdAt)]
)

export const passkeys = pgTable(
  'passkeys',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** the WebAuthn credential id, base64url */
    credentialId: text('credential_id').notNull().unique(),
    /** COSE public key, base64url */
    publicKey: text('public_key').notNull(),
    counter: integer('counter').notNull().default(0),
    transports: jsonb('transports').$type<string[]>().notNull().default([]),
    backedUp: boolean('backed_up').notNull().default(false),
    name: text('name').notNull(),
    createdAt: createdAt(),
    lastUsedAt: tstz('last_used_at')
  },
  (t) => [index('passkeys_user_idx').on(t.userId)]
)

export type CeremonyPurpose = 'oidc' | 'passkey_register' | 'passkey_sign_in'

/** One browser's unfinished sign-in step: what the callback must check (state, nonce, PKCE verifier, challenge). */
export const signInCeremonies = pgTable('sign_in_ceremonies', {
  id: id(),
  handleHash: text('handle_hash').notNull().unique(),
  purpose: text('purpose').$type<CeremonyPurpose>().notNull(),
  data: jsonb('data').$type<Record<string, string>>().notNull(),
  createdAt: createdAt(),
  expiresAt: tstz('expires_at').notNull()
})

/** A council's OpenID Connect provider for its staff. The claim named by userClaim is matched to users.email. */
export const councilSso = pgTable('council_sso', {
  councilId: uuid('council_id')
    .primaryKey()
    .references(() => councils.id),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecret: text('client_secret').notNull(),
  userClaim: text('user_claim').notNull().default('email'),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: rowVersion()
})
