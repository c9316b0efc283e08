// Requests to join the scheme (README: For providers, Apply to join): a micro-enterprise's expression of interest
// from the public page, which a co-ordinator accepts (registering the provider) or declines with a reason.
import { index, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import type { LegalForm } from '../../domain/providers.js'
import type { ServiceType } from '../../domain/scheme/enums.js'
import { councils, users } from './councils.js'
import { createdAt, id, rowVersion, tstz, updatedAt } from './common.js'
import { providers } from './providers.js'

export type InterestState = 'received' | 'accepted' | 'declined'

export const interests = pgTable(
  'interests',
  {
    id: id(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    businessName: text('business_name').notNull(),
    legalForm: text('legal_form').$type<LegalForm>().notNull(),
    contactName: text('contact_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    postcode: text('postcode').notNull(),
    serviceTypes: text('service_types').array().$type<ServiceType[]>().notNull(),
    /** what they offer, in their own words */
    offer: text('offer').notNull(),
    /** full-time-equivalent staff, including the owner: within the council's micro bound */
    fte: numeric('fte', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    state: text('state').$type<InterestState>().notNull().default('received'),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tstz('decided_at'),
    providerId: uuid('provider_id').references(() => providers.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion()
  },
  (t) => [index('interests_council_state_idx').on(t.councilId, t.state, t.createdAt)]
)
