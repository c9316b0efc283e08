// Routes of scheme versions: read (providers: published only), draft / edit / validate / publish / discard / diff
// (co-ordinators), and the what-if scorer.
import type { FastifySchemaCompiler } from 'fastify'
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { listAuditEvents } from '../../use-cases/audit.js'
import { etagOf, requireIfMatch } from '../../use-cases/concurrency.js'
import type { Deps } from '../../use-cases/context.js'
import { scoreWhatIf } from '../../use-cases/scheme-what-if.js'
import {
  createSchemeDraft,
  diffSchemeVersions,
  discardSchemeDraft,
  getCurrentPublishedSchemeFor,
  getSchemeVersion,
  listSchemeVersions,
  publishSchemeDraft,
  replaceSchemeDraftDocument,
  requireValidSchemeDocument
} from '../../use-cases/schemes.js'
import { providerSideRoles, staffRoles } from '../plugins/auth.js'
import { auditListSchema } from '../schemas/audit.js'
import { IF_MATCH_REQUIRED_CODES, idParams, ifMatchHeaders } from '../schemas/common.js'
import { problemResponses } from '../schemas/problem.js'
import {
  schemeDiffQuery,
  schemeDiffSchema,
  schemeDocumentSchema,
  schemeDraftCreateSchema,
  schemeValidationSchema,
  schemeVersionListQuery,
  schemeVersionListSchema,
  schemeVersionSchema,
  whatIfInputSchema,
  whatIfResultSchema
} from '../schemas/schemes.js'
import { ctxOf } from './context.js'
import { presentScore } from '../presenters/score.js'

const TAGS = ['schemes']
/** What a change to a draft may answer (src/use-cases/schemes.ts: lockDraft). */
const DRAFT_CHANGE_CODES = ['NOT_FOUND', 'SCHEME_VERSION_PUBLISHED', ...IF_MATCH_REQUIRED_CODES] as const

/**
 * A scheme document is checked by the domain (structure AND cross-field rules) so a co-ordinator gets ONE 422
 * listing every problem (README: Scheme versions and scoring), not a 400 for structure then a 422 for the rest. The
 * body schema still documents the shape in OpenAPI; the other parts of the request are validated as usual.
 */
function documentBodyCompiler<S> (
  route: Parameters<FastifySchemaCompiler<S>>[0]
): ReturnType<FastifySchemaCompiler<S>> {
  if (route.httpPart === 'body') return (data: unknown) => ({ value: data })
  const { schema } = route
  if (!(schema instanceof z.ZodType)) throw new Error(`${route.url}: its ${route.httpPart} schema is not a zod schema`)
  return validatorCompiler({ ...route, schema })
}

