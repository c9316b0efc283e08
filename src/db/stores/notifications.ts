// The notification store: who a message goes to, the messages themselves, and their delivery claims (a lease, so
// a crashed sender's message is tried again; SKIP LOCKED, so two instances never claim one message).
import { and, asc, desc, eq, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { enqueueOutboxEvent } from './outbox.js'
import {
  councils,
  notificationMessages,
  notificationPreferences,
  outbox,
  providers,
  users,
  type MessageStatus,
  type OutboxPayload,
  type OutboxTopic
} from '../schema/index.js'
import type { MessageKind, NextStep } from '../../domain/notifications/index.js'

export type NotificationMessage = typeof notificationMessages.$inferSelect
export type NewNotificationMessage = typeof notificationMessages.$inferInsert

export interface Recipient {
  /** null for someone with no account yet (a business that asked to join) */
  userId: string | null
  email: string | null
  channel: 'email' | 'sms'
  phone: string | null
  easyRead: boolean
}

const recipientColumns = {
  userId: users.id,
  email: users.email,
  channel: sql<'email' | 'sms'>`coalesce(${notificationPreferences.channel}, 'email')`,
  phone: notificationPreferences.phone,
  easyRead: sql<boolean>`coalesce(${notificationPreferences.easyRead}, false)`
}

/** Active users who should get an event: one user, a provider's people, or (neither named) the council's staff. */
export async function findRecipients (
  q: Queryable,
  to: { councilId: string | null; userId: string | null; providerId: string | null }
): Promise<Recipient[]> {
  let who: SQL | undefined
  if (to.userId !== null) who = eq(users.id, to.userId)
  else if (to.providerId !== null) who = and(eq(users.role, 'provider'), eq(users.providerId, to.providerId))
  else if (to.councilId !== null) who = and(eq(users.councilId, to.councilId), eq(users.role, 'coordinator'))
  if (who === undefined) return []
  return await q
    .select(recipientColumns)
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(and(who, eq(users.active, true)))
    .orderBy(asc(users.id))
}

/** The one user with this email address (case-insensitive), if active. */
export async function findRecipientByEmail (q: Queryable, email: string): Promise<Recipient | undefined> {
  const [row] = await q
    .select(recipientColumns)
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(and(sql`lower(${users.email}) = lower(${email})`, eq(users.active, true)))
    .limit(1)
  return row
}

export interface MessageContext {
  councilName: string
  councilSlug: string
  providerName: string | undefined
}

export async function loadMessageContext (
  q: Queryable,
  councilId: string | null,
  providerId: string | null
): Promise<MessageContext> {
  const [council] =
    councilId === null
      ? []
      : await q.select({ name: councils.name, slug: councils.slug }).from(councils).where(eq(councils.id, councilId))
  const [provider] =
    providerId === null
      ? []
      : await q.select({ name: providers.name }).from(providers).where(eq(providers.id, providerId))
  return {
    councilName: council?.name ?? 'Your council',
    councilSlug: council?.slug ?? '',
    providerName: provider?.name
  }
}

export interface DueEvent {
  id: number
  topic: OutboxTopic
  councilId: string | null
  recipientUserId: string | null
  recipientProviderId: string | null
  payload: OutboxPayload
}

/** Notification events not yet turned into messages, oldest first, locked so no other instance takes them. */
export async function claimDueEvents (
  q: Queryable,
  now: Date,
  limit: number,
  councilId?: string
): Promise<DueEvent[]> {
  return await q
    .select({
      id: outbox.id,
      topic: outbox.topic,
      councilId: outbox.councilId,
      recipientUserId: outbox.recipientUserId,
      recipientProviderId: outbox.recipientProviderId,
      payload: outbox.payload
    })
    .from(outbox)
    .where(
      and(
        like(outbox.topic, 'notification.%'),
        isNull(outbox.sentAt),
        lte(outbox.nextAttemptAt, now),
        councilId === undefined ? undefined : eq(outbox.councilId, councilId)
      )
    )
    .orderBy(asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true })
}

/** A notification for people, written in the caller's transaction; the fan-out job words and sends it. */
export interface NotificationEvent {
  councilId: string
  kind: MessageKind
  /** makes the event idempotent: a retried action never tells anyone twice */
  dedupeKey: string
  /** one person; otherwise the provider's people; neither: the council's co-ordinators */
  recipientUserId?: string | undefined
  recipientProviderId?: string | undefined
  payload: Record<string, unknown>
  now: Date
}

