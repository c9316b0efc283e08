// One checklist item's page and its two forms (README: For providers): files (multipart, spooled to disk as they
// arrive: src/use-cases/uploads.ts) and a written declaration or account. A refused file or a bad date brings the
// form back with GOV.UK messages and the rest kept; nothing is stored unless everything is (one transaction).
import multipart from '@fastify/multipart'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { isDomainError } from '../../domain/errors.js'
import type { EvidenceKind } from '../../domain/scheme/index.js'
import { isoDate, type Deps } from '../../use-cases/context.js'
import { addEvidence, attachEvidenceFiles, submitEvidenceWithFiles } from '../../use-cases/evidence.js'
import { getMyApplication } from '../../use-cases/provider-portal.js'
import { refusalOf, spoolUpload, type ReceivedFile } from '../../use-cases/uploads.js'
import { pageCtx, PROVIDER_HOME, providerOrRedirect } from '../portal.js'
import { readDateInput } from '../date-input.js'
import { itemView, megabytes, type FieldErrors, type ItemFormValues } from './item-page.js'

const itemParams = z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]*$/).max(40) })
const doneQuery = z.object({ done: z.enum(['sent']).optional() })
const NARRATIVE_MAX = 10_000

/** What the use case's field problems mean on the page (src/use-cases/evidence.ts, src/domain/evidence). */
const MESSAGES: Readonly<Record<string, { field: keyof FieldErrors; text: string }>> = {
  EVIDENCE_DATE_REQUIRED: { field: 'issuedOn', text: 'Enter the date it was issued or the date it runs out' },
  EVIDENCE_DATES_INVERTED: { field: 'expiresOn', text: 'The date it runs out must be after the date it was issued' },
  EVIDENCE_TEXT_REQUIRED: { field: 'narrative', text: 'Enter what you want to tell us' },
  EVIDENCE_KIND_NOT_ACCEPTED: { field: 'kind', text: 'Select what you are sending' },
  EXPIRY_WAIVER_NOT_ALLOWED: { field: 'noExpiry', text: 'This item cannot use the update service' }
}

type Loaded = Awaited<ReturnType<typeof load>>

async function load (deps: Deps, request: FastifyRequest, reply: FastifyReply, code: string) {
  const me = await providerOrRedirect(request, reply)
  if (me === null) return null
  const ctx = pageCtx(deps, me, request)
  const mine = await getMyApplication(deps, ctx)
  const assessment = mine.assessment
  const entry = assessment?.checklist.find((e) => e.code === code)
  const item = mine.scheme.checklist.find((i) => i.code === code)
  // Unknown, not applicable, or no application yet: there is no such page for this provider.
  if (assessment === null || entry === undefined || item === undefined || !entry.applicable) return undefined
  return { ctx, app: { ...mine, assessment }, entry, item }
}

const text = (body: Record<string, unknown>, name: string): string => {
  const v = body[name]
  return typeof v === 'string' ? v : ''
}

function readCommon (body: Record<string, unknown>, kinds: readonly EvidenceKind[]) {
  const issued = readDateInput(body, 'issuedOn', 'The date it was issued')
  const expires = readDateInput(body, 'expiresOn', 'The date it runs out')
  const chosen = text(body, 'kind')
  const kind = kinds.length === 1 ? kinds[0] : kinds.find((k) => k === chosen)
  const errors: FieldErrors = {}
  if (kind === undefined) errors.kind = 'Select what you are sending'
  if (issued.error !== null) errors.issuedOn = issued.error
  if (expires.error !== null) errors.expiresOn = expires.error
  const values: ItemFormValues = {
    kind: chosen,
    narrative: text(body, 'narrative'),
    mode: text(body, 'mode') === 'add' ? 'add' : 'new',
    issuedOn: issued.parts,
    expiresOn: expires.parts,
    noExpiry: text(body, 'noExpiry') === 'yes'
  }
  const submission = {
    issuedOn: issued.value ?? undefined,
    expiresOn: expires.value ?? undefined,
    noExpiry: values.noExpiry || undefined
  }
  return { kind, errors, values, submission }
}

/** The use case's refusals that belong to a field, as page messages; anything else is not the form's to show. */
function fieldErrorsOf (error: unknown): FieldErrors | null {
  if (!isDomainError(error) || error.kind !== 'invalid') return null
  const known = MESSAGES[error.code]
  return known === undefined ? null : { [known.field]: known.text }
}

function fileErrors (files: readonly ReceivedFile[], limit: number): string | undefined {
  if (files.length === 0) return 'Select a file to upload'
  for (const f of files) {
    const refusal = refusalOf(f)
    if (refusal === 'too_large') return `${f.filename} must be smaller than ${megabytes(limit)}`
    if (refusal === 'type_not_allowed') {
      return `${f.filename} must be a PDF, PNG, JPEG, WebP, HEIC, Word (DOCX) or OpenDocument (ODT) file`
    }
  }
  const total = files.reduce((n, f) => n + f.sizeBytes, 0)
  return total > limit ? `The files together must be smaller than ${megabytes(limit)}` : undefined
}

