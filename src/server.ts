// The process: load config, open the database, migrate, (demo data), build the app, listen, shut down gracefully.
import path from 'node:path'
import { ConfigError, loadConfig } from './config.js'
import { openDatabase } from './db/client.js'
import { buildApp } from './app.js'
import { startScheduler } from './use-cases/jobs/scheduler.js'
import { seedDemoIfEmpty } from './use-cases/demo.js'
// Registers the demo's assessments, feedback and awards (a demo step), only for the process that seeds it.
import './use-cases/demo-content.js'

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
  const database = await openDatabase({
    url: config.DATABASE_URL,
    readUrl: config.DATABASE_READ_URL,
    dataDir: embedded ? path.resolve(config.DATA_DIR, 'pglite') : undefined
  })
  await database.migrate()
  const app = await buildApp(config, { database })
  const demo = embedded && config.DEMO ? await seedDemoIfEmpty(app.deps) : null

  const address = await app.listen({ port: config.PORT, host: config.HOST })
  // Monitoring jobs every JOBS_INTERVAL_SECONDS (0 = off, e.g. when cron runs `npm run jobs:run-once`).
  const stopScheduler = startScheduler(app.deps)
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
  process.stdout.write(`${lines.join('\n')}\n\n`)

  // Graceful shutdown: stop accepting, let in-flight requests finish, close the database.
  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    const force = setTimeout(() => {
      app.log.error('forced exit after 10 s')
      process.exit(1)
    }, 10_000)
    force.unref()
    stopScheduler()
      .then(async () => {
        await app.close()
      })
      .then(
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

main().catch((error: unknown) => {
  process.stderr.write(
    `Quality Mark failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exit(1)
})
