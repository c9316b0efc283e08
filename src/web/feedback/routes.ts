// The respondent's pages at /feedback: the form behind a single-use link, its submission (POST → 303 → thank-you,
// so a refresh never re-posts) and the thank-you page. No login and no cookie: the unguessable single-use token in the
// URL is the capability, so there is no session for a cross-site request to ride on and no CSRF token is needed
// (an attacker would need the token itself); posts without Origin/Referer (Referrer-Policy: no-referrer) are accepted.
import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { LRUCache } from 'lru-cache'
import { z } from 'zod'
import type { Deps } from '../../use-cases/context.js'
import { openFeedbackInvitation, type OpenInvitation } from '../../use-cases/feedback-invitations.js'
import { checkFeedbackAnswers } from '../../use-cases/feedback-instrument.js'
import { recordFeedbackFromLink } from '../../use-cases/feedback-responses.js'
import { findPublicCouncil } from '../../use-cases/publication/public-councils.js'
import { sha256Hex } from '../../use-cases/tokens.js'
import { isDomainError } from '../../domain/errors.js'
import { useHtmlErrorPages } from '../plugin.js'
import {
  emptyFormValues,
  feedbackFormView,
  SAFEGUARDING_DETAIL_FIELD,
  SAFEGUARDING_FIELD,
  type FormPage,
  type FormValues
} from './form-page.js'
import { linkProblemPage, thankYouView } from './link-pages.js'

const tokenParams = z.object({ token: z.string().max(200) })
const versionQuery = z.object({ version: z.string().max(20).optional() })
const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]))

/** What a form needs to be shown again: kept per link (by its hash) from when it was last shown. */
type ShownForm = Pick<OpenInvitation, 'target'> & { mode: OpenInvitation['invitation']['mode'] }

/**
 * A failure that is not one of the link's own answers (used, expired...): the database is out of reach, or the
 * save failed. Its transaction rolled back, so nothing was sent and the link is still unused.
 */
const isFailedSave = (error: unknown): boolean => !isDomainError(error) || error.kind === 'unavailable'

/**
 * A used, expired, revoked, closed or unknown link gets its kind page; anything else goes to the HTML error handler.
 */
async function withLink<T> (reply: FastifyReply, work: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await work()
  } catch (error) {
    const known = isDomainError(error) ? linkProblemPage(error.code) : undefined
    if (known === undefined) throw error
    return await reply.page(known.status, 'message', known.view)
  }
}

/** Only the instrument's own question codes are read from the post; the answers are checked by the use case. */
function readForm (
  shown: ShownForm,
  body: Record<string, string | string[]>
): FormValues & { raw: Record<string, unknown> } {
  const raw: Record<string, unknown> = {}
  const answers: Record<string, string> = {}
  for (const item of shown.target.instrument.items) {
    const value = body[item.code]
    if (value === undefined) continue
    raw[item.code] = value
    if (typeof value === 'string') answers[item.code] = value
  }
  const detail = body[SAFEGUARDING_DETAIL_FIELD]
  const safeguardingDetail = typeof detail === 'string' ? detail : ''
  // A worry written down is a worry, even with the box left unticked (with JavaScript off the box is always shown).
  const safeguarding = body[SAFEGUARDING_FIELD] === 'yes' || safeguardingDetail.trim() !== ''
  return { raw, answers, safeguarding, safeguardingDetail }
}

const wantsEasyRead = (version: string | undefined, shown: ShownForm) =>
  version === 'easy' || (version !== 'standard' && shown.mode === 'easy_read')

export const feedbackWebRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)
  // Bounded: a few KB a form, for the hours a person may take to answer (README: Feedback, database outages).
  const shownForms = new LRUCache<string, ShownForm>({ max: 2_000, ttl: 12 * 60 * 60 * 1000 })
  const open = async (token: string): Promise<ShownForm> => {
    const o = await openFeedbackInvitation(deps.db, token, deps.clock())
    const shown = { target: o.target, mode: o.invitation.mode }
    shownForms.set(sha256Hex(token), shown)
    return shown
  }
  const form = async (reply: FastifyReply, status: number, page: FormPage) =>
    await reply.page(status, 'feedback-form', feedbackFormView(page))

  app.get(
    '/thank-you',
    { schema: { hide: true, querystring: versionQuery.extend({ council: z.string().max(64).optional() }) } },
    async (request, reply) => {
      const slug = request.query.council
      const council = slug === undefined ? null : await findPublicCouncil(deps.db, slug)
      return await reply.page(200, 'thank-you', thankYouView(council, request.query.version === 'easy'))
    }
  )

  app.get(
    '/:token',
    { schema: { hide: true, params: tokenParams, querystring: versionQuery } },
    async (request, reply) =>
      await withLink(reply, async () => {
        const { token } = request.params
        const shown = await open(token)
        const easyRead = wantsEasyRead(request.query.version, shown)
        const values = emptyFormValues()
        return await form(reply, 200, { token, target: shown.target, easyRead, values, problems: [] })
      })
  )

  app.post(
    '/:token',
    { schema: { hide: true, params: tokenParams, body: formBody } },
    async (request, reply) =>
      await withLink(reply, async () => {
        const { token } = request.params
        const version = typeof request.body.version === 'string' ? request.body.version : undefined
        let shown = shownForms.get(sha256Hex(token))
        /** The form again with everything kept, saying plainly that nothing was sent (README: Feedback). */
        const notSent = async (error: unknown) => {
          if (shown === undefined || !isFailedSave(error)) throw error
          request.log.error({ err: error }, 'feedback not saved; the form is shown again with its answers')
          const values = readForm(shown, request.body)
          const easyRead = wantsEasyRead(version, shown)
          reply.header('retry-after', '30')
          return await form(reply, 503, { token, target: shown.target, easyRead, values, problems: [], notSent: true })
        }
        try {
          shown = await open(token)
        } catch (error) {
          return await notSent(error)
        }
        const easyRead = wantsEasyRead(version, shown)
        const values = readForm(shown, request.body)
        const checked = checkFeedbackAnswers(shown.target.instrument, values.raw, { requireAsked: true })
        if (!checked.ok) {
          return await form(reply, 400, {
            token,
            target: shown.target,
            easyRead,
            values,
            problems: checked.error.errors ?? []
          })
        }
        let councilSlug: string
        try {
          ({ councilSlug } = await recordFeedbackFromLink(deps, token, {
            feedback: checked.value,
            safeguarding: values.safeguarding,
            safeguardingDetail: values.safeguardingDetail,
            easyRead
          }))
        } catch (error) {
          return await notSent(error)
        }
        const query = new URLSearchParams({ council: councilSlug, ...(easyRead ? { version: 'easy' } : {}) })
        return reply.code(303).header('location', `/feedback/thank-you?${query.toString()}`).send()
      })
  )
}
