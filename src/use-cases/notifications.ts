// Notifications that reach people (README: notifications). Two steps:
// 1. fan-out (a monitoring job, in its transaction): each 'notification.*' outbox event becomes one message per
//    person it concerns, worded for them (plain or easy read) for the channel they chose;
// 2. sending (after the jobs, outside any lock): due messages are claimed under a lease, sent, and their outcome
//    recorded — sent, tried again later with back-off, or failed for staff to see.
import type { Queryable, Tx } from '../db/client.js'
import {
  claimDueEvents,
  claimDueMessages,
  findRecipients,
  insertMessages,
  listMessages,
  loadMessageContext,
  markEventsFannedOut,
  recordDelivery,
  type NewNotificationMessage,
  type NotificationMessage,
  type Recipient
} from '../db/stores/notifications.js'
import {
  asTextMessage,
  composeMessage,
  messageKinds,
  nextStep,
  type MessageFacts,
  type MessageKind,
  type MessageStyle
} from '../domain/notifications/index.js'
import { requireStaff } from './access.js'
import type { Ctx, Deps } from './context.js'
import type { JobResult } from './jobs/job-lock.js'
import type { JobScope } from './jobs/monitored-assessments.js'

const FAN_OUT_BATCH = 500
const SEND_BATCH = 50
const LEASE_SECONDS = 120

const isKind = (k: string): k is MessageKind => messageKinds.some((kind) => kind === k)

type Payload = Record<string, unknown>
const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
const num = (v: unknown) => (typeof v === 'number' ? v : undefined)
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined)

/** The facts a message may use, from the event's payload (each event carries what its message needs). */
function factsOf (payload: Payload): Omit<MessageFacts, 'councilName' | 'link'> {
  const item = str(payload.itemTitle) ?? str(payload.itemCode)
  return {
    level: str(payload.level),
    date: str(payload.date) ?? str(payload.expiresOn) ?? str(payload.validTo) ?? str(payload.deadline),
    daysLeft: num(payload.daysLeft),
    items: strings(payload.items) ?? (item === undefined ? undefined : [item]),
    note: str(payload.note),
    outcome: str(payload.outcome),
    urgent: payload.urgent === true
  }
}

/** Where a message for this person goes, by their choice and what the council has configured. */
function routeFor (deps: Deps, r: Recipient): Pick<NewNotificationMessage, 'channel' | 'address'> | null {
  if (r.channel === 'sms' && r.phone !== null && deps.channels.sms !== null) return { channel: 'sms', address: r.phone }
  if (r.email === null) return null
  return { channel: deps.channels.email === null ? 'mailbox' : 'email', address: r.email }
}

/** A worded message for one person, ready to store. */
export function messageFor (
  deps: Deps,
  kind: MessageKind,
  facts: MessageFacts,
  r: Recipient,
  base: Pick<NewNotificationMessage, 'councilId' | 'outboxId'>,
  now: Date
): NewNotificationMessage {
  const style: MessageStyle = r.easyRead ? 'easy_read' : 'plain'
  const composed = composeMessage(kind, facts, style)
  const route = routeFor(deps, r)
  const common = { ...base, kind, recipientUserId: r.userId, style, subject: composed.subject, createdAt: now }
  if (route === null) {
    // Nobody to send it to: kept as failed, so staff see a person who is not being told.
    return { ...common, channel: 'email', address: '', body: composed.body, status: 'failed', lastError: 'no address' }
  }
  const body = route.channel === 'sms' ? asTextMessage(composed) : composed.body
  // Without a channel the message is kept for the demo mailbox page: nothing leaves the machine.
  const status = route.channel === 'mailbox' ? 'sent' : 'pending'
  return { ...common, ...route, body, status, nextAttemptAt: now, sentAt: status === 'sent' ? now : null }
}