/** False when an event with the same dedupe key was already written (the action had been done). */
export async function enqueueNotification (q: Queryable, e: NotificationEvent): Promise<boolean> {
  return await enqueueOutboxEvent(q, {
    councilId: e.councilId,
    topic: `notification.${e.kind}`,
    dedupeKey: e.dedupeKey,
    recipientUserId: e.recipientUserId ?? null,
    recipientProviderId: e.recipientProviderId ?? null,
    payload: e.payload,
    createdAt: e.now,
    nextAttemptAt: e.now
  })
}

/** Marks events as turned into messages (the messages carry the delivery from here). */
export async function markEventsFannedOut (q: Queryable, ids: number[], now: Date): Promise<void> {
  if (ids.length === 0) return
  await q.update(outbox).set({ sentAt: now }).where(inArray(outbox.id, ids))
}

/** Saves messages; one per event and person, so a second fan-out of the same event adds nothing. */
export async function insertMessages (q: Queryable, rows: NewNotificationMessage[]): Promise<NotificationMessage[]> {
  if (rows.length === 0) return []
  return await q.insert(notificationMessages).values(rows).onConflictDoNothing().returning()
}

/** Claims up to `limit` messages due now (or whose claim lapsed) for one sender run. */
export async function claimDueMessages (
  q: Queryable,
  now: Date,
  limit: number,
  leaseSeconds: number
): Promise<NotificationMessage[]> {
  return await q.transaction(async (tx) => {
    const due = await tx
      .select({ id: notificationMessages.id })
      .from(notificationMessages)
      .where(
        or(
          and(eq(notificationMessages.status, 'pending'), lte(notificationMessages.nextAttemptAt, now)),
          and(eq(notificationMessages.status, 'sending'), lte(notificationMessages.leaseUntil, now))
        )
      )
      .orderBy(asc(notificationMessages.nextAttemptAt), asc(notificationMessages.id))
      .limit(limit)
      .for('update', { skipLocked: true })
    if (due.length === 0) return []
    return await tx
      .update(notificationMessages)
      .set({
        status: 'sending',
        attempts: sql`${notificationMessages.attempts} + 1`,
        leaseUntil: new Date(now.getTime() + leaseSeconds * 1000)
      })
      .where(
        inArray(
          notificationMessages.id,
          due.map((d) => d.id)
        )
      )
      .returning()
  })
}

/** Records what happened to one claimed message. */
export async function recordDelivery (
  q: Queryable,
  id: string,
  step: NextStep,
  now: Date,
  detail: { error?: string; providerReference?: string | null }
): Promise<void> {
  const status: MessageStatus = step.status
  await q
    .update(notificationMessages)
    .set({
      status,
      leaseUntil: null,
      nextAttemptAt: step.status === 'pending' ? step.retryAt : undefined,
      sentAt: step.status === 'sent' ? now : undefined,
      lastError: step.status === 'sent' ? null : (detail.error ?? null),
      providerReference: detail.providerReference ?? undefined
    })
    .where(eq(notificationMessages.id, id))
}

export interface MessageFilter {
  councilId?: string | undefined
  status?: MessageStatus | undefined
  channel?: NotificationMessage['channel'] | undefined
  limit: number
}

/** Newest first: the delivery status list for staff, and the demo mailbox. */
export async function listMessages (q: Queryable, f: MessageFilter): Promise<NotificationMessage[]> {
  const where: SQL[] = []
  if (f.councilId !== undefined) where.push(eq(notificationMessages.councilId, f.councilId))
  if (f.status !== undefined) where.push(eq(notificationMessages.status, f.status))
  if (f.channel !== undefined) where.push(eq(notificationMessages.channel, f.channel))
  return await q
    .select()
    .from(notificationMessages)
    .where(and(...where))
    .orderBy(desc(notificationMessages.createdAt), desc(notificationMessages.id))
    .limit(f.limit)
}

export async function findMessage (q: Queryable, id: string): Promise<NotificationMessage | undefined> {
  const [row] = await q.select().from(notificationMessages).where(eq(notificationMessages.id, id))
  return row
}

export type ContactPreference = typeof notificationPreferences.$inferSelect

export async function findContactPreference (q: Queryable, userId: string): Promise<ContactPreference | undefined> {
  const [row] = await q.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId))
  return row
}

/** One row per person: written the first time, changed after. */
export async function saveContactPreference (
  q: Queryable,
  p: Pick<ContactPreference, 'userId' | 'channel' | 'phone' | 'easyRead' | 'updatedAt'>
): Promise<ContactPreference> {
  const [row] = await q
    .insert(notificationPreferences)
    .values(p)
    .onConflictDoUpdate({
      target: notificationPreferences.userId,
      set: { channel: p.channel, phone: p.phone, easyRead: p.easyRead, updatedAt: p.updatedAt }
    })
    .returning()
  if (row === undefined) throw new Error('upsert returned no preference')
  return row
}
