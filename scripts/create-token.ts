// `npm run create-token -- --role admin [--name "Jo Bloggs"] [--council slug] [--provider id] [--label text]`
// Creates a user and prints a bearer token once: how production's first admin is bootstrapped.
// With the embedded database, stop the running service first (PGlite allows one process at a time).
import { parseArgs } from 'node:util'
import { eq } from 'drizzle-orm'
import { councils, userRoles, users, type UserRole } from '../src/db/schema/index.js'
import { issueToken } from '../src/use-cases/tokens.js'
import { fail, openFromEnvironment } from './cli.js'

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    name: { type: 'string' },
    council: { type: 'string' },
    provider: { type: 'string' },
    label: { type: 'string', default: 'created with npm run create-token' }
  }
})
const role = values.role as UserRole | undefined
if (role === undefined || !userRoles.includes(role)) fail(`--role must be one of: ${userRoles.join(', ')}`)
if (role !== 'admin' && values.council === undefined) fail('--council <slug> is required for every role but admin')
if (role === 'provider' && values.provider === undefined) fail('--provider <id> is required for a provider user')

const { database } = await openFromEnvironment()
try {
  const token = await database.db.transaction(async (tx) => {
    let councilId: string | null = null
    if (values.council !== undefined) {
      const [c] = await tx.select().from(councils).where(eq(councils.slug, values.council))
      if (c === undefined) fail(`No council with slug ${values.council}`)
      councilId = c.id
    }
    const [user] = await tx
      .insert(users)
      .values({
        role,
        councilId,
        providerId: values.provider ?? null,
        name: values.name ?? `${role} (command line)`
      })
      .returning()
    return (await issueToken(tx, user!.id, values.label)).token
  })
  process.stdout.write(`Token for a new ${role} user (shown once, store it safely):\n${token}\n`)
} finally {
  await database.close()
}
