// The webhook store: subscriptions (never their secret outside delivery), the award events still to fan out, and
// delivery rows claimed with FOR UPDATE SKIP LOCKED and a lease, so two instances never send the same one.
import { and, asc, count, desc, eq, gte, inArray, like, lte, sql } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import {
  awardTopics,
  councils,
  outbox,
  webhookDeliveries,
  webhookSubscriptions,
  type AwardTopic,
  type OutboxTopic,
  type WebhookAttempt,
  type WebhookEvent
} from '../schema/index.js'

export type NewSubscription = Pick<
  typeof webhookSubscriptions.$inferInsert,
  'councilId' | 'url' | 'description' | 'secret' | 'events' | 'createdBy'
>
export type NewDelivery = Pick<
  typeof webhookDeliveries.$inferInsert,
  'id' | 'councilId' | 'subscriptionId' | 'outboxId' | 'event' | 'body' | 'nextAttemptAt' | 'createdAt'
>

const publicColumns = {
  id: webhookSubscriptions.id,
  url: webhookSubscriptions.url,
  description: webhookSubscriptions.description,
  events: webhookSubscriptions.events,
  active: webhookSubscriptions.active,
  createdAt: webhookSubscriptions.createdAt
}
/** A subscription as its council sees it: everything but the secret. */
export type Subscription = { [K in keyof typeof publicColumns]: (typeof webhookSubscriptions.$inferSelect)[K] }

const deliveryColumns = {
  id: webhookDeliveries.id,
  event: webhookDeliveries.event,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  deliveredAt: webhookDeliveries.deliveredAt,
  createdAt: webhookDeliveries.createdAt,
  attemptLog: webhookDeliveries.attemptLog,
  body: webhookDeliveries.body
}
export type Delivery = { [K in keyof typeof deliveryColumns]: (typeof webhookDeliveries.$inferSelect)[K] }

export async function countActiveSubscriptions (q: Queryable, councilId: string): Promise<number> {
  const [held] = await q
    .select({ n: count() })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.councilId, councilId), eq(webhookSubscriptions.active, true)))
  return held?.n ?? 0
}

/** created_at by the database clock, the clock outbox events are stamped with: only later events are sent. */
export async function insertSubscription (q: Queryable, values: NewSubscription): Promise<Subscription> {
  const [row] = await q.insert(webhookSubscriptions).values(values).returning(publicColumns)
  if (row === undefined) throw new Error('insert returned no row')
  return row
}

export async function findSubscription (q: Queryable, councilId: string, id: string) {
  const [row] = await q
    .select(publicColumns)
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.councilId, councilId)))
  return row
}

export async function listSubscriptions (q: Queryable, councilId: string): Promise<Subscription[]> {
  return await q
    .select(publicColumns)
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.councilId, councilId))
    .orderBy(asc(webhookSubscriptions.createdAt))
}

/** Stops a subscription and abandons its pending deliveries (marked failed). */
export async function deactivateSubscription (q: Queryable, id: string, now: Date): Promise<void> {
  await q
    .update(webhookSubscriptions)
    .set({ active: false, updatedAt: now, version: sql`${webhookSubscriptions.version} + 1` })
    .where(eq(webhookSubscriptions.id, id))
  await q
    .update(webhookDeliveries)
    .set({ status: 'failed' })
    .where(and(eq(webhookDeliveries.subscriptionId, id), eq(webhookDeliveries.status, 'pending')))
}

/** One page of a subscription's deliveries, newest first. */
export async function pageDeliveries (
  q: Queryable,
  subscriptionId: string,
  limit: number,
  offset: number
): Promise<Delivery[]> {
  return await q
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.subscriptionId, subscriptionId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit)
    .offset(offset)
}

export async function countDeliveries (q: Queryable, subscriptionId: string) {
  return await q
    .select({ n: count() })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.subscriptionId, subscriptionId))
}

export interface EventToFanOut {
  subscriptionId: string
  councilId: string
  outboxId: number
  topic: AwardTopic
  awardId: string | undefined
  occurredAt: Date
  council: { id: string; slug: string; name: string; contactEmail: string | null }
}