/** The text fields of a multipart body (attachFieldsToBody: 'keyValues'); files are read from the spool. */
const fieldsOf = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null ? Object.fromEntries(Object.entries(body)) : {}

/** Registered inside the provider portal (src/web/provider/routes.ts). */
export const itemRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const limit = deps.config.UPLOAD_LIMIT_BYTES
  const show = async (
    reply: FastifyReply,
    status: number,
    loaded: NonNullable<Loaded>,
    more: Partial<Parameters<typeof itemView>[0]> = {}
  ) => await reply.page(status, 'provider-item', itemView({
    csrf: reply.generateCsrf(),
    ...loaded,
    today: isoDate(loaded.ctx.now),
    limitBytes: limit,
    ...more
  }))
  const notFound = async (reply: FastifyReply) => await reply.callNotFound()
  const sent = async (reply: FastifyReply, code: string) =>
    await reply.redirect(`${PROVIDER_HOME}/items/${code}?done=sent`, 303)

  const itemPage = { schema: { hide: true, params: itemParams, querystring: doneQuery } }
  app.get('/items/:code', itemPage, async (request, reply) => {
    const loaded = await load(deps, request, reply, request.params.code)
    if (loaded === null) return reply
    if (loaded === undefined) return await notFound(reply)
    return await show(reply, 200, loaded, {
      notice: request.query.done === undefined ? undefined : 'Thank you. We have got it.'
    })
  })

  app.post(
    '/items/:code',
    {
      schema: { hide: true, params: itemParams, body: z.record(z.string(), z.string()) },
      preValidation: app.csrfProtection
    },
    async (request, reply) => {
      const loaded = await load(deps, request, reply, request.params.code)
      if (loaded === null) return reply
      if (loaded === undefined) return await notFound(reply)
      const kinds = loaded.item.evidenceKinds.filter((k) => k === 'declaration' || k === 'narrative')
      const { kind, errors, values, submission } = readCommon(request.body, kinds)
      const narrative = values.narrative.trim()
      if (narrative === '') errors.narrative = 'Enter what you want to tell us'
      if (narrative.length > NARRATIVE_MAX) errors.narrative = `This must be ${NARRATIVE_MAX} characters or fewer`
      const again = async (e: FieldErrors) => await show(reply, 400, loaded, { form: 'text', values, errors: e })
      if (kind === undefined || Object.keys(errors).length > 0) return await again(errors)
      try {
        await addEvidence(deps, loaded.ctx, loaded.app.assessment.id, {
          itemCode: loaded.item.code, kind, narrative, ...submission
        })
      } catch (error) {
        const e = fieldErrorsOf(error)
        if (e === null) throw error
        return await again(e)
      }
      return await sent(reply, loaded.item.code)
    }
  )

  // Multipart is parsed only here, in its own scope: each file is spooled to disk as it arrives; the fields
  // (the CSRF token among them) become the body, so the CSRF check runs as on every other form.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>()
    const received = new WeakMap<FastifyRequest, ReceivedFile[]>()
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      // A file past the limit is cut off and marked, not thrown: the form comes back with its message.
      throwFileSizeLimit: false,
      limits: { fileSize: limit, files: 10, fields: 20, fieldSize: 64 * 1024 },
      async onFile (part) {
        const file = await spoolUpload(part.filename, part.file, () => part.file.truncated)
        const list = received.get(this) ?? []
        list.push(file)
        received.set(this, list)
      }
    })
    scope.addHook('onResponse', async (request) => {
      await Promise.all((received.get(request) ?? []).map(async (f) => await f.discard()))
    })

    scope.post(
      '/items/:code/files',
      { schema: { hide: true, params: itemParams }, preValidation: scope.csrfProtection },
      async (request, reply) => {
        const loaded = await load(deps, request, reply, request.params.code)
        if (loaded === null) return reply
        if (loaded === undefined) return await notFound(reply)
        const body = fieldsOf(request.body)
        const kinds = loaded.item.evidenceKinds.filter((k) => k === 'document' || k === 'photos')
        const { kind, errors, values, submission } = readCommon(body, kinds)
        // A file input left empty still sends one part, with no name and no content.
        const files = (received.get(request) ?? []).filter((f) => f.filename !== '' || f.sizeBytes > 0)
        const problem = fileErrors(files, limit)
        if (problem !== undefined) errors.file = problem
        const again = async (e: FieldErrors) => await show(reply, 400, loaded, { form: 'file', values, errors: e })
        if (kind === undefined || Object.keys(errors).length > 0) return await again(errors)
        const { assessment } = loaded.app
        const current = loaded.entry.evidence.at(-1)
        try {
          if (values.mode === 'add' && current !== undefined && current.status === 'submitted') {
            await attachEvidenceFiles(deps, loaded.ctx, assessment.id, current.id, files)
          } else {
            await submitEvidenceWithFiles(deps, loaded.ctx, assessment.id, {
              itemCode: loaded.item.code, kind, ...submission
            }, files)
          }
        } catch (error) {
          const e = fieldErrorsOf(error)
          if (e === null) throw error
          return await again(e)
        }
        return await sent(reply, loaded.item.code)
      }
    )
  })
}
