// One piece of evidence under review (README: Reviewing an assessment and deciding): what was given, its files
// (images shown in the page, every file downloadable, none ever run by the browser), and verify / reject / ask
// for information with a note the provider reads (src/use-cases/evidence.ts reviewEvidence).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { checkEvidenceReviewable, EvidenceReviewEvent } from '../../domain/evidence/evidence-rules.js'
import { sendEvidenceFile } from '../../http/file-reply.js'
import { getAssessment } from '../../use-cases/assessments.js'
import type { Deps } from '../../use-cases/context.js'
import { getEvidenceFile, reviewEvidence } from '../../use-cases/evidence.js'
import type { SignedIn } from '../../use-cases/sessions.js'
import { pageCtx, staffOrRedirect } from '../portal.js'
import { ASSESSMENTS } from './assessment-views.js'
import {
  formPage,
  radios,
  readNote,
  row,
  textarea,
  textField,
  unlessChanged,
  versionField,
  type FileView
} from './forms.js'
import { EVIDENCE_KIND_NAMES } from './scheme-words.js'
import { itemTag, tagHtml } from './tags.js'

const pieceParams = z.object({ id: z.uuid(), evidenceId: z.uuid() })
const fileParams = pieceParams.extend({ fileId: z.uuid() })

/** Shown in the page with an <img>: types every browser renders and none can carry script. */
const INLINE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/webp'])
/**
 * An evidence file's own answer: whatever it holds, the browser may not sniff it into something else, run script
 * in it, or let it reach anything (a sandboxed, empty policy); only images are ever shown inline.
 */
export const EVIDENCE_FILE_POLICY = "default-src 'none'; img-src 'self'; sandbox"

const NOTE_NEEDED: Record<EvidenceReviewEvent, string | null> = {
  verify: null,
  reject: 'Enter a note telling the provider why the evidence is rejected',
  request_info: 'Enter what the provider needs to send or explain'
}
const DONE: Record<EvidenceReviewEvent, string> = { verify: 'verified', reject: 'reviewed', request_info: 'reviewed' }

interface PieceForm {
  version: number | null
  action: string
  note: string
  errors: { action: string | null; note: string | null }
}

export const evidenceRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const csrf = { preValidation: app.csrfProtection }

  async function render (
    request: FastifyRequest,
    reply: FastifyReply,
    me: SignedIn,
    params: z.infer<typeof pieceParams>,
    status: number,
    form: PieceForm
  ) {
    const a = await getAssessment(deps, pageCtx(deps, me, request), params.id)
    const item = a.checklist.find((i) => i.evidence.some((p) => p.id === params.evidenceId))
    const piece = item?.evidence.find((p) => p.id === params.evidenceId)
    if (item === undefined || piece === undefined) return await reply.callNotFound()
    const href = `${ASSESSMENTS}/${a.id}/evidence/${piece.id}`
    const reviewable = checkEvidenceReviewable(a.state, a.keeping).ok &&
      (piece.status === 'submitted' || piece.status === 'info_requested')
    const files: FileView[] = piece.files.map((f) => ({
      name: f.filename,
      description: `${f.mediaType}, ${Math.max(1, Math.round(f.sizeBytes / 1024))} KB`,
      imageSrc: INLINE_IMAGES.has(f.mediaType) ? `${href}/files/${f.id}` : null,
      downloadHref: `${href}/files/${f.id}?download=1`
    }))
    const noExpiry = piece.noExpiry ? 'Does not expire' : 'Not given'
    return await reply.page(status, 'manage-form', formPage({
      active: ASSESSMENTS,
      caption: `${item.code}: ${item.title}`,
      title: 'Review the evidence',
      paragraphs: [item.guidance],
      summaryRows: [
        { key: { text: 'Status' }, value: { html: tagHtml(itemTag(piece.status)) } },
        row('Kind', EVIDENCE_KIND_NAMES[piece.kind]),
        row('Given on', piece.createdAt.toISOString().slice(0, 10)),
        ...(piece.narrative === null ? [] : [row('What the provider wrote', piece.narrative)]),
        row('Issued on', piece.issuedOn ?? 'Not given'),
        row('Expires on', piece.expiresOn ?? noExpiry),
        ...(piece.reviewerNote === null ? [] : [row('Your note', piece.reviewerNote)])
      ],
      files,
      action: reviewable ? href : '',
      csrf: reply.generateCsrf(),
      hidden: [{ name: 'version', value: String(form.version ?? piece.version) }],
      fields: reviewable
        ? [
            radios('action', 'What do you want to do?', form.action, form.errors.action, [
              { value: 'verify', text: 'Verify it', hint: 'It shows the item is met.' },
              { value: 'reject', text: 'Reject it', hint: 'The provider must give new evidence.' },
              { value: 'request_info', text: 'Ask for more information' }
            ]),
            textarea('note', 'Note for the provider', form.note, form.errors.note,
              'Needed to reject or ask for information. The provider reads it.')
          ]
        : [],
      submit: 'Save your review',
      cancelHref: `${ASSESSMENTS}/${a.id}#item-${item.code}`
    }))
  }

  app.get('/:id/evidence/:evidenceId', { schema: { hide: true, params: pieceParams } }, async (request, reply) => {
    const me = await staffOrRedirect(request, reply)
    if (me === null) return reply
    const blank = { version: null, action: '', note: '', errors: { action: null, note: null } }
    return await render(request, reply, me, request.params, 200, blank)
  })

  app.post(
    '/:id/evidence/:evidenceId',
    {
      schema: {
        hide: true,
        params: pieceParams,
        body: z.object({ version: versionField, action: textField, note: textField })
      },
      ...csrf
    },
    async (request, reply) => {
      const me = await staffOrRedirect(request, reply)
      if (me === null) return reply
      const { id, evidenceId } = request.params
      const { version } = request.body
      const event = EvidenceReviewEvent.safeParse(request.body.action)
      const { note, error } = readNote(request.body.note, event.success ? NOTE_NEEDED[event.data] : null)
      if (!event.success || error !== null) {
        const errors = { action: event.success ? null : 'Select what you want to do with this evidence', note: error }
        const form = { version, action: request.body.action ?? '', note, errors }
        return await render(request, reply, me, request.params, 400, form)
      }
      const back = { href: `${ASSESSMENTS}/${id}/evidence/${evidenceId}`, what: 'evidence', active: ASSESSMENTS }
      return await unlessChanged(reply, back, async () => {
        const ctx = pageCtx(deps, me, request)
        await reviewEvidence(deps, ctx, id, evidenceId, event.data, note === '' ? null : note, version)
        return await reply.redirect(`${ASSESSMENTS}/${id}?done=${DONE[event.data]}`, 303)
      })
    }
  )

  app.get(
    '/:id/evidence/:evidenceId/files/:fileId',
    {
      schema: {
        hide: true,
        params: fileParams,
        querystring: z.object({ download: z.string().max(1).optional() })
      }
    },
    async (request, reply) => {
      const me = await staffOrRedirect(request, reply)
      if (me === null) return reply
      const { id, evidenceId, fileId } = request.params
      const file = await getEvidenceFile(deps, pageCtx(deps, me, request), id, evidenceId, fileId)
      const inline = INLINE_IMAGES.has(file.mediaType) && request.query.download === undefined
      reply
        .header('content-security-policy', EVIDENCE_FILE_POLICY)
        .header('cross-origin-resource-policy', 'same-origin')
      return await sendEvidenceFile(reply, file, inline)
    }
  )
}
