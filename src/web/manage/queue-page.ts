// The work queue page's view model (README: For co-ordinators): a count per section, then each section's rows with
// a link to the page where the co-ordinator acts on it.
import type { QueueRecord } from '../../db/stores/work-queue.js'
import { addCalendarDays } from '../../domain/workflow/index.js'
import { isoDate } from '../../use-cases/context.js'
import {
  QUEUE_SECTIONS,
  type QueueSection,
  type QueueSectionKey,
  type QueueSubject
} from '../../use-cases/work-queue.js'
import { layoutOf, type PageView } from '../layout.js'
import { MANAGE_HOME, manageNavigation } from '../portal.js'
import { dayOf, LEVEL_NAMES, momentOf, plainWords } from './words.js'

interface Tag { text: string; classes: string }

export interface QueueRowView {
  provider: { name: string; href: string } | null
  what: string
  when: string
  tag: Tag | null
  action: { text: string; href: string; label: string } | null
}

export interface QueueSectionView {
  key: QueueSectionKey
  id: string
  title: string
  count: number
  /** the count as shown: "1,234", or "more than 1,000" where counting stopped */
  countText: string
  whenHeading: string
  note: string | null
  rows: QueueRowView[]
  more: string | null
}

export interface QueueView extends PageView {
  mine: boolean
  section: string
  sectionItems: Array<{ value: string; text: string; selected: boolean }>
  summary: Array<{ title: string; count: number; countText: string; href: string }>
  sections: QueueSectionView[]
}

declare module '../views.js' {
  interface PageViews {
    'manage-queue': QueueView
  }
}

interface SectionWords {
  title: string
  whenHeading: string
  /** the link text; the provider's name follows it for screen readers */
  act: string
}

export const SECTION_WORDS: Record<QueueSectionKey, SectionWords> = {
  submitted: { title: 'Applications waiting for review', whenHeading: 'Submitted', act: 'Start the review' },
  info_answered: { title: 'Answers to requests for information', whenHeading: 'Answered', act: 'Read the answer' },
  kept_evidence: { title: 'Evidence sent to keep a mark', whenHeading: 'Sent', act: 'Check the evidence' },
  ready_for_decision: { title: 'Assessments ready for a decision', whenHeading: 'Ready since', act: 'Decide' },
  factual_accuracy: {
    title: 'Factual-accuracy windows closing', whenHeading: 'Window closes', act: 'See the decision'
  },
  evidence_expiring: {
    title: 'Evidence expiring in the next 60 days', whenHeading: 'Expires', act: 'See the evidence'
  },
  awards_to_renew: { title: 'Awards to renew', whenHeading: 'Valid until', act: 'See the award' },
  concerns_to_triage: { title: 'Concerns to triage', whenHeading: 'Received', act: 'Triage' },
  appeals_to_hear: { title: 'Appeals to hear', whenHeading: 'Lodged', act: 'See the appeal' },
  undelivered_notifications: { title: 'Notifications not delivered', whenHeading: 'Written', act: 'See the provider' },
  requests_to_join: { title: 'Requests to join the scheme', whenHeading: 'Received', act: 'Answer the request' }
}

const LEVELS = new Map<string, string>(Object.entries(LEVEL_NAMES))
const RED = 'govuk-tag--red'
const ORANGE = 'govuk-tag--orange'
const YELLOW = 'govuk-tag--yellow'

const hrefOf = (subject: QueueSubject, r: QueueRecord): string | null => {
  switch (subject) {
    case 'assessment': return `${MANAGE_HOME}/assessments/${r.id}`
    case 'evidence': return `${MANAGE_HOME}/assessments/${r.parentId ?? ''}#evidence-${r.id}`
    case 'award': return `${MANAGE_HOME}/awards/${r.id}`
    case 'concern': return `${MANAGE_HOME}/concerns/${r.id}`
    case 'appeal': return `${MANAGE_HOME}/appeals/${r.id}`
    case 'message': return r.providerId === null ? null : `${MANAGE_HOME}/providers/${r.providerId}`
    case 'interest': return `${MANAGE_HOME}/interest/${r.id}`
  }
}

