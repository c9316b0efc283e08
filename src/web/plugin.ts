// Fastify plugin for server-rendered pages: reply.html(status, page), the stylesheet route, and HTML
// error and not-found pages for web routes (the API keeps problem+json: src/http/plugins/problems.ts).
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import fp from 'fastify-plugin'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { isDomainError } from '../domain/errors.js'
import { statusOfKind, whenDatabaseUnavailable } from '../http/plugins/problems.js'
import { html } from './html.js'
import { renderPage, type Page } from './layout.js'
import { SITE_CSS, SITE_CSS_ETAG } from './assets.js'

declare module 'fastify' {
  interface FastifyReply {
    /** Sends a rendered page. Pages are private and uncached unless the route set its own Cache-Control. */
    html: (status: number, page: Page) => FastifyReply
  }
}

export interface MessagePage {
  title: string
  paragraphs: readonly string[]
  councilName?: string | null | undefined
}

/** A kind explanation page: a heading and a few plain-English sentences, never a stack trace. */
export const renderMessagePage = (m: MessagePage): Page =>
  renderPage({
    title: m.title,
    councilName: m.councilName,
    body: html`<h1>${m.title}</h1>
      ${m.paragraphs.map((p) => html`<p>${p}</p>`)}`
  })

const NOT_FOUND: MessagePage = {
  title: 'Page not found',
  paragraphs: [
    'If you typed the web address, check it is correct.',
    'If you pasted the web address, check you copied the entire address.'
  ]
}
const CLIENT_ERROR: MessagePage = {
  title: 'Sorry, we could not do that',
  paragraphs: ['Go back, check what you sent and try again.']
}
const SERVER_ERROR: MessagePage = {
  title: 'Sorry, there is a problem with the service',
  paragraphs: [
    'Try again later. Nothing you sent has been lost or half saved: if it did not go through, you can send it again.'
  ]
}

const UNAVAILABLE: MessagePage = {
  title: 'Sorry, the service is unavailable',
  paragraphs: ['It could not reach its records just now. Try again in a few minutes.']
}

/**
 * Call inside an encapsulated route plugin (registered with a prefix) so its unknown paths and errors render
 * HTML pages instead of problem+json. A DomainError keeps its status; its message is shown (they are written
 * for people).
 */
export function useHtmlErrorPages (app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => reply.html(404, renderMessagePage(NOT_FOUND)))
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDomainError(error)) {
      const status = statusOfKind[error.kind]
      return reply.html(
        status,
        renderMessagePage(status === 404 ? NOT_FOUND : { title: CLIENT_ERROR.title, paragraphs: [error.message] })
      )
    }
    if (whenDatabaseUnavailable(error, request, reply)) return reply.html(503, renderMessagePage(UNAVAILABLE))
    const status = hasZodFastifySchemaValidationErrors(error) ? 400 : (error.statusCode ?? 500)
    if (status >= 400 && status < 500) {
      return reply.html(status, renderMessagePage(status === 404 ? NOT_FOUND : CLIENT_ERROR))
    }
    request.log.error({ err: error }, 'unhandled error on a page')
    return reply.html(500, renderMessagePage(SERVER_ERROR))
  })
}

export default fp(
  async function web (app: FastifyInstance) {
    app.decorateReply('html', function (this: FastifyReply, status: number, page: Page) {
      if (!this.hasHeader('cache-control')) this.header('cache-control', 'no-store')
      return this.code(status).type('text/html; charset=utf-8').send(page.value)
    })

    // Versioned by SITE_CSS_HREF's query, so a year's cache is safe; the ETag answers revalidation with 304.
    app.get('/assets/site.css', { schema: { hide: true } }, async (request, reply) => {
      reply.header('etag', SITE_CSS_ETAG).header('cache-control', 'public, max-age=31536000, immutable')
      if (request.headers['if-none-match'] === SITE_CSS_ETAG) return await reply.code(304).send()
      return await reply.type('text/css; charset=utf-8').send(SITE_CSS)
    })
  },
  { name: 'web' }
)
