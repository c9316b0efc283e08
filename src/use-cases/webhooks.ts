// Webhooks for directories that want pushes (src/domain/README.md: Publication): a co-ordinator registers an
// endpoint and gets its secret once; award events from the outbox fan out to one delivery row per subscription;
// each POST is signed like Stripe's (t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">) and retried with
// exponential back-off for up to a day, every attempt logged for the subscriber.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { and, asc, count, desc, eq, gte, inArray, like, lte, sql } from 'drizzle-orm'
import { councils, outbox, webhookDeliveries, webhookSubscriptions, type WebhookAttempt } from '../db/schema/index.js'
import { DomainError } from '../domain/errors.js'
import { notFound, requireStaff } from './access.js'
import { recordAudit } from './audit.js'
import { fetchPage } from './pagination.js'
import type { Ctx, Deps } from './context.js'
import { getPublicAward } from './publication/native-feed.js'
import { checkTarget, pinnedLookup, type CheckedTarget } from './webhook-targets.js'
import { generateSecret } from './tokens.js'

export const WEBHOOK_EVENTS = ['award.published', 'award.changed', 'award.withdrawn'] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]
export const SIGNATURE_HEADER = 'x-qualitymark-signature'

const GIVE_UP_AFTER_MS = 24 * 3600_000
const FIRST_RETRY_MS = 30_000
const MAX_RETRY_MS = 6 * 3600_000
// A claimed delivery whose instance died is retried once its lease runs out.
const LEASE_MS = 5 * 60_000

/** Wait before the next try after `attempts` failures: 30 s, 1 min, 2 min ... at most 6 h. */
export const retryDelayMs = (attempts: number): number =>
  Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1))

export function signatureOf (secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')
  return `t=${unixSeconds},v1=${v1}`
}

/** For subscribers (and tests): checks the header against the body, refusing stale timestamps (replays). */
export function verifySignature (
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300
): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]))
  const t = Number(parts.t)
  if (!Number.isInteger(t) || parts.v1 === undefined || Math.abs(nowSeconds - t) > toleranceSeconds) return false
  const expected = Buffer.from(signatureOf(secret, body, t).split('v1=')[1]!, 'hex')
  const given = Buffer.from(parts.v1, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

const targetRules = (deps: Deps) => ({ allowLoopback: deps.config.WEBHOOK_ALLOW_LOOPBACK })

/** Refuses what checkTarget refuses (src/use-cases/webhook-targets.ts), and more than WEBHOOKS_PER_COUNCIL. */
async function assertMayRegister (deps: Deps, councilId: string, url: string): Promise<void> {
  await checkTarget(url, targetRules(deps), deps.resolveHost)
  const [held] = await deps.db
    .select({ n: count() })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.councilId, councilId), eq(webhookSubscriptions.active, true)))
  if ((held?.n ?? 0) >= deps.config.WEBHOOKS_PER_COUNCIL) {
    throw new DomainError(
      'WEBHOOK_LIMIT_REACHED',
      'invalid',
      `A council may hold ${deps.config.WEBHOOKS_PER_COUNCIL} active webhooks; stop one before adding another`,
      { errors: [{ path: 'url', message: `at most ${deps.config.WEBHOOKS_PER_COUNCIL} active webhooks` }] }
    )
  }
}

export interface WebhookInput {
  url: string
  description?: string | undefined
  events?: WebhookEvent[] | undefined
}

const publicColumns = {
  id: webhookSubscriptions.id,
  url: webhookSubscriptions.url,
  description: webhookSubscriptions.description,
  events: webhookSubscriptions.events,
  active: webhookSubscriptions.active,
  createdAt: webhookSubscriptions.createdAt
}

/** Registers an endpoint; the secret is returned here once and never again (only its use proves it). */
export async function registerWebhook (deps: Deps, ctx: Ctx, input: WebhookInput) {
  const staff = requireStaff(ctx.actor)
  await assertMayRegister(deps, staff.councilId, input.url)
  const secret = generateSecret('whsec_')
  return await deps.db.transaction(async (tx) => {
    // created_at by the database clock, the clock outbox events are stamped with: only later events are sent.
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({
        councilId: staff.councilId,
        url: input.url,
        description: input.description ?? '',
        secret,
        events: input.events ?? [...WEBHOOK_EVENTS],
        createdBy: staff.userId
      })
      .returning(publicColumns)
    await recordAudit(tx, ctx, {
      councilId: staff.councilId,
      entityType: 'webhook',
      entityId: row!.id,
      action: 'register',
      toState: 'active',
      after: { url: input.url, events: row!.events }
    })
    return { ...row!, secret }
  })
}

