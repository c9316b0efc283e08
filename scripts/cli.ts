// Shared start-up for the command-line scripts: config from the environment, the database opened and migrated.
import path from 'node:path'
import { ConfigError, loadConfig, type Config } from '../src/config.js'
import { openDatabase, type DatabaseHandle } from '../src/db/client.js'

export async function openFromEnvironment (): Promise<{ config: Config; database: DatabaseHandle }> {
  let config: Config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(78)
    }
    throw error
  }
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATABASE_URL === undefined ? path.resolve(config.DATA_DIR, 'pglite') : undefined
  })
  await database.migrate()
  return { config, database }
}

export function fail (message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(2)
}