const isAwardTopic = (topic: OutboxTopic): topic is AwardTopic => awardTopics.some((t) => t === topic)

/**
 * Award events not yet delivered to an active subscription of their council that wants them and existed when
 * they happened, oldest first.
 */
export async function findEventsToFanOut (q: Queryable, limit: number): Promise<EventToFanOut[]> {
  const rows = await q
    .select({
      subscriptionId: webhookSubscriptions.id,
      councilId: webhookSubscriptions.councilId,
      outboxId: outbox.id,
      topic: outbox.topic,
      payload: outbox.payload,
      occurredAt: outbox.createdAt,
      council: { id: councils.id, slug: councils.slug, name: councils.name, contactEmail: councils.contactEmail }
    })
    .from(outbox)
    .innerJoin(
      webhookSubscriptions,
      and(
        eq(webhookSubscriptions.councilId, outbox.councilId),
        eq(webhookSubscriptions.active, true),
        gte(outbox.createdAt, webhookSubscriptions.createdAt)
      )
    )
    .innerJoin(councils, eq(councils.id, outbox.councilId))
    .where(
      and(
        like(outbox.topic, 'award.%'),
        sql`${webhookSubscriptions.events} @> jsonb_build_array(${outbox.topic})`,
        sql`not exists (select 1 from webhook_deliveries d
          where d.subscription_id = ${webhookSubscriptions.id} and d.outbox_id = ${outbox.id})`
      )
    )
    .orderBy(asc(outbox.id))
    .limit(limit)
  return rows.flatMap(({ topic, payload, ...r }) => {
    if (!isAwardTopic(topic)) return []
    const awardId = typeof payload.awardId === 'string' ? payload.awardId : undefined
    return [{ ...r, topic, awardId }]
  })
}

/** False when another instance already made this (subscription, event) delivery. */
export async function insertDelivery (q: Queryable, values: NewDelivery): Promise<boolean> {
  const inserted = await q
    .insert(webhookDeliveries)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id })
  return inserted.length > 0
}

export interface ClaimedDelivery {
  id: string
  url: string
  secret: string
  body: string
  event: WebhookEvent
  /** counting the attempt now claimed */
  attempts: number
  createdAt: Date
  subscriptionActive: boolean
}

/** Claims due deliveries and leases them until `leaseUntil`: a crashed sender's delivery is tried again after. */
export async function claimDueDeliveries (
  q: Queryable,
  now: Date,
  limit: number,
  leaseUntil: Date
): Promise<ClaimedDelivery[]> {
  return await q.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true })
    if (due.length === 0) return []
    const ids = due.map((d) => d.id)
    await tx
      .update(webhookDeliveries)
      .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, nextAttemptAt: leaseUntil })
      .where(inArray(webhookDeliveries.id, ids))
    return await tx
      .select({
        id: webhookDeliveries.id,
        url: webhookSubscriptions.url,
        secret: webhookSubscriptions.secret,
        body: webhookDeliveries.body,
        event: webhookDeliveries.event,
        attempts: webhookDeliveries.attempts,
        createdAt: webhookDeliveries.createdAt,
        subscriptionActive: webhookSubscriptions.active
      })
      .from(webhookDeliveries)
      .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
      .where(inArray(webhookDeliveries.id, ids))
  })
}

/** Appends one attempt to the log with the delivery's new status and next try. */
export async function recordDeliveryAttempt (
  q: Queryable,
  id: string,
  outcome: Pick<typeof webhookDeliveries.$inferInsert, 'status' | 'deliveredAt' | 'nextAttemptAt'>,
  attempt: WebhookAttempt
): Promise<void> {
  await q
    .update(webhookDeliveries)
    .set({ ...outcome, attemptLog: sql`${webhookDeliveries.attemptLog} || ${JSON.stringify([attempt])}::jsonb` })
    .where(eq(webhookDeliveries.id, id))
}
