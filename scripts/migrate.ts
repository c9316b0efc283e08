// `npm run db:migrate`: apply pending migrations from drizzle/ to DATABASE_URL or the embedded database.
import { openFromEnvironment } from './cli.js'

const { config, database } = await openFromEnvironment()
process.stdout.write(
  `Migrations applied (${database.kind}${config.DATABASE_URL === undefined ? `, ${config.DATA_DIR}` : ''}).\n`
)
await database.close()
