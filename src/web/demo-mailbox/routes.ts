// The demo mailbox (README: The demo): with no email channel configured, messages stay in the database and are
// shown here, so a newcomer can follow a sign-in link. Where a channel is configured the page does not exist.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Deps } from '../../use-cases/context.js'
import { listDemoMailbox } from '../../use-cases/notifications.js'
import { layoutOf, type PageView } from '../layout.js'
import { useHtmlErrorPages } from '../plugin.js'

interface TextPart {
  text: string
  href: string | null
}
export interface DemoMailboxView extends PageView {
  messages: ReadonlyArray<{ id: string; subject: string; to: string; at: string; lines: TextPart[][] }>
}
declare module '../views.js' {
  interface PageViews {
    'demo-mailbox': DemoMailboxView
  }
}

/** A line of a message, with this service's own links made clickable (other text stays text). */
const partsOf = (base: string, line: string): TextPart[] =>
  line
    .split(/(https?:\/\/\S+)/)
    .filter((p) => p !== '')
    .map((p) => ({ text: p, href: p.startsWith(`${base}/`) ? p : null }))

/** Registered with the prefix /demo-mailbox. */
export const demoMailboxRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    if (deps.channels.email !== null) return reply.callNotFound()
    const messages = (await listDemoMailbox(deps)).map((m) => ({
      id: m.id,
      subject: m.subject,
      to: m.address,
      at: `${m.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      lines: m.body
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => partsOf(deps.config.publicBaseUrl, l))
    }))
    return await reply.page(200, 'demo-mailbox', { layout: layoutOf({ title: 'Demo mailbox' }), messages })
  })
}
