// Routes of assessments: open, one endpoint per workflow action, the checklist, evidence (with private file
// upload and download), the live score and the decision. Thin: the rules live in src/use-cases and src/domain.
import multipart from '@fastify/multipart'
import { UnsafeTextError, unsafeTextIn } from '../plugins/text-safety.js'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actOnAssessment, getAssessment, listAssessments, openAssessment } from '../../use-cases/assessments.js'
import { listAuditEvents } from '../../use-cases/audit.js'
import { etagOf, parseIfMatch } from '../../use-cases/concurrency.js'
import type { Deps } from '../../use-cases/context.js'
import {
  acceptDecision,
  commentOnDecision,
  getDecision,
  getLiveScore,
  proposeDecision,
  publishDecision
} from '../../use-cases/decisions.js'
import {
  addEvidence,
  attachEvidenceFiles,
  getEvidenceFile,
  reviewEvidence,
  UploadRefused,
  type UploadedFile
} from '../../use-cases/evidence.js'
import { spoolUpload } from '../../use-cases/uploads.js'
import type { AssessmentEvent } from '../../domain/workflow/index.js'
import { EVIDENCE_MEDIA_TYPES } from '../../domain/evidence/file-types.js'
import { sendEvidenceFile } from '../file-reply.js'
import { providerSideRoles, staffRoles } from '../plugins/auth.js'
import {
  assessmentDetailSchema,
  assessmentListQuery,
  assessmentListSchema,
  assessmentOpenSchema,
  assessmentSchema,
  commentSchema,
  decisionSchema,
  evidenceCreateSchema,
  evidenceFileSchema,
  evidenceReviewBody,
  evidenceSchema,
  noteBody,
  optionalNoteBody,
  proposeDecisionSchema,
  scoreSchema
} from '../schemas/assessments.js'
import { auditListSchema } from '../schemas/audit.js'
import { IF_MATCH_CODES, idParams, ifMatchHeaders } from '../schemas/common.js'
import { problemResponses } from '../schemas/problem.js'
import { ctxOf } from './context.js'
import { presentScore, withScore } from '../presenters/score.js'

const evidenceParams = idParams.extend({ evidenceId: z.uuid({ error: 'must be a UUID' }) })
const fileParams = evidenceParams.extend({ fileId: z.uuid({ error: 'must be a UUID' }) })
const tags = ['assessments']
/** What every workflow action may answer (src/use-cases/assessments.ts: lockAssessment, applyAssessmentEvent). */
const ACTION_CODES = ['NOT_FOUND', ...IF_MATCH_CODES, 'ASSESSMENT_TRANSITION_NOT_ALLOWED'] as const
const actionResponses = { 200: assessmentSchema, ...problemResponses(...ACTION_CODES) }
/** Publishing a decision (src/use-cases/decisions.ts: publishIn): a suspended live award cannot be superseded. */
const PUBLISH_CODES = ['AWARD_TRANSITION_NOT_ALLOWED'] as const

