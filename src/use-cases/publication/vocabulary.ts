// The published taxonomies: a council's "Quality Mark" levels, and the service types and client groups
// (src/domain/README.md: glossary) as terms with stable ids, so directories can filter by them.
import type { AwardLevel, ClientGroup, ServiceType } from '../../domain/scheme/enums.js'
import { AWARD_LEVELS } from '../../domain/scheme/enums.js'
import { ClientGroupSchema, ServiceTypeSchema } from '../../domain/scheme/enums.js'
import { stableId } from './ids.js'

export type TermKind = 'level' | 'service_type' | 'client_group'

export interface Taxonomy {
  id: string
  kind: TermKind
  name: string
  description: string
}
export interface Term {
  id: string
  kind: TermKind
  code: string
  name: string
  description: string
  taxonomyId: string
  taxonomyName: string
}

export const LEVEL_NAMES: Record<AwardLevel, string> = { gold: 'Gold', silver: 'Silver', bronze: 'Bronze' }

export const SERVICE_TYPE_NAMES: Record<ServiceType, string> = {
  domiciliary_care: 'Domiciliary care',
  day_activities: 'Day activities',
  accommodation: 'Accommodation',
  support_in_home: 'Support in the home'
}

export const CLIENT_GROUP_NAMES: Record<ClientGroup, string> = {
  older_people: 'Older people',
  learning_disability: 'People with a learning disability',
  autism: 'Autistic people',
  physical_disability: 'People with a physical disability',
  mental_health: 'People with mental health needs',
  carers: 'Carers'
}

export interface CouncilRef {
  id: string
  name: string
}

/**
 * The three taxonomies of one council's feed. The Quality Mark is the council's own scheme, so its ids are per council.
 */
export function taxonomiesOf (council: CouncilRef): [Taxonomy, Taxonomy, Taxonomy] {
  return [
    {
      id: stableId('taxonomy', 'quality-mark', council.id),
      kind: 'level',
      name: `${council.name} Quality Mark`,
      description:
        `Gold, silver and bronze Quality Mark levels awarded by ${council.name} to care and support services for ` +
        'meeting its quality standards and for feedback from the people who use them.'
    },
    {
      id: stableId('taxonomy', 'service-type'),
      kind: 'service_type',
      name: 'Quality Mark service types',
      description: 'The kinds of care and support a provider offers.'
    },
    {
      id: stableId('taxonomy', 'client-group'),
      kind: 'client_group',
      name: 'Quality Mark client groups',
      description: 'The groups of people a provider supports.'
    }
  ]
}

/** Every term of the council's feed, in a stable order: levels (best first), service types, client groups. */
export function termsOf (council: CouncilRef): Term[] {
  const [levels, types, groups] = taxonomiesOf(council)
  const term = (t: Taxonomy, code: string, name: string, description: string): Term => ({
    id: stableId('taxonomy_term', t.id, code),
    kind: t.kind,
    code,
    name,
    description,
    taxonomyId: t.id,
    taxonomyName: t.name
  })
  return [
    ...[...AWARD_LEVELS]
      .reverse()
      .map((l) =>
        term(
          levels,
          l,
          `${LEVEL_NAMES[l]} Quality Mark`,
          `Holds a live ${LEVEL_NAMES[l].toLowerCase()} level of the ${council.name} Quality Mark.`
        )
      ),
    ...ServiceTypeSchema.options.map((s) =>
      term(types, s, SERVICE_TYPE_NAMES[s], `Offers ${SERVICE_TYPE_NAMES[s].toLowerCase()}.`)
    ),
    ...ClientGroupSchema.options.map((g) =>
      term(groups, g, CLIENT_GROUP_NAMES[g], `Supports ${CLIENT_GROUP_NAMES[g].toLowerCase()}.`)
    )
  ]
}