/** The monitoring job: turns due notification events into messages, in the job's transaction. */
export async function fanOutNotifications (
  tx: Tx,
  deps: Deps,
  ctx: Ctx,
  scope: JobScope,
  result: JobResult
): Promise<void> {
  const due = await claimDueEvents(tx, ctx.now, FAN_OUT_BATCH, scope.councilId)
  if (due.length === 0) return
  let made = 0
  for (const event of due) {
    const kind = event.topic.replace(/^notification\./, '')
    if (!isKind(kind)) continue
    const payload: Payload = event.payload
    const providerId = event.recipientProviderId ?? str(payload.providerId) ?? null
    const context = await loadMessageContext(tx, event.councilId, providerId)
    const facts: MessageFacts = {
      ...factsOf(payload),
      councilName: context.councilName,
      providerName: context.providerName,
      link: `${deps.config.publicBaseUrl}/sign-in`
    }
    const recipients = await findRecipients(tx, {
      councilId: event.councilId,
      userId: event.recipientUserId,
      providerId: event.recipientProviderId
    })
    const base = { councilId: event.councilId, outboxId: event.id }
    made += (await insertMessages(tx, recipients.map((r) => messageFor(deps, kind, facts, r, base, ctx.now)))).length
  }
  await markEventsFannedOut(
    tx,
    due.map((e) => e.id),
    ctx.now
  )
  result.done += due.length
  result.actions.push(`${due.length} notification event(s) became ${made} message(s)`)
}

export interface SendReport {
  sent: number
  retrying: number
  failed: number
}

/**
 * Sends every message due now, batch by batch; any number of instances may run it at once. No new batch is claimed
 * once `signal` is aborted (shutdown); what is claimed and not sent goes out after its lease.
 */
export async function sendDueMessages (
  deps: Deps,
  now: Date = deps.clock(),
  signal?: AbortSignal
): Promise<SendReport> {
  const report: SendReport = { sent: 0, retrying: 0, failed: 0 }
  while (signal?.aborted !== true) {
    const claimed = await claimDueMessages(deps.db, now, SEND_BATCH, LEASE_SECONDS)
    if (claimed.length === 0) return report
    for (const m of claimed) await sendOne(deps, m, now, report)
    if (claimed.length < SEND_BATCH) return report
  }
  return report
}

async function sendOne (deps: Deps, m: NotificationMessage, now: Date, report: SendReport): Promise<void> {
  const sender = m.channel === 'sms' ? deps.channels.sms : deps.channels.email
  const outcome =
    sender === null
      ? { ok: false as const, permanent: false, error: `no ${m.channel} channel configured` }
      : await sender.send({ address: m.address, subject: m.subject, body: m.body, reference: m.id })
  const step = nextStep(
    outcome.ok ? { kind: 'sent' } : { kind: 'failed', permanent: outcome.permanent },
    m.attempts,
    m.createdAt,
    now
  )
  await recordDelivery(deps.db, m.id, step, now, {
    error: outcome.ok ? undefined : outcome.error,
    providerReference: outcome.ok ? outcome.providerReference : undefined
  })
  if (step.status === 'sent') report.sent++
  else if (step.status === 'pending') report.retrying++
  else report.failed++
  // Ids, kind and outcome only: never the address or the wording.
  const error = outcome.ok ? null : outcome.error
  const entry = { messageId: m.id, kind: m.kind, channel: m.channel, status: step.status, error }
  deps.log.info(entry, 'notification attempt')
}

/**
 * A message to one person now, outside the outbox (a sign-in link cannot wait for the next job run): stored, then
 * sent at once; if that fails it is retried like any other.
 */
export async function sendDirectMessage (
  deps: Deps,
  q: Queryable,
  kind: MessageKind,
  facts: MessageFacts,
  recipient: Recipient,
  councilId: string | null
): Promise<NotificationMessage | undefined> {
  const now = deps.clock()
  const [row] = await insertMessages(q, [messageFor(deps, kind, facts, recipient, { councilId, outboxId: null }, now)])
  if (row !== undefined && row.status === 'pending') await sendDueMessages(deps, now)
  return row
}

/** The delivery status list for staff: their council's messages, newest first (the wording is not shown). */
export async function listDeliveries (
  deps: Deps,
  ctx: Ctx,
  filter: { status?: NotificationMessage['status'] | undefined; limit?: number | undefined }
) {
  const staff = requireStaff(ctx.actor)
  const limit = filter.limit ?? 100
  const rows = await listMessages(deps.db, { councilId: staff.councilId, status: filter.status, limit })
  return rows.map(({ body: _body, subject: _subject, ...rest }) => rest)
}

/** The demo mailbox: messages kept because no channel is configured (README: the demo). */
export async function listDemoMailbox (deps: Deps, limit = 50): Promise<NotificationMessage[]> {
  if (deps.channels.email !== null) return []
  return await listMessages(deps.db, { channel: 'mailbox', limit })
}
