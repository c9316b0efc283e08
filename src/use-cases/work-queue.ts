// The co-ordinator's work queue (README: For co-ordinators): what needs the council's staff now, each section the
// longest waiting (or soonest due) first, with its count. A fixed number of queries: one per section shown.
import {
  answeredInformation,
  EXPIRING_COUNT_CAP,
  queueAppealsToHear,
  queueAssessments,
  queueKeepingEvidence,
  queueAwardsToRenew,
  queueConcernsToTriage,
  queueExpiringEvidence,
  queueInterests,
  queueUndeliveredMessages,
  type QueueRecord,
  type QueueScope
} from '../db/stores/work-queue.js'
import { addCalendarDays } from '../domain/workflow/index.js'
import { requireStaff } from './access.js'
import { isoDate, type Ctx, type Deps } from './context.js'

export const QUEUE_SECTIONS = [
  'submitted',
  'info_answered',
  'kept_evidence',
  'ready_for_decision',
  'factual_accuracy',
  'evidence_expiring',
  'awards_to_renew',
  'concerns_to_triage',
  'appeals_to_hear',
  'undelivered_notifications',
  'requests_to_join'
] as const
export type QueueSectionKey = (typeof QUEUE_SECTIONS)[number]

/** What a row is about, so the page can link to the place to act. */
export type QueueSubject = 'assessment' | 'evidence' | 'award' | 'concern' | 'appeal' | 'message' | 'interest'

export interface QueueSection {
  key: QueueSectionKey
  subject: QueueSubject
  count: number
  rows: QueueRecord[]
  /** evidence only: how many of `count` expire within 7 and within 30 days */
  within?: { days7: number; days30: number }
  /** evidence only: there are more than `count` (counting stops at EXPIRING_COUNT_CAP) */
  moreThan?: boolean
}

export interface WorkQueueQuery {
  mine: boolean
  /** one section only; all of them when absent */
  section?: QueueSectionKey | undefined
}

/** The renewal and evidence look-ahead (src/domain/README.md: renewal_due 60 days before expiry; 60/30/7 reminders). */
export const LOOK_AHEAD_DAYS = 60
const ROWS_PER_SECTION = 20

const SUBJECTS: Record<QueueSectionKey, QueueSubject> = {
  submitted: 'assessment',
  info_answered: 'assessment',
  kept_evidence: 'evidence',
  ready_for_decision: 'assessment',
  factual_accuracy: 'assessment',
  evidence_expiring: 'evidence',
  awards_to_renew: 'award',
  concerns_to_triage: 'concern',
  appeals_to_hear: 'appeal',
  undelivered_notifications: 'message',
  requests_to_join: 'interest'
}

/** The queue's sections; the answer may be shared with other requests, so callers never change it. */
export async function loadWorkQueue (
  deps: Deps,
  ctx: Ctx,
  query: WorkQueueQuery
): Promise<readonly QueueSection[]> {
  const staff = requireStaff(ctx.actor)
  const mine = query.mine ? staff.userId : null
  const scope: QueueScope = { councilId: staff.councilId, mine, limit: ROWS_PER_SECTION }
  const today = isoDate(ctx.now)
  const day = (n: number) => addCalendarDays(today, n)
  const q = deps.db
  type Read = Omit<QueueSection, 'key' | 'subject' | 'count'> & { total?: number }
  const readers: Record<QueueSectionKey, () => Promise<Read>> = {
    submitted: async () => ({ rows: await queueAssessments(q, scope, 'submitted') }),
    info_answered: async () => ({ rows: await queueAssessments(q, scope, 'under_review', answeredInformation) }),
    kept_evidence: async () => ({ rows: await queueKeepingEvidence(q, scope) }),
    ready_for_decision: async () => ({ rows: await queueAssessments(q, scope, 'ready_for_decision') }),
    factual_accuracy: async () => ({ rows: await queueAssessments(q, scope, 'decision_proposed') }),
    evidence_expiring: async () => {
      const rows = await queueExpiringEvidence(q, scope, today, day(7), day(30), day(LOOK_AHEAD_DAYS))
      const cap = (n: number) => Math.min(n, EXPIRING_COUNT_CAP)
      const total = rows[0]?.total ?? 0
      return {
        rows,
        within: { days7: cap(rows[0]?.within7 ?? 0), days30: cap(rows[0]?.within30 ?? 0) },
        ...(total > EXPIRING_COUNT_CAP ? { moreThan: true, total: EXPIRING_COUNT_CAP } : {})
      }
    },
    awards_to_renew: async () => ({ rows: await queueAwardsToRenew(q, scope, day(LOOK_AHEAD_DAYS)) }),
    concerns_to_triage: async () => ({ rows: await queueConcernsToTriage(q, scope) }),
    appeals_to_hear: async () => ({ rows: await queueAppealsToHear(q, scope) }),
    undelivered_notifications: async () => ({ rows: await queueUndeliveredMessages(q, scope) }),
    requests_to_join: async () => ({ rows: await queueInterests(q, scope) })
  }
  const keys = query.section === undefined ? QUEUE_SECTIONS : [query.section]
  const load = async () => await Promise.all(keys.map(async (key): Promise<QueueSection> => {
    const { total, ...read } = await readers[key]()
    return { key, subject: SUBJECTS[key], count: total ?? read.rows[0]?.total ?? 0, ...read }
  }))
  // Kept until something the queue reads changes (src/use-cases/council-read-cache.ts); the day is in the key
  // because the look-ahead sections move with it.
  if (deps.councilReads === undefined) return await load()
  const key = `queue ${mine ?? 'all'} ${query.section ?? 'all'} ${today}`
  return await deps.councilReads.read(staff.councilId, key, load)
}