async function loadSubscription (deps: Deps, ctx: Ctx, id: string) {
  const staff = requireStaff(ctx.actor)
  const [row] = await deps.db
    .select(publicColumns)
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.councilId, staff.councilId)))
  if (row === undefined) throw notFound('Webhook')
  return row
}

export const getWebhook = loadSubscription

export async function listWebhooks (deps: Deps, ctx: Ctx) {
  const staff = requireStaff(ctx.actor)
  return await deps.db
    .select(publicColumns)
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.councilId, staff.councilId))
    .orderBy(asc(webhookSubscriptions.createdAt))
}

/** Stops deliveries (pending ones are abandoned); the log stays readable. */
export async function deactivateWebhook (deps: Deps, ctx: Ctx, id: string) {
  const sub = await loadSubscription(deps, ctx, id)
  await deps.db.transaction(async (tx) => {
    await tx
      .update(webhookSubscriptions)
      .set({ active: false, updatedAt: ctx.now, version: sql`${webhookSubscriptions.version} + 1` })
      .where(eq(webhookSubscriptions.id, id))
    await tx
      .update(webhookDeliveries)
      .set({ status: 'failed' })
      .where(and(eq(webhookDeliveries.subscriptionId, id), eq(webhookDeliveries.status, 'pending')))
    await recordAudit(tx, ctx, {
      councilId: (ctx.actor as { councilId: string }).councilId,
      entityType: 'webhook',
      entityId: id,
      action: 'deactivate',
      fromState: 'active',
      toState: 'inactive'
    })
  })
  return { ...sub, active: false }
}

export async function listWebhookDeliveries (
  deps: Deps,
  ctx: Ctx,
  id: string,
  page: { page: number; perPage: number }
) {
  await loadSubscription(deps, ctx, id)
  const where = eq(webhookDeliveries.subscriptionId, id)
  return await fetchPage(
    page,
    async (limit, offset) =>
      await deps.db
        .select({
          id: webhookDeliveries.id,
          event: webhookDeliveries.event,
          status: webhookDeliveries.status,
          attempts: webhookDeliveries.attempts,
          nextAttemptAt: webhookDeliveries.nextAttemptAt,
          deliveredAt: webhookDeliveries.deliveredAt,
          createdAt: webhookDeliveries.createdAt,
          attemptLog: webhookDeliveries.attemptLog,
          body: webhookDeliveries.body
        })
        .from(webhookDeliveries)
        .where(where)
        .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
        .limit(limit)
        .offset(offset),
    async () => await deps.db.select({ n: count() }).from(webhookDeliveries).where(where)
  )
}

/**
 * Turns new award events into one delivery per active subscription that wants them. Idempotent and safe on
 * several instances: the (subscription, event) pair is unique, a second insert does nothing.
 */
export async function fanOutAwardEvents (deps: Deps, now: Date, limit = 200): Promise<number> {
  const pending = await deps.db
    .select({
      subscriptionId: webhookSubscriptions.id,
      councilId: webhookSubscriptions.councilId,
      outboxId: outbox.id,
      topic: outbox.topic,
      payload: outbox.payload,
      occurredAt: outbox.createdAt,
      slug: councils.slug,
      name: councils.name,
      contactEmail: councils.contactEmail
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
  let created = 0
  for (const p of pending) {
    const awardId = (p.payload as { awardId?: string }).awardId
    if (awardId === undefined) continue
    const council = { id: p.councilId, slug: p.slug, name: p.name, contactEmail: p.contactEmail, version: 0 }
    // The award as published now, public fields only (never the payload's internals, never a reason).
    const data = await getPublicAward(deps.db, council, deps.config.publicBaseUrl, awardId).catch(() => null)
    if (data === null) continue
    const id = randomUUID()
    const body = JSON.stringify({
      id,
      event: p.topic,
      occurredAt: p.occurredAt.toISOString(),
      council: { slug: p.slug, name: p.name },
      data
    })
    const inserted = await deps.db
      .insert(webhookDeliveries)
      .values({
        id,
        councilId: p.councilId,
        subscriptionId: p.subscriptionId,
        outboxId: p.outboxId,
        event: p.topic,
        body,
        nextAttemptAt: now,
        createdAt: now
      })
      .onConflictDoNothing()
      .returning({ id: webhookDeliveries.id })
    created += inserted.length
  }
  return created
}

type Claimed = {
  id: string
  url: string
  secret: string
  body: string
  event: string
  attempts: number
  createdAt: Date
  subscriptionActive: boolean
}

/** Claims due deliveries with FOR UPDATE SKIP LOCKED and leases them, so two instances never send the same one. */
async function claimDue (deps: Deps, now: Date, limit: number): Promise<Claimed[]> {
  return await deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true })
    if (due.length === 0) return []
    await tx
      .update(webhookDeliveries)
      .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(
        inArray(
          webhookDeliveries.id,
          due.map((d) => d.id)
        )
      )
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
      .where(
        inArray(
          webhookDeliveries.id,
          due.map((d) => d.id)
        )
      )
  })
}

