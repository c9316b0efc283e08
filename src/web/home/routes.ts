// The service's front page at /: which councils run a Quality Mark here, with links to their directory
// and open data feed, and to the API documentation — so the address `npm start` prints leads somewhere.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { asc } from 'drizzle-orm'
import type { Deps } from '../../use-cases/context.js'
import { councils } from '../../db/schema/index.js'
import { html, joinHtml } from '../html.js'
import { renderPage } from '../layout.js'

export const homeRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    const rows = await deps.db
      .select({ slug: councils.slug, name: councils.name })
      .from(councils)
      .orderBy(asc(councils.name))
    const list =
      rows.length === 0
        ? html`<p>No council runs a Quality Mark here yet.</p>`
        : html`<ul>
            ${joinHtml(
              rows.map(
                (c) =>
                  html`<li>
                    <a href="/directory/${c.slug}">${c.name}: find quality-marked care and support</a> (<a
                      href="/oruk/${c.slug}/services"
                      >open data feed</a
                    >)
                  </li>`
              )
            )}
          </ul>`
    return reply.header('cache-control', 'no-cache').html(
      200,
      renderPage({
        title: 'Find care and support with a Quality Mark',
        body: html`<h1 class="heading-xl">Find care and support with a Quality Mark</h1>
          <p class="lead">
            Councils award a gold, silver or bronze Quality Mark to small local care and support services. The mark is
            based on how well a service follows good procedures and on what the people it supports say about it.
          </p>
          <h2 class="heading-l">Councils</h2>
          ${list}
          <h2 class="heading-l">For co-ordinators, providers and directories</h2>
          <p>The service has an API: <a href="/docs">read the API documentation</a>.</p>`
      })
    )
  })
}
