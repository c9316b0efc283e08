// The process: load config, open the database, build the app, listen, migrate once the database answers, (demo
// data), serve, shut down gracefully (README: Reliability).
import path from 'node:path'
import { ConfigError, loadConfig } from './config.js'
import { openDatabase, type DatabaseHandle } from './db/client.js'
import { isDatabaseUnavailable } from './db/unavailable.js'
import { buildApp, type App } from './app.js'
import { loggerOptions } from './http/plugins/logging.js'
import { nonBlockingStdout } from './log-destination.js'
import { startScheduler, type StopScheduler } from './use-cases/jobs/scheduler.js'
import { demoStories } from './use-cases/demo-content.js'
import { seedDemoIfEmpty } from './use-cases/demo.js'
// Registers the demo's assessments, feedback and awards (a demo step), only for the process that seeds it.

async function main () {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(78) // EX_CONFIG
    }
    throw error
  }
  const embedded = config.DATABASE_URL === undefined
  // Logs and the start-up lines never block the event loop on a stalled stdout reader (src/log-destination.ts).
  const stdout = nonBlockingStdout()
  const print = (text: string) => (stdout !== undefined ? stdout.write(text) : process.stdout.write(text))
  const database = await openDatabase({
    url: config.DATABASE_URL,
    readUrl: config.DATABASE_READ_URL,
    dataDir: embedded ? path.resolve(config.DATA_DIR, 'pglite') : undefined,
    timeoutMs: config.DATABASE_TIMEOUT_MS,
    watchdog: config.DATABASE_WATCHDOG
  })
  let serving = false
  let stopScheduler: StopScheduler = async () => {}
  const app = await buildApp(config, {
    database,
    logger: loggerOptions(config, stdout),
    serving: () => serving,
    // the database closes only after the background work has ended too (or been given up: shutdown below)
    beforeDatabaseCloses: async () => await stopScheduler(SHUTDOWN_GRACE_MS)
  })
  installShutdown(app)

  // Listen first, so liveness answers (and readiness says 503) while the database is still awaited.
  const address = await app.listen({ port: config.PORT, host: config.HOST })
  await migrateWhenReachable(database, app.log)
  const demo = embedded && config.DEMO ? await seedDemoIfEmpty(app.deps, [demoStories]) : null
  serving = true
  // Monitoring jobs every JOBS_INTERVAL_SECONDS (0 = off, e.g. when cron runs `npm run jobs:run-once`).
  stopScheduler = startScheduler(app.deps)
  // PUBLIC_BASE_URL wins; otherwise say where we really listen (PORT=0 picks a free port).
  const base = config.PUBLIC_BASE_URL !== undefined ? config.publicBaseUrl : address.replace('0.0.0.0', 'localhost')
  const dataDir = path.resolve(config.DATA_DIR)
  const lines = [
    '',
    `Quality Mark is running at ${base}`,
    `  API docs:   ${base}/docs`,
    `  Database:   ${embedded ? `embedded PostgreSQL in ${dataDir}` : 'PostgreSQL (DATABASE_URL)'}`
  ]
  if (demo !== null) {
    lines.push(`  Demo council: ${demo.councilName} (${demo.councilSlug})`)
    if (demo.coordinatorToken !== null) lines.push(`  Demo co-ordinator token: ${demo.coordinatorToken}`)
    // Demo links are made before listening, from the configured base; show them at the real address.
    lines.push(...demo.links.map((l) => `  ${l.replaceAll(config.publicBaseUrl, base)}`))
  }
  print(`${lines.join('\n')}\n\n`)
}

/** Each of the in-flight requests and the background work gets this long at shutdown; the exit is forced later. */
const SHUTDOWN_GRACE_MS = 4000
const FORCED_EXIT_MS = 10_000

/**
 * Graceful shutdown (README: Reliability): stop accepting at once (a request on a kept-alive connection gets 503),
 * let in-flight requests finish, and meanwhile stop the background loops, whose run in flight (jobs, webhook
 * deliveries, messages) is told to give up after the grace period; then close the database and exit 0. A request
 * still open after the grace period has its connection closed; the forced exit comes well after all that.
 */
function installShutdown (app: App): void {
  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    const force = setTimeout(() => {
      app.log.error(`forced exit after ${FORCED_EXIT_MS / 1000} s`)
      process.exit(1)
    }, FORCED_EXIT_MS)
    force.unref()
    const dropSlowRequests = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS)
    dropSlowRequests.unref()
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while closing')
        process.exit(1)
      }
    )
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

/**
 * Migrations once the database answers: while it does not (down, starting, unreachable), try again with a back-off
 * from 250 ms doubling to at most 5 s, for as long as it takes, so a supervisor starting the service before its
 * database does not crash-loop it. Any other failure (a wrong password, a broken migration) ends the start.
 */
async function migrateWhenReachable (database: DatabaseHandle, log: App['log']): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await database.migrate()
      if (attempt > 0) log.warn({ attempts: attempt + 1 }, 'database reachable; migrated')
      return
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error
      const waitMs = Math.min(5000, 250 * 2 ** attempt)
      log.warn({ err: error, retryInMs: waitMs }, 'database unavailable at start; waiting for it')
      await new Promise((resolve) => setTimeout(resolve, waitMs))
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Quality Mark failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exit(1)
})
