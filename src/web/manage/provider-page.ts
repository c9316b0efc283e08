// One provider in the co-ordinator's portal (README: For co-ordinators): its record, size band and offering, its
// people, current and past awards, assessments, concerns, appeals, and its history from the audit trail.
import { isLiveAward } from '../../domain/workflow/index.js'
import type { ProviderOverview } from '../../use-cases/provider-overview.js'
import { layoutOf, type PageView } from '../layout.js'
import { MANAGE_HOME, manageNavigation } from '../portal.js'
import {
  CLIENT_GROUP_NAMES,
  CQC_RATING_NAMES,
  dayOf,
  FLAG_NAMES,
  LEGAL_FORM_NAMES,
  LEVEL_NAMES,
  momentOf,
  nameOf,
  SERVICE_TYPE_NAMES,
  SIZE_BAND_NAMES
} from './words.js'

interface Row { key: string; value: string }
interface Linked { text: string; href: string; cells: string[] }

export interface ProviderPageView extends PageView {
  id: string
  name: string
  status: string
  notice: string | null
  editHref: string
  inviteHref: string
  record: Row[]
  people: Array<{ name: string; email: string; active: string }>
  currentAward: (Linked & { level: string }) | null
  pastAwards: Linked[]
  assessments: Linked[]
  concerns: Linked[]
  appeals: Linked[]
  history: Array<{ when: string; who: string; what: string }>
}

declare module '../views.js' {
  interface PageViews {
    'manage-provider': ProviderPageView
  }
}

const list = (names: Readonly<Record<string, string>>, codes: readonly string[]) =>
  codes.length === 0 ? 'None' : codes.map((c) => nameOf(names, c)).join(', ')

const pence = (p: number | null) => (p === null ? 'Not given' : `£${(p / 100).toFixed(2)} an hour`)

function recordOf (p: ProviderOverview['provider']): Row[] {
  const flags = Object.entries(p.flags).filter(([, on]) => on).map(([f]) => f)
  const contact = [p.contact.email, p.contact.phone, p.contact.website, p.contact.route]
    .filter((x): x is string => x !== undefined && x !== '')
  return [
    { key: 'Legal form', value: nameOf(LEGAL_FORM_NAMES, p.legalForm) },
    { key: 'Size band', value: `${nameOf(SIZE_BAND_NAMES, p.sizeBand)} (${p.fte} full-time-equivalent staff)` },
    { key: 'People supported now', value: String(p.activeClients) },
    { key: 'Types of service', value: list(SERVICE_TYPE_NAMES, p.serviceTypes) },
    { key: 'What it does', value: list(FLAG_NAMES, flags) },
    { key: 'Who it supports', value: list(CLIENT_GROUP_NAMES, p.clientGroups) },
    { key: 'Area and postcode', value: `${p.area}, ${p.postcode}` },
    { key: 'Hourly price', value: pence(p.hourlyPricePence) },
    { key: 'CQC', value: cqcOf(p) },
    { key: 'Contact', value: contact.length === 0 ? 'None given' : contact.join(', ') },
    { key: 'Description', value: p.description === '' ? 'None' : p.description }
  ]
}

function cqcOf (p: ProviderOverview['provider']): string {
  const rating = p.cqcRating === null ? 'not rated' : nameOf(CQC_RATING_NAMES, p.cqcRating)
  return p.cqcLocationId === null ? `Not registered (${rating})` : `${p.cqcLocationId}, ${rating}`
}

const ACTIONS: Record<string, string> = { create: 'Registered', update: 'Changed', deactivate: 'Left the scheme' }

export function providerPageView (o: ProviderOverview, notice: string | null): ProviderPageView {
  const p = o.provider
  const base = `${MANAGE_HOME}/providers/${p.id}`
  const award = (a: ProviderOverview['awards'][number]): Linked => ({
    text: `${LEVEL_NAMES[a.level]} award`,
    href: `${MANAGE_HOME}/awards/${a.id}`,
    cells: [nameOf({}, a.status), `${dayOf(a.validFrom)} to ${dayOf(a.validTo)}`]
  })
  const current = o.awards.find((a) => isLiveAward(a.status))
  const people = new Map(o.people.map((u) => [u.id, u.name]))
  return {
    layout: layoutOf({ title: p.name, navigation: manageNavigation(`${MANAGE_HOME}/providers`) }),
    id: p.id,
    name: p.name,
    status: p.status === 'active' ? 'Active' : 'Left the scheme',
    notice,
    editHref: `${base}/edit`,
    inviteHref: `${base}/people/new`,
    record: recordOf(p),
    people: o.people.map((u) => ({
      name: u.name,
      email: u.email ?? 'No email address',
      active: u.active ? 'Can sign in' : 'Switched off'
    })),
    currentAward: current === undefined ? null : { ...award(current), level: current.level },
    pastAwards: o.awards.filter((a) => a !== current).map(award),
    assessments: o.assessments.map((a) => ({
      text: `${nameOf({}, a.kind)} assessment`,
      href: `${MANAGE_HOME}/assessments/${a.id}`,
      cells: [nameOf({}, a.outcome ?? a.state), dayOf(a.createdAt)]
    })),
    concerns: o.concerns.map((c) => ({
      text: `${nameOf({}, c.source)} concern`,
      href: `${MANAGE_HOME}/concerns/${c.id}`,
      cells: [nameOf({}, c.state), c.severity === null ? 'Not triaged' : nameOf({}, c.severity), dayOf(c.raisedOn)]
    })),
    appeals: o.appeals.map((a) => ({
      text: `Appeal against ${nameOf({}, a.subjectType).toLowerCase()}`,
      href: `${MANAGE_HOME}/appeals/${a.id}`,
      cells: [nameOf({}, a.state), dayOf(a.lodgedAt)]
    })),
    history: [...o.history].reverse().map((e) => ({
      when: momentOf(e.at),
      who: e.actorUserId === null ? nameOf({}, e.actorRole) : people.get(e.actorUserId) ?? nameOf({}, e.actorRole),
      what: [ACTIONS[e.action] ?? nameOf({}, e.action), e.reason].filter((x) => x !== null).join(': ')
    }))
  }
}
