// The demo mailbox (README: The demo): with no email channel configured, messages stay in the database and are
// shown here, so a newcomer can follow a sign-in link. Where a channel is configured the page does not exist.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Deps } from '../../use-cases/context.js'
import { listDemoMailbox } from '../../use-cases/notifications.js'
import { html, joinHtml, type Html } from '../html.js'
import { renderPage } from '../layout.js'
import { useHtmlErrorPages } from '../plugin.js'

/** Message text with this service's own links made clickable (other text stays text). */
function linkify (base: string, text: string): Html {
  const parts = text.split(/(https?:\/\/\S+)/)
  return joinHtml(parts.map((p) => (p.startsWith(`${base}/`) ? html`<a href="${p}">${p}</a>` : p)))
}

/** Registered with the prefix /demo-mailbox. */
export const demoMailboxRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    if (deps.channels.email !== null) return reply.callNotFound()
    const messages = await listDemoMailbox(deps)
    const base = deps.config.publicBaseUrl
    return reply.html(
      200,
      renderPage({
        title: 'Demo mailbox',
        phase: 'demo',
        body: html`<h1 class="heading-xl">Demo mailbox</h1>
          <div class="inset">
            <p>
              This service has no email set up, so nothing is really sent. Every email it would have sent is shown
              here instead, newest first. A real service sends them by GOV.UK Notify or SMTP (see the README).
            </p>
          </div>
          ${messages.length === 0 ? html`<p>No messages yet.</p>` : ''}
          ${messages.map(
            (m) => html`<section class="mailbox-message" aria-labelledby="message-${m.id}">
              <h2 class="heading-m" id="message-${m.id}">${m.subject}</h2>
              <p class="caption">To ${m.address}, ${m.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</p>
              ${m.body.split('\n').filter((l) => l.trim() !== '').map((l) => html`<p>${linkify(base, l)}</p>`)}
            </section>`
          )}`
      })
    )
  })
}
