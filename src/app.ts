// buildApp: the Fastify instance with its plugins, routes and error handling. No listening here (server.ts).
import Fastify, { type FastifyServerOptions } from 'fastify'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import underPressure from '@fastify/under-pressure'
import formbody from '@fastify/formbody'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Logger } from 'pino'
import type { Config } from './config.js'
import type { DatabaseHandle } from './db/client.js'
import type { Deps } from './use-cases/context.js'
import { systemResolver, type ResolveHost } from './use-cases/webhook-targets.js'
import type { Channels } from './use-cases/notification-channels.js'
import { channelsFromConfig } from './notifications/index.js'
import problems, { frameworkErrors, problem, sendProblem } from './http/plugins/problems.js'
import { DATABASE_RETRY_AFTER_SECONDS } from './db/unavailable.js'
import auth from './http/plugins/auth.js'
import session from './http/plugins/session.js'
import textSafety from './http/plugins/text-safety.js'
import openapi from './http/plugins/openapi.js'
import web from './web/plugin.js'
import { govukInlineScriptSource } from './web/govuk.js'
import { loggerOptions, requestIdOf } from './http/plugins/logging.js'
import { answersWhileStarting, healthRoutes } from './http/routes/health.js'
import { adminRoutes } from './http/routes/admin.js'
import { providerRoutes } from './http/routes/providers.js'
import { schemeRoutes } from './http/routes/schemes.js'
import { assessmentRoutes } from './http/routes/assessments.js'
import { awardRoutes } from './http/routes/awards.js'
import { concernRoutes } from './http/routes/concerns.js'
import { jobRoutes } from './http/routes/jobs.js'
import { notificationRoutes } from './http/routes/notifications.js'
import { appealRoutes } from './http/routes/appeals.js'
import { orukRoutes } from './http/routes/oruk.js'
import { feedRoutes } from './http/routes/feed.js'
import { webhookRoutes } from './http/routes/webhooks.js'
import { badgeRoutes } from './http/routes/badges.js'
import { directoryRoutes } from './web/directory/routes.js'
import { feedbackRoutes } from './http/routes/feedback.js'
import { feedbackWebRoutes } from './web/feedback/routes.js'
import { homeRoutes } from './web/home/routes.js'
import { verifyRoutes } from './web/verify/routes.js'
import { reportRoutes } from './http/routes/reports.js'
import { councilSsoRoutes } from './http/routes/council-sso.js'
import { passkeyAssetRoutes, signInRoutes } from './web/sign-in/routes.js'
import { accountRoutes } from './web/account/routes.js'
import { joinRoutes } from './web/join/routes.js'
import { manageInterestRoutes } from './web/manage/interest-routes.js'
import { demoMailboxRoutes } from './web/demo-mailbox/routes.js'
import { workQueueRoutes } from './web/manage/queue-routes.js'
import { manageProviderRoutes } from './web/manage/provider-routes.js'
import { manageAssessmentRoutes } from './web/manage/assessment-routes.js'
import { manageAwardRoutes } from './web/manage/award-routes.js'
import { manageConcernRoutes } from './web/manage/concern-routes.js'
import { manageAppealRoutes } from './web/manage/appeal-routes.js'
import { providerPortalRoutes } from './web/provider/routes.js'
import { manageFeedbackRoutes } from './web/manage/feedback/routes.js'
import { manageSettingsRoutes } from './web/manage/settings-routes.js'
import { manageReportRoutes } from './web/manage/report-routes.js'
import { manageSchemeRoutes } from './web/manage/scheme-routes.js'
import { certificateRoutes } from './web/provider/certificate.js'
import { PUBLICATION_CHANNEL, publicationFreshness } from './use-cases/publication/freshness.js'
import { councilReadCache, WORK_QUEUE_CHANNEL } from './use-cases/council-read-cache.js'

export interface BuildOptions {
  database: DatabaseHandle
  /** Injected in tests to move time; defaults to the wall clock. */
  clock?: () => Date
  /** false silences logs (tests); default: pino at config.LOG_LEVEL */
  logger?: FastifyServerOptions['logger']
  /** Injected in tests to answer DNS for webhook targets; defaults to the system resolver. */
  resolveHost?: ResolveHost
  /** message channels; default: chosen from the configuration (src/notifications) */
  channels?: Channels
  /**
   * False while the process still waits for its database and migrations (src/server.ts): readiness and every
   * route but liveness answer 503 meanwhile. Default: always serving.
   */
  serving?: () => boolean
  /** Awaited on close after the last request and before the database closes: the process's background work. */
  beforeDatabaseCloses?: () => Promise<void>
}