/** One signed POST to the checked address: no redirect followed, no other address tried, the body not read. */
async function post (deps: Deps, d: Claimed, now: Date, timeoutMs: number): Promise<WebhookAttempt> {
  const started = performance.now()
  const attempt = (status: number | null, error: string | null): WebhookAttempt => ({
    at: now.toISOString(),
    status,
    error,
    durationMs: Math.round(performance.now() - started)
  })
  try {
    const target = await checkTarget(d.url, targetRules(deps), deps.resolveHost)
    const status = await sendTo(target, d.body, timeoutMs, {
      'content-type': 'application/json',
      'user-agent': 'QualityMark-Webhooks/1',
      'x-qualitymark-event': d.event,
      'x-qualitymark-delivery': d.id,
      [SIGNATURE_HEADER]: signatureOf(d.secret, d.body, Math.floor(now.getTime() / 1000))
    })
    return attempt(status, status >= 200 && status < 300 ? null : `HTTP ${status}`)
  } catch (err) {
    return attempt(null, err instanceof Error ? err.message.slice(0, 300) : 'request failed')
  }
}

async function sendTo (target: CheckedTarget, body: string, timeoutMs: number, headers: Record<string, string>) {
  const { url } = target
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest
  return await new Promise<number>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: pinnedLookup(target),
        signal: AbortSignal.timeout(timeoutMs)
      },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

export interface DeliveryRun {
  fannedOut: number
  delivered: number
  retrying: number
  failed: number
}

/**
 * One run of the delivery worker (the scheduler calls it every few seconds on every instance): fan out new
 * events, then send what is due. A 2xx is delivered; anything else waits retryDelayMs(attempts), and after a
 * day of failures the delivery is marked failed.
 */
export async function deliverWebhooks (
  deps: Deps,
  now: Date,
  opts: { batch?: number; timeoutMs?: number } = {}
): Promise<DeliveryRun> {
  const run: DeliveryRun = { fannedOut: await fanOutAwardEvents(deps, now), delivered: 0, retrying: 0, failed: 0 }
  const claimed = await claimDue(deps, now, opts.batch ?? 20)
  await Promise.all(
    claimed.map(async (d) => {
      const attempt = d.subscriptionActive
        ? await post(deps, d, now, opts.timeoutMs ?? 10_000)
        : { at: now.toISOString(), status: null, error: 'subscription deactivated', durationMs: 0 }
      const ok = attempt.error === null
      const next = new Date(now.getTime() + retryDelayMs(d.attempts))
      const giveUp = !ok && (!d.subscriptionActive || next.getTime() - d.createdAt.getTime() > GIVE_UP_AFTER_MS)
      await deps.db
        .update(webhookDeliveries)
        .set({
          status: ok ? 'delivered' : giveUp ? 'failed' : 'pending',
          deliveredAt: ok ? now : null,
          nextAttemptAt: ok || giveUp ? now : next,
          attemptLog: sql`${webhookDeliveries.attemptLog} || ${JSON.stringify([attempt])}::jsonb`
        })
        .where(eq(webhookDeliveries.id, d.id))
      if (ok) run.delivered++
      else if (giveUp) run.failed++
      else run.retrying++
    })
  )
  return run
}
