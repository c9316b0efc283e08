// The respondent's pages at /feedback: the form behind a single-use link, its submission (POST → 303 → thank-you,
// so a refresh never re-posts) and the thank-you page. No login and no cookie: the unguessable single-use token in the
// URL is the capability, so there is no session for a cross-site request to ride on and no CSRF token is needed
// (an attacker would need the token itself); posts without Origin/Referer (Referrer-Policy: no-referrer) are accepted.
import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Deps } from '../../use-cases/context.js'
import { openFeedbackInvitation, type OpenInvitation } from '../../use-cases/feedback-invitations.js'
import { checkFeedbackAnswers } from '../../use-cases/feedback-instrument.js'
import { recordFeedbackFromLink } from '../../use-cases/feedback-responses.js'
import { councils } from '../../db/schema/index.js'
import { isDomainError } from '../../domain/errors.js'
import { useHtmlErrorPages } from '../plugin.js'
import { renderFeedbackForm, SAFEGUARDING_FIELD, emptyFormValues, type FormValues } from './form-page.js'
import { linkProblemPage, renderThankYou } from './link-pages.js'

const tokenParams = z.object({ token: z.string().max(200) })
const versionQuery = z.object({ version: z.string().max(20).optional() })
const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]))

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
  open: OpenInvitation,
  body: Record<string, string | string[]>
): FormValues & { raw: Record<string, unknown> } {
  const raw: Record<string, unknown> = {}
  const answers: Record<string, string> = {}
  for (const item of open.target.instrument.items) {
    const value = body[item.code]
    if (value === undefined) continue
    raw[item.code] = value
    if (typeof value === 'string') answers[item.code] = value
  }
  return { raw, answers, safeguarding: body[SAFEGUARDING_FIELD] === 'yes' }
}

const wantsEasyRead = (version: string | undefined, open: OpenInvitation) =>
  version === 'easy' || (version !== 'standard' && open.invitation.mode === 'easy_read')

export const feedbackWebRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)

  app.get(
    '/thank-you',
    { schema: { hide: true, querystring: versionQuery.extend({ council: z.string().max(64).optional() }) } },
    async (request, reply) => {
      const slug = request.query.council
      const [council] =
        slug === undefined
          ? []
          : await deps.db.select({ name: councils.name }).from(councils).where(eq(councils.slug, slug))
      return reply.html(
        200,
        renderThankYou({ councilName: council?.name ?? null, easyRead: request.query.version === 'easy' })
      )
    }
  )

  app.get(
    '/:token',
    { schema: { hide: true, params: tokenParams, querystring: versionQuery } },
    async (request, reply) =>
      await withLink(reply, async () => {
        const open = await openFeedbackInvitation(deps.db, request.params.token, deps.clock())
        const easyRead = wantsEasyRead(request.query.version, open)
        return reply.html(
          200,
          renderFeedbackForm({
            token: request.params.token,
            target: open.target,
            easyRead,
            values: emptyFormValues(),
            problems: []
          })
        )
      })
  )

  app.post(
    '/:token',
    { schema: { hide: true, params: tokenParams, body: formBody } },
    async (request, reply) =>
      await withLink(reply, async () => {
        const { token } = request.params
        const open = await openFeedbackInvitation(deps.db, token, deps.clock())
        const version = typeof request.body.version === 'string' ? request.body.version : undefined
        const easyRead = wantsEasyRead(version, open)
        const form = readForm(open, request.body)
        const checked = checkFeedbackAnswers(open.target.instrument, form.raw, { requireAsked: true })
        if (!checked.ok) {
          return reply.html(
            400,
            renderFeedbackForm({
              token,
              target: open.target,
              easyRead,
              values: form,
              problems: checked.error.errors ?? []
            })
          )
        }
        const { councilSlug } = await recordFeedbackFromLink(deps, token, {
          feedback: checked.value,
          safeguarding: form.safeguarding,
          easyRead
        })
        const query = new URLSearchParams({ council: councilSlug, ...(easyRead ? { version: 'easy' } : {}) })
        return reply.code(303).header('location', `/feedback/thank-you?${query.toString()}`).send()
      })
  )
}
