// Care providers (micro-enterprises and others) registered with a council.
import { sql } from 'drizzle-orm'
import {
  boolean, check, doublePrecision, index, integer, jsonb, numeric, pgTable, text, uuid
} from 'drizzle-orm/pg-core'
import type { LegalForm, SizeBand } from '../../domain/providers.js'
import type { ClientGroup, CqcRating, ServiceType } from '../../domain/scheme/enums.js'
import { councils } from './councils.js'
import { createdAt, id, rowVersion, tstz, updatedAt } from './common.js'

export interface OfferingFlags {
  personalCare: boolean
  medication: boolean
  foodPreparation: boolean
  transport: boolean
  loneWorking: boolean
  handlesMoney: boolean
  employsStaff: boolean
}

export interface ProviderContact {
  email?: string | undefined
  phone?: string | undefined
  website?: string | undefined
  /** how people should get in touch, in the provider's words ("ring and leave a message") */
  route?: string | undefined
}

export const providers = pgTable(
  'providers',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    name: text('name').notNull(),
    legalForm: text('legal_form').$type<LegalForm>().notNull(),
    description: text('description').notNull().default(''),
    fte: numeric('fte', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    // derived from fte and the council's bounds on every write (src/domain/README.md: size band)
    sizeBand: text('size_band').$type<SizeBand>().notNull(),
    activeClients: integer('active_clients').notNull().default(0),
    serviceTypes: jsonb('service_types').$type<ServiceType[]>().notNull(),
    flags: jsonb('flags').$type<OfferingFlags>().notNull(),
    clientGroups: jsonb('client_groups').$type<ClientGroup[]>().notNull(),
    area: text('area').notNull(),
    postcode: text('postcode').notNull(),
    // the postcode's coordinates when it was saved (README: postcodes); null while no reference data is loaded
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    hourlyPricePence: integer('hourly_price_pence'),
    cqcLocationId: text('cqc_location_id'),
    cqcRating: text('cqc_rating').$type<CqcRating>(),
    // registration numbers where the provider has them, published as ORUK organization identifiers (README: ORUK)
    charityNumber: text('charity_number'),
    companyNumber: text('company_number'),
    contact: jsonb('contact').$type<ProviderContact>().notNull(),
    // whether it has room for new people (README: Pages, directory); null: the provider has not said
    takingNewPeople: boolean('taking_new_people'),
    status: text('status', { enum: ['active', 'inactive'] })
      .notNull()
      .default('active'),
    deactivatedAt: tstz('deactivated_at'),
    // when its personal data was erased on request (README: Security and privacy, export and erasure); null until then
    erasedAt: tstz('erased_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion()
  },
  (t) => [
    index('providers_council_idx').on(t.councilId, t.name, t.id),
    index('providers_updated_idx').on(t.councilId, t.updatedAt),
    // the co-ordinator's provider list counts a status's providers from this index alone
    index('providers_council_status_idx').on(t.councilId, t.status),
    // distance search narrows by a latitude band first (src/domain/geo: boundingBox)
    index('providers_location_idx').on(t.councilId, t.latitude, t.longitude),
    check('providers_fte_nonnegative', sql`${t.fte} >= 0`),
    check('providers_clients_nonnegative', sql`${t.activeClients} >= 0`)
  ]
)