function tagOf (key: QueueSectionKey, r: QueueRecord, today: string): Tag | null {
  const due = typeof r.at === 'string' ? r.at : null
  if (key === 'evidence_expiring' && due !== null) {
    if (due <= addCalendarDays(today, 7)) return { text: 'Within 7 days', classes: RED }
    if (due <= addCalendarDays(today, 30)) return { text: 'Within 30 days', classes: ORANGE }
    return { text: 'Within 60 days', classes: YELLOW }
  }
  if (key === 'factual_accuracy' && due !== null && due < today) {
    return { text: 'Closed: ready to publish', classes: RED }
  }
  if (key === 'concerns_to_triage' && r.note === 'safeguarding') return { text: 'Safeguarding', classes: RED }
  if (key === 'undelivered_notifications') return { text: 'Not delivered', classes: RED }
  return null
}

function whatOf (key: QueueSectionKey, r: QueueRecord): string {
  const note = r.note ?? ''
  switch (key) {
    case 'evidence_expiring':
    case 'kept_evidence': return `Evidence for ${note}`
    case 'awards_to_renew': return `${LEVELS.get(note) ?? plainWords(note)} award`
    case 'concerns_to_triage': return `${plainWords(note)} concern`
    case 'appeals_to_hear': return `Appeal, ${plainWords(note).toLowerCase()}`
    case 'undelivered_notifications': return `Message: ${plainWords(note).toLowerCase()}`
    case 'requests_to_join': return `Request to join from ${note}`
    default: return `${plainWords(note)} assessment`
  }
}

function rowOf (s: QueueSection, r: QueueRecord, today: string): QueueRowView {
  const href = hrefOf(s.subject, r)
  const words = SECTION_WORDS[s.key]
  const provider = r.providerName ?? 'no provider'
  return {
    provider: r.providerId === null || r.providerName === null
      ? null
      : { name: r.providerName, href: `${MANAGE_HOME}/providers/${r.providerId}` },
    what: whatOf(s.key, r),
    when: typeof r.at === 'string' ? dayOf(r.at) : momentOf(r.at),
    tag: tagOf(s.key, r, today),
    action: href === null ? null : { text: words.act, href, label: `${words.act}: ${provider}` }
  }
}

/** A count in words: "more than 1,000" where counting stopped (README: For co-ordinators). */
const countText = (s: QueueSection, n = s.count) =>
  s.moreThan === true && n >= s.count ? `more than ${n.toLocaleString('en-GB')}` : n.toLocaleString('en-GB')

function noteOf (s: QueueSection): string | null {
  if (s.within === undefined) return null
  const text = `${countText(s, s.within.days7)} within 7 days, ${countText(s, s.within.days30)} within 30 days, ` +
    `${countText(s)} within 60 days.`
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function queueView (
  sections: readonly QueueSection[],
  query: { mine: boolean; section?: string | undefined },
  now: Date
): QueueView {
  const today = isoDate(now)
  const views = sections.map((s): QueueSectionView => ({
    key: s.key,
    id: `section-${s.key}`,
    title: SECTION_WORDS[s.key].title,
    count: s.count,
    countText: countText(s),
    whenHeading: SECTION_WORDS[s.key].whenHeading,
    note: noteOf(s),
    rows: s.rows.map((r) => rowOf(s, r, today)),
    more: s.count > s.rows.length ? `Showing the first ${s.rows.length} of ${countText(s)}.` : null
  }))
  return {
    layout: layoutOf({ title: 'Work queue', navigation: manageNavigation(MANAGE_HOME) }),
    mine: query.mine,
    section: query.section ?? '',
    sectionItems: [{ value: '', text: 'Everything', selected: query.section === undefined }].concat(
      QUEUE_SECTIONS.map((k) => ({ value: k, text: SECTION_WORDS[k].title, selected: k === query.section }))
    ),
    summary: views.map((v) => ({ title: v.title, count: v.count, countText: v.countText, href: `#${v.id}` })),
    sections: views
  }
}
