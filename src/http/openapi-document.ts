// The OpenAPI document as committed in openapi/: generated with default configuration so it does not
// depend on the machine it was generated on. Used by `npm run openapi` and the drift test.
import { buildApp } from '../app.js'
import { loadConfig } from '../config.js'
import type { DatabaseHandle } from '../db/client.js'

// Building the app registers routes only; no query runs, so no database is opened.
const noDatabase: DatabaseHandle = {
  db: undefined as never,
  kind: 'pglite',
  migrate: async () => {},
  ping: async () => {
    throw new Error('no database')
  },
  listen: async () => ({ stop: async () => {} }),
  close: async () => {}
}

export async function generateOpenApiDocument (): Promise<string> {
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { database: noDatabase, logger: false })
  await app.ready()
  const doc = app.swagger()
  await app.close()
  return `${JSON.stringify(doc, null, 2)}\n`
}