export const schemeRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags: TAGS,
        summary: "List your council's scheme versions (providers see published ones)",
        querystring: schemeVersionListQuery,
        response: { 200: schemeVersionListSchema }
      }
    },
    async (request) => (await listSchemeVersions(deps, ctxOf(request), request.query))
  )

  app.get(
    '/current',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags: TAGS,
        summary: 'The published version new assessments use',
        response: { 200: schemeVersionSchema, ...problemResponses('SCHEME_NOT_PUBLISHED') }
      }
    },
    async (request, reply) => {
      const row = await getCurrentPublishedSchemeFor(deps, ctxOf(request))
      return await reply.header('etag', etagOf(row.version)).send(row)
    }
  )

  app.post(
    '/',
    {
      config: { roles: staffRoles },
      schema: {
        tags: TAGS,
        summary: 'Start a draft from the default scheme or from a version of your council (one draft at a time)',
        body: schemeDraftCreateSchema,
        response: { 201: schemeVersionSchema, ...problemResponses('NOT_FOUND', 'SCHEME_DRAFT_EXISTS') }
      }
    },
    async (request, reply) => {
      const row = await createSchemeDraft(deps, ctxOf(request), request.body)
      return await reply
        .code(201)
        .header('etag', etagOf(row.version))
        .header('location', `/api/v1/scheme-versions/${row.id}`)
        .send(row)
    }
  )

  app.post(
    '/validate',
    {
      config: { roles: staffRoles },
      validatorCompiler: documentBodyCompiler,
      schema: {
        tags: TAGS,
        summary: 'Check a scheme document without saving it: 200, or 422 listing every problem',
        body: schemeDocumentSchema,
        response: { 200: schemeValidationSchema, ...problemResponses('SCHEME_DOCUMENT_INVALID') }
      }
    },
    async (request) => {
      requireValidSchemeDocument(request.body)
      return { valid: true as const, problems: [] }
    }
  )

  app.get(
    '/:id',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags: TAGS,
        summary: 'Read a scheme version with its document',
        params: idParams,
        response: { 200: schemeVersionSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) => {
      const row = await getSchemeVersion(deps, ctxOf(request), request.params.id)
      return await reply.header('etag', etagOf(row.version)).send(row)
    }
  )

  app.put(
    '/:id/document',
    {
      config: { roles: staffRoles },
      validatorCompiler: documentBodyCompiler,
      schema: {
        tags: TAGS,
        summary: "Replace a draft's whole document (send If-Match); a published version is immutable (409)",
        params: idParams,
        headers: ifMatchHeaders,
        body: schemeDocumentSchema,
        response: { 200: schemeVersionSchema, ...problemResponses(...DRAFT_CHANGE_CODES, 'SCHEME_DOCUMENT_INVALID') }
      }
    },
    async (request, reply) => {
      const row = await replaceSchemeDraftDocument(
        deps,
        ctxOf(request),
        request.params.id,
        requireIfMatch(request.headers['if-match']),
        request.body
      )
      return await reply.header('etag', etagOf(row.version)).send(row)
    }
  )

  app.post(
    '/:id/publish',
    {
      config: { roles: staffRoles },
      schema: {
        tags: TAGS,
        summary: 'Publish a draft (send If-Match): immutable from then on, and new assessments use it',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 200: schemeVersionSchema, ...problemResponses(...DRAFT_CHANGE_CODES, 'SCHEME_DOCUMENT_INVALID') }
      }
    },
    async (request, reply) => {
      const row = await publishSchemeDraft(
        deps,
        ctxOf(request),
        request.params.id,
        requireIfMatch(request.headers['if-match'])
      )
      return await reply.header('etag', etagOf(row.version)).send(row)
    }
  )

  app.delete(
    '/:id',
    {
      config: { roles: staffRoles },
      schema: {
        tags: TAGS,
        summary: 'Discard a draft (send If-Match); published versions stay for ever',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 204: z.null().describe('Discarded'), ...problemResponses(...DRAFT_CHANGE_CODES) }
      }
    },
    async (request, reply) => {
      await discardSchemeDraft(deps, ctxOf(request), request.params.id, requireIfMatch(request.headers['if-match']))
      return await reply.code(204).send(null)
    }
  )

  app.get(
    '/:id/diff',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags: TAGS,
        summary: 'What changed from another version (default: the one it was copied from) to this one',
        params: idParams,
        querystring: schemeDiffQuery,
        response: { 200: schemeDiffSchema, ...problemResponses('NOT_FOUND', 'SCHEME_DIFF_BASE_REQUIRED') }
      }
    },
    async (request) => (await diffSchemeVersions(deps, ctxOf(request), request.params.id, request.query.from))
  )

  app.post(
    '/:id/what-if',
    {
      config: { roles: staffRoles },
      schema: {
        tags: TAGS,
        summary: 'Score a hypothetical provider against this version, with the reasons for each level not reached',
        params: idParams,
        body: whatIfInputSchema,
        response: { 200: whatIfResultSchema, ...problemResponses('NOT_FOUND', 'WHAT_IF_INPUT_INVALID') }
      }
    },
    async (request) => {
      const { result, ...rest } = await scoreWhatIf(deps, ctxOf(request), request.params.id, request.body)
      return { ...rest, result: presentScore(result) }
    }
  )

  app.get(
    '/:id/history',
    {
      config: { roles: staffRoles },
      schema: {
        tags: TAGS.concat('audit'),
        summary: "The scheme version's audit trail",
        params: idParams,
        response: { 200: auditListSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => {
      const version = await getSchemeVersion(deps, ctxOf(request), request.params.id)
      return { items: await listAuditEvents(deps.db, version.councilId, 'scheme_version', version.id) }
    }
  )
}