export async function buildApp (config: Config, opts: BuildOptions) {
  const app = Fastify({
    logger: opts.logger ?? loggerOptions(config),
    bodyLimit: config.BODY_LIMIT_BYTES,
    // req.ip (rate-limit keys) is the client address the trusted proxies name; off unless TRUST_PROXY is set
    trustProxy: trustProxyOption(config.TRUST_PROXY),
    // X-Request-Id is read by requestIdOf, which keeps only a short, plain one (src/http/plugins/logging.ts)
    requestIdHeader: false,
    genReqId: requestIdOf,
    // Strict JSON: unknown fields are refused by the zod schemas; prototype pollution keys by the parser.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // the router's own refusals (414, malformed URL) as problem+json, like every other answer
    frameworkErrors
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  const councilReads = councilReadCache()
  const deps: Deps = {
    db: opts.database.db,
    config,
    clock: opts.clock ?? (() => new Date()),
    log: app.log as unknown as Logger,
    resolveHost: opts.resolveHost ?? systemResolver,
    channels: opts.channels ?? channelsFromConfig(config),
    councilReads
  }
  app.decorate('deps', deps)
  // Every instance hears each new publication version, so cached feed pages cost no query (README: Publication).
  const publication = publicationFreshness({
    primary: opts.database.db,
    replica: opts.database.replica,
    maxLagMs: config.DATABASE_READ_MAX_LAG_MS
  })
  const listening = await opts.database.listen(PUBLICATION_CHANNEL, publication)
  const queueListening = await opts.database.listen(WORK_QUEUE_CHANNEL, councilReads)
  // A write through this instance is seen by its writer at once, before the NOTIFY comes back: the handler's
  // transaction has committed by the time its answer is sent (src/use-cases/council-read-cache.ts).
  app.addHook('onSend', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') councilReads.changed()
  })

  await app.register(problems)
  const serving = opts.serving ?? (() => true)
  app.addHook('onRequest', async (request, reply) => {
    if (serving() || answersWhileStarting(request.url)) return
    reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
    return await sendProblem(request, reply, problem(503, { code: 'DATABASE_UNREACHABLE', detail: 'Starting up' }))
  })
  await app.register(textSafety)
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        // GOV.UK Frontend's one inline script, by its hash; everything else from the service (README: Pages)
        scriptSrc: ["'self'", govukInlineScriptSource()],
        formAction: ["'self'"]
      }
    }
  })
  await app.register(rateLimit, { max: config.RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' })
  await app.register(underPressure, {
    maxEventLoopDelay: config.MAX_EVENT_LOOP_DELAY_MS,
    retryAfter: 10,
    exposeStatusRoute: false
  })
  await app.register(formbody, { bodyLimit: 64 * 1024 })
  await app.register(web)
  await app.register(session, { deps })
  await app.register(auth, { deps })
  await app.register(openapi, { serverUrl: config.publicBaseUrl })

  await app.register(healthRoutes, { prefix: '/health', database: opts.database, serving })
  await app.register(adminRoutes, { prefix: '/api/v1', deps })
  await app.register(providerRoutes, { prefix: '/api/v1/providers', deps })
  await app.register(schemeRoutes, { prefix: '/api/v1/scheme-versions', deps })
  await app.register(assessmentRoutes, { prefix: '/api/v1/assessments', deps })
  await app.register(awardRoutes, { prefix: '/api/v1/awards', deps })
  await app.register(concernRoutes, { prefix: '/api/v1/concerns', deps })
  await app.register(jobRoutes, { prefix: '/api/v1/jobs', deps })
  await app.register(notificationRoutes, { prefix: '/api/v1/notifications', deps })
  await app.register(appealRoutes, { prefix: '/api/v1/appeals', deps })
  await app.register(orukRoutes, { prefix: '/oruk', deps, publication })
  await app.register(feedRoutes, { prefix: '/api/v1/public/:council', deps, publication })
  await app.register(webhookRoutes, { prefix: '/api/v1/webhooks', deps })
  await app.register(badgeRoutes, { deps })
  await app.register(verifyRoutes, { prefix: '/verify', deps })
  await app.register(directoryRoutes, { prefix: '/directory', deps, publication })
  await app.register(feedbackRoutes, { prefix: '/api/v1', deps })
  await app.register(feedbackWebRoutes, { prefix: '/feedback', deps })
  await app.register(reportRoutes, { prefix: '/api/v1/reports', deps })
  await app.register(homeRoutes, { deps })
  await app.register(councilSsoRoutes, { prefix: '/api/v1', deps })
  await app.register(passkeyAssetRoutes)
  await app.register(signInRoutes, { prefix: '/sign-in', deps })
  await app.register(accountRoutes, { prefix: '/account', deps })
  await app.register(joinRoutes, { prefix: '/join', deps })
  await app.register(manageInterestRoutes, { prefix: '/manage/interest', deps })
  await app.register(demoMailboxRoutes, { prefix: '/demo-mailbox', deps })
  await app.register(workQueueRoutes, { prefix: '/manage', deps })
  await app.register(manageProviderRoutes, { prefix: '/manage/providers', deps })
  await app.register(manageAssessmentRoutes, { prefix: '/manage/assessments', deps })
  await app.register(manageAwardRoutes, { prefix: '/manage/awards', deps })
  await app.register(manageConcernRoutes, { prefix: '/manage/concerns', deps })
  await app.register(manageAppealRoutes, { prefix: '/manage/appeals', deps })
  await app.register(providerPortalRoutes, { prefix: '/provider', deps })
  await app.register(manageFeedbackRoutes, { prefix: '/manage/feedback', deps })
  await app.register(manageSettingsRoutes, { prefix: '/manage/settings', deps })
  await app.register(manageReportRoutes, { prefix: '/manage/reports', deps })
  await app.register(manageSchemeRoutes, { prefix: '/manage/scheme', deps })
  await app.register(certificateRoutes, { prefix: '/provider/award', deps })

  app.addHook('onClose', async () => {
    await opts.beforeDatabaseCloses?.()
    await deps.channels.close()
    await listening.stop()
    await queueListening.stop()
    await opts.database.close()
  })
  return app
}

// A hop count as fastify applies it (proxy-addr: trust the nearest `hops` addresses), typed as its option allows.
function trustProxyOption (setting: Config['TRUST_PROXY']) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting
}

export type App = Awaited<ReturnType<typeof buildApp>>

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps
  }
}
