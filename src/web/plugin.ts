// Fastify plugin for server-rendered pages (README: Pages): Nunjucks with GOV.UK Frontend's macros through
// @fastify/view (autoescape on), the built assets from dist/assets with a year's cache, the council brand
// stylesheets, reply.page(status, template, view), and HTML error and not-found pages for web routes (the API
// keeps problem+json: src/http/plugins/problems.ts).
import path from 'node:path'
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import fp from 'fastify-plugin'
import view from '@fastify/view'
import fastifyStatic from '@fastify/static'
import nunjucks from 'nunjucks'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { isDomainError } from '../domain/errors.js'
import { statusOfKind, whenDatabaseUnavailable } from '../http/plugins/problems.js'
import { projectRoot } from '../project-root.js'
import { ASSETS_DIR, loadAssets } from './asset-build.js'
import { brandStylesheet } from './brand-stylesheet.js'
import { GOVUK_DIST } from './govuk.js'
import { layoutOf, type PageCouncil } from './layout.js'
import type { MessageView, PageViews } from './views.js'

declare module 'fastify' {
  interface FastifyReply {
    /** Sends a rendered page. Pages are private and uncached unless the route set its own Cache-Control. */
    page: <K extends keyof PageViews>(status: number, template: K, view: PageViews[K]) => Promise<FastifyReply>
    /** The page's HTML without sending it (for pages cached by publication version). */
    renderPage: <K extends keyof PageViews>(template: K, view: PageViews[K]) => Promise<string>
    /** Sends a page's HTML rendered earlier (by renderPage), with the headers `page` sends. */
    sendPage: (status: number, html: string) => Promise<FastifyReply>
  }
}

const VIEWS_DIR = path.join(projectRoot(), 'src', 'web', 'views')
const YEAR = 365 * 24 * 60 * 60

export interface Message {
  title: string
  paragraphs: readonly string[]
  council?: PageCouncil | null | undefined
}

/** The view of a message page. */
export const messageView = (m: Message): MessageView => ({
  layout: layoutOf({ title: m.title, council: m.council }),
  title: m.title,
  paragraphs: m.paragraphs
})

const NOT_FOUND: Message = {
  title: 'Page not found',
  paragraphs: [
    'If you typed the web address, check it is correct.',
    'If you pasted the web address, check you copied the entire address.'
  ]
}
const CLIENT_ERROR: Message = {
  title: 'Sorry, we could not do that',
  paragraphs: ['Go back, check what you sent and try again.']
}
const SERVER_ERROR: Message = {
  title: 'Sorry, there is a problem with the service',
  paragraphs: ['Try again later.']
}

// A database that is down or frozen (README: Reliability): 503 with Retry-After.
const UNAVAILABLE: Message = {
  title: 'Sorry, the service is unavailable',
  paragraphs: ['It could not reach its records just now. Try again in a few minutes.']
}

/**
 * Call inside an encapsulated route plugin (registered with a prefix) so its unknown paths and errors render
 * HTML pages instead of problem+json. A DomainError keeps its status; its message is shown (they are written
 * for people).
 */
export function useHtmlErrorPages (app: FastifyInstance): void {
  app.setNotFoundHandler(async (_request, reply) => await reply.page(404, 'message', messageView(NOT_FOUND)))
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (isDomainError(error)) {
      const status = statusOfKind[error.kind]
      const message = status === 404 ? NOT_FOUND : { title: CLIENT_ERROR.title, paragraphs: [error.message] }
      return await reply.page(status, 'message', messageView(message))
    }
    if (whenDatabaseUnavailable(error, request, reply)) {
      return await reply.page(503, 'message', messageView(UNAVAILABLE))
    }
    const status = hasZodFastifySchemaValidationErrors(error) ? 400 : (error.statusCode ?? 500)
    if (status >= 400 && status < 500) {
      return await reply.page(status, 'message', messageView(status === 404 ? NOT_FOUND : CLIENT_ERROR))
    }
    request.log.error({ err: error }, 'unhandled error on a page')
    return await reply.page(500, 'message', messageView(SERVER_ERROR))
  })
}

export default fp(
  async function web (app: FastifyInstance) {
    const assets = await loadAssets()
    await app.register(view, {
      engine: { nunjucks },
      templates: [VIEWS_DIR, GOVUK_DIST],
      options: {
        autoescape: true,
        onConfigure: (env: nunjucks.Environment) => {
          env.addGlobal('assets', assets)
        }
      }
    })
    app.decorateReply('renderPage', async function (this: FastifyReply, template: string, data: object) {
      return await this.viewAsync(`${template}.njk`, data)
    })
    app.decorateReply('sendPage', async function (this: FastifyReply, status: number, html: string) {
      if (!this.hasHeader('cache-control')) this.header('cache-control', 'no-store')
      return await this.code(status).type('text/html; charset=utf-8').send(html)
    })
    app.decorateReply('page', async function (this: FastifyReply, status: number, template: string, data: object) {
      return await this.sendPage(status, await this.viewAsync(`${template}.njk`, data))
    })

    // Every name carries its content's hash, so a year's cache is safe (src/web/asset-build.ts).
    await app.register(fastifyStatic, {
      root: ASSETS_DIR,
      prefix: '/assets/',
      immutable: true,
      maxAge: YEAR * 1000,
      index: false,
      schemaHide: true,
      allowedPath: (pathName) => !pathName.includes('/.') && !pathName.endsWith('/manifest.json')
    })
    app.get('/assets/brand/:file', { schema: { hide: true } }, async (request, reply) => {
      const { file } = request.params as { file: string }
      const css = brandStylesheet(file)
      if (css === null) return await reply.code(404).type('text/plain; charset=utf-8').send('Not found')
      return await reply
        .header('cache-control', `public, max-age=${YEAR}, immutable`)
        .type('text/css; charset=utf-8')
        .send(css)
    })
  },
  { name: 'web' }
)