export const assessmentRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags,
        summary: "Open an assessment, pinned to the council's current published scheme version",
        body: assessmentOpenSchema,
        response: {
          201: assessmentSchema,
          ...problemResponses(
            'NOT_FOUND', 'PROVIDER_REQUIRED', 'ASSESSMENT_ALREADY_OPEN', 'NO_LIVE_AWARD', 'SCHEME_NOT_PUBLISHED'
          )
        }
      }
    },
    async (request, reply) => {
      const row = await openAssessment(deps, ctxOf(request), request.body)
      return await reply
        .code(201)
        .header('etag', etagOf(row.version))
        .header('location', `/api/v1/assessments/${row.id}`)
        .send(row)
    }
  )

  app.get(
    '/',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags,
        summary: 'List assessments (a provider token sees only its own)',
        querystring: assessmentListQuery,
        response: { 200: assessmentListSchema }
      }
    },
    async (request) => (await listAssessments(deps, ctxOf(request), request.query))
  )

  app.get(
    '/:id',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags,
        summary: "Read an assessment with its checklist: each item's applicability, evidence, status and notes",
        params: idParams,
        response: { 200: assessmentDetailSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) => {
      const detail = await getAssessment(deps, ctxOf(request), request.params.id)
      return await reply.header('etag', etagOf(detail.version)).send(detail)
    }
  )

  app.get(
    '/:id/history',
    {
      config: { roles: staffRoles },
      schema: {
        tags: [...tags, 'audit'],
        summary: "The assessment's audit trail",
        params: idParams,
        response: { 200: auditListSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => {
      const a = await getAssessment(deps, ctxOf(request), request.params.id)
      return { items: await listAuditEvents(deps.db, a.councilId, 'assessment', a.id) }
    }
  )

  // One endpoint per workflow action (README: Assessments, evidence, decisions and awards); If-Match, when sent,
  // refuses a stale change with 412.
  const actions: Array<
    [string, AssessmentEvent, typeof staffRoles, string, typeof optionalNoteBody | typeof noteBody]
  > = [
    ['submit', 'submit', providerSideRoles, 'Submit the application for review', optionalNoteBody],
    ['start-review', 'start_review', staffRoles, 'Start reviewing a submitted assessment', optionalNoteBody],
    ['request-info', 'request_info', staffRoles, 'Ask the provider for more information', noteBody],
    ['respond', 'respond_info', providerSideRoles, 'Answer a request for information', noteBody],
    ['mark-ready', 'mark_ready', staffRoles, 'Mark the review finished, ready for a decision', optionalNoteBody],
    [
      'reopen',
      'reopen_review',
      staffRoles,
      'Send the assessment back to review (e.g. after a factual-accuracy comment)',
      noteBody
    ],
    ['withdraw', 'withdraw', providerSideRoles, 'Withdraw the assessment before it is decided', noteBody]
  ]
  for (const [path, event, roles, summary, body] of actions) {
    app.post(
      `/:id/${path}`,
      {
        config: { roles },
        schema: { tags, summary, params: idParams, headers: ifMatchHeaders, body, response: actionResponses }
      },
      async (request, reply) => {
        const row = await actOnAssessment(
          deps,
          ctxOf(request),
          request.params.id,
          event,
          parseIfMatch(request.headers['if-match']),
          request.body.note ?? null
        )
        return await reply.header('etag', etagOf(row.version)).send(row)
      }
    )
  }

  app.get(
    '/:id/score',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'The live score and its reasons as of today',
        params: idParams,
        response: { 200: scoreSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => presentScore(await getLiveScore(deps, ctxOf(request), request.params.id))
  )

  app.get(
    '/:id/decision',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags,
        summary: 'The proposed or published decision and the reasons behind it',
        params: idParams,
        response: { 200: decisionSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => withScore(await getDecision(deps, ctxOf(request), request.params.id))
  )

  app.post(
    '/:id/propose-decision',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary:
          'Propose the computed level or a lower one with a reason (published at once when the scheme has no ' +
            'comment window)',
        params: idParams,
        headers: ifMatchHeaders,
        body: proposeDecisionSchema,
        response: {
          200: assessmentSchema,
          // published at once when the scheme has no comment window
          ...problemResponses(...ACTION_CODES, 'DECISION_ABOVE_COMPUTED', 'DECISION_REASON_REQUIRED', ...PUBLISH_CODES)
        }
      }
    },
    async (request, reply) => {
      const row = await proposeDecision(
        deps,
        ctxOf(request),
        request.params.id,
        parseIfMatch(request.headers['if-match']),
        request.body
      )
      return await reply.header('etag', etagOf(row.version)).send(row)
    }
  )

  app.post(
    '/:id/comment',
    {
      config: { roles: ['provider'] },
      schema: {
        tags,
        summary: "Comment on the proposed decision's factual accuracy while the window is open",
        params: idParams,
        headers: ifMatchHeaders,
        body: commentSchema,
        response: { 200: assessmentSchema, ...problemResponses(...ACTION_CODES, 'FACTUAL_ACCURACY_WINDOW_CLOSED') }
      }
    },
    async (request, reply) => {
      const row = await commentOnDecision(
        deps,
        ctxOf(request),
        request.params.id,
        parseIfMatch(request.headers['if-match']),
        request.body.comment
      )
      return await reply.header('etag', etagOf(row.version)).send(row)
    }
  )

  app.post(
    '/:id/accept-decision',
    {
      config: { roles: ['provider'] },
      schema: {
        tags,
        summary: 'Accept the proposed decision as accurate, so it may be published before the window closes',
        params: idParams,
        headers: ifMatchHeaders,
        response: actionResponses
      }
    },
    async (request, reply) => {
      const row = await acceptDecision(
        deps,
        ctxOf(request),
        request.params.id,
        parseIfMatch(request.headers['if-match'])
      )
      return await reply.header('etag', etagOf(row.version)).send(row)
    }
  )

  app.post(
    '/:id/publish-decision',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary:
          "Publish the decision after the window (or once accepted); an award is issued with the scheme's validity",
        params: idParams,
        headers: ifMatchHeaders,
        response: {
          200: assessmentSchema,
          ...problemResponses(
            ...ACTION_CODES, 'FACTUAL_ACCURACY_WINDOW_OPEN', 'DECISION_NO_LONGER_SUPPORTED', ...PUBLISH_CODES
          )
        }
      }
    },
    async (request, reply) => {
      const row = await publishDecision(
        deps,
        ctxOf(request),
        request.params.id,
        parseIfMatch(request.headers['if-match'])
      )
      return await reply.header('etag', etagOf(row.version)).send(row)
    }
  )

  app.post(
    '/:id/evidence',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags,
        summary:
          'Give evidence for a checklist item: a declaration, narrative, observation (co-ordinators), or a ' +
            'document or photos to attach files to',
        params: idParams,
        body: evidenceCreateSchema,
        response: {
          201: evidenceSchema,
          ...problemResponses(
            'NOT_FOUND',
            'ASSESSMENT_TRANSITION_NOT_ALLOWED',
            'ITEM_UNKNOWN',
            'ITEM_NOT_APPLICABLE',
            'EVIDENCE_KIND_NOT_ACCEPTED',
            'OBSERVATION_BY_STAFF_ONLY',
            'EVIDENCE_TEXT_REQUIRED',
            'EXPIRY_WAIVER_NOT_ALLOWED',
            'EVIDENCE_DATES_INVERTED',
            'EVIDENCE_DATE_REQUIRED'
          )
        }
      }
    },
    async (request, reply) => {
      const row = await addEvidence(deps, ctxOf(request), request.params.id, request.body)
      return await reply
        .code(201)
        .header('etag', etagOf(row.version))
        .send(row)
    }
  )

  const REVIEW_VERBS = { verify: 'Verify', reject: 'Reject', request_info: 'Ask for more about' } as const
  for (const event of ['verify', 'reject', 'request_info'] as const) {
    app.post(
      `/:id/evidence/:evidenceId/${event.replace('_', '-')}`,
      {
        config: { roles: staffRoles },
        schema: {
          tags,
          summary: `${REVIEW_VERBS[event]} a piece of evidence, with a note the provider sees`,
          params: evidenceParams,
          headers: ifMatchHeaders,
          body: evidenceReviewBody(event),
          response: {
            200: evidenceSchema,
            ...problemResponses(
              ...ACTION_CODES,
              'EVIDENCE_TRANSITION_NOT_ALLOWED',
              ...(event === 'verify' ? ['EVIDENCE_HAS_NO_FILES' as const] : [])
            )
          }
        }
      },
      async (request, reply) => {
        const { id, evidenceId } = request.params
        const row = await reviewEvidence(
          deps,
          ctxOf(request),
          id,
          evidenceId,
          event,
          request.body.note ?? null,
          parseIfMatch(request.headers['if-match'])
        )
        return await reply.header('etag', etagOf(row.version)).send(row)
      }
    )
  }

  app.get(
    '/:id/evidence/:evidenceId/files/:fileId',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags,
        summary: "Download an evidence file (the provider and its council's co-ordinators only)",
        // the media type it was found to be when uploaded (src/domain/evidence/file-types.ts)
        produces: [...EVIDENCE_MEDIA_TYPES],
        params: fileParams,
        response: { 200: z.any().describe('The file as uploaded'), ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) => {
      const { id, evidenceId, fileId } = request.params
      const file = await getEvidenceFile(deps, ctxOf(request), id, evidenceId, fileId)
      // Never rendered by the browser, never cached by a shared cache (src/domain/README.md: files never public).
      return await sendEvidenceFile(reply, file)
    }
  )

  // Multipart is parsed only here, in its own encapsulated scope (README: Assessments, evidence, decisions and awards).
  await app.register(async (scope) => {
    const uploads = scope.withTypeProvider<ZodTypeProvider>()
    const limit = deps.config.UPLOAD_LIMIT_BYTES
    await uploads.register(multipart, { limits: { fileSize: limit, files: 10, fields: 0 }, throwFileSizeLimit: true })
    uploads.post(
      '/:id/evidence/:evidenceId/files',
      {
        config: { roles: providerSideRoles },
        schema: {
          tags,
          summary:
            'Attach files (multipart/form-data) to a document or photos: PDF, PNG, JPEG, WebP, HEIC, DOCX or ODT by ' +
            `content; each file and the whole request at most ${limit} bytes`,
          consumes: ['multipart/form-data'],
          params: evidenceParams,
          response: {
            201: z.object({ items: z.array(evidenceFileSchema) }),
            ...problemResponses(
              'NOT_FOUND',
              'ASSESSMENT_TRANSITION_NOT_ALLOWED',
              'EVIDENCE_TAKES_NO_FILES',
              'EVIDENCE_ALREADY_REVIEWED',
              'FILE_REQUIRED',
              'UPLOAD_TOO_LARGE',
              'FILE_TYPE_NOT_ALLOWED',
              'MULTIPART_REQUIRED',
              // @fastify/multipart's own refusals (FST_*) with the limits above
              'REQ_FILE_TOO_LARGE',
              'FILES_LIMIT',
              'FIELDS_LIMIT',
              'PROTO_VIOLATION',
              'MP_PREMATURE_CLOSE'
            )
          }
        }
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new UploadRefused(415, 'MULTIPART_REQUIRED', 'Send the files as multipart/form-data')
        }
        // Spooled to disk as they arrive (src/use-cases/uploads.ts); removed once answered.
        const files: UploadedFile[] = []
        try {
          for await (const part of request.files()) {
            files.push(await spoolUpload(part.filename, part.file, () => part.file.truncated))
          }
          const unsafe = files.flatMap((f, i) => unsafeTextIn(f.filename, `body.file.${i}.filename`))
          if (unsafe.length > 0) throw new UnsafeTextError(unsafe)
          const { id, evidenceId } = request.params
          return await reply
            .code(201)
            .send({ items: await attachEvidenceFiles(deps, ctxOf(request), id, evidenceId, files) })
        } finally {
          await Promise.all(files.map(async (f) => await f.discard()))
        }
      }
    )
  })
}
