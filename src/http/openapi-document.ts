// The OpenAPI document as committed in openapi/: generated with default configuration so it does not
// depend on the machine it was generated on. Used by `npm run openapi` and the drift test.
import { buildApp } from '../app.js'
import { loadConfig } from '../config.js'
import { unopenedDatabase } from '../db/client.js'

export async function generateOpenApiDocument (): Promise<string> {
  // Building the app registers routes only: no query runs, so no database is opened.
  const database = await unopenedDatabase()
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { database, logger: false })
  await app.ready()
  const doc = app.swagger()
  await app.close()
  return `${JSON.stringify(doc, null, 2)}\n`
}
