// Feedback letters (README: Feedback letters and interviews): the co-ordinator chooses how many, for whom, the
// wording and how long the links work; the post makes that many single-use links (the same use case as the API)
// and answers with the letters as a PDF download, one page each. Each link exists only in that PDF (only its hash
// is kept), so the answer is the download itself, never a page that could be reloaded into new links; a form
// with a problem comes back with the error summary and everything kept, and no link is made.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { isDomainError, type FieldProblem } from '../../../domain/errors.js'
import { RespondentTypeSchema, type RespondentType } from '../../../domain/scheme/index.js'
import type { Deps } from '../../../use-cases/context.js'
import { getFeedbackTarget } from '../../../use-cases/feedback-collections.js'
import type { FeedbackTarget } from '../../../use-cases/feedback-instrument.js'
import { createFeedbackInvitations } from '../../../use-cases/feedback-invitations.js'
import { longDate } from '../../../use-cases/publication/public-award.js'
import { sendPdf } from '../../pdf/document.js'
import { LETTER_WORDINGS, MODE_OF_WORDING, WORDING_NAMES, type LetterWording } from '../../pdf/letter-wording.js'
import { feedbackLettersPdf } from '../../pdf/letters.js'
import type { PageView } from '../../layout.js'
import {
  assessmentParams,
  assessmentPath,
  choiceItems,
  feedbackLayout,
  field,
  fieldErrors,
  formBody,
  RESPONDENT_NAMES,
  staffCtx,
  type FormBody
} from './common.js'

export const MAX_LETTERS = 100
const MAX_DAYS = 180

interface LettersForm {
  count: string
  respondentType: string
  wording: string
  expiresInDays: string
}

export interface LettersView extends PageView {
  csrf: string
  action: string
  backHref: string
  providerName: string
  values: LettersForm
  errorList: Array<{ href: string; text: string }>
  errors: Partial<Record<keyof LettersForm, { text: string }>>
  respondentItems: ReturnType<typeof choiceItems>
  wordingItems: ReturnType<typeof choiceItems>
}

declare module '../../views.js' {
  interface PageViews {
    'manage-feedback-letters': LettersView
  }
}

const whole = (s: string, min: number, max: number): number | null =>
  /^\d{1,4}$/.test(s) && Number(s) >= min && Number(s) <= max ? Number(s) : null

const readForm = (body: FormBody): LettersForm => ({
  count: field(body, 'count'),
  respondentType: field(body, 'respondentType'),
  wording: field(body, 'wording'),
  expiresInDays: field(body, 'expiresInDays')
})

type Checked =
  | { ok: true, count: number, respondentType: RespondentType, wording: LetterWording, expiresInDays: number }
  | { ok: false, problems: FieldProblem[] }

function check (f: LettersForm): Checked {
  const count = whole(f.count, 1, MAX_LETTERS)
  const respondentType = RespondentTypeSchema.safeParse(f.respondentType)
  const wording = LETTER_WORDINGS.find((w) => w === f.wording)
  const expiresInDays = whole(f.expiresInDays, 1, MAX_DAYS)
  const problems: FieldProblem[] = [
    ...(count === null
      ? [{ path: 'count', message: `Enter how many letters to print, from 1 to ${MAX_LETTERS}` }]
      : []),
    ...(respondentType.success ? [] : [{ path: 'respondentType', message: 'Select who the letters are for' }]),
    ...(wording === undefined ? [{ path: 'wording', message: 'Select the wording of the letters' }] : []),
    ...(expiresInDays === null
      ? [{ path: 'expiresInDays', message: `Enter how many days the links work, from 1 to ${MAX_DAYS}` }]
      : [])
  ]
  if (count === null || !respondentType.success || wording === undefined || expiresInDays === null) {
    return { ok: false, problems }
  }
  return { ok: true, count, respondentType: respondentType.data, wording, expiresInDays }
}

/** The use case's own refusals (e.g. a respondent type this instrument does not ask) on the fields they name. */
const useCaseProblems = (error: unknown): FieldProblem[] | null =>
  isDomainError(error) && error.kind === 'invalid'
    ? (error.errors ?? []).map((p) => ({ path: p.path.replace(/^body\./, '').replace(/^mode$/, 'wording'), message: p.message }))
    : null

function lettersView (target: FeedbackTarget, csrf: string, values: LettersForm, problems: FieldProblem[]) {
  const { errorList, errorOf } = fieldErrors(problems)
  const view: LettersView = {
    layout: feedbackLayout(`Print feedback letters: ${target.providerName}`, target, problems.length > 0),
    csrf,
    action: `${assessmentPath(target.assessmentId)}/letters`,
    backHref: assessmentPath(target.assessmentId),
    providerName: target.providerName,
    values,
    errorList,
    errors: {
      count: errorOf('count'),
      respondentType: errorOf('respondentType'),
      wording: errorOf('wording'),
      expiresInDays: errorOf('expiresInDays')
    },
    respondentItems: choiceItems(
      'respondentType',
      RESPONDENT_NAMES,
      target.instrument.respondentTypes,
      values.respondentType
    ),
    wordingItems: choiceItems(
      'wording',
      { plain: WORDING_NAMES.plain.name, easy_read: WORDING_NAMES.easy_read.name },
      LETTER_WORDINGS,
      values.wording,
      { plain: WORDING_NAMES.plain.hint, easy_read: WORDING_NAMES.easy_read.hint }
    )
  }
  return view
}

export const feedbackLetterRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get('/:id/letters', { schema: { hide: true, params: assessmentParams } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const target = await getFeedbackTarget(deps, ctx, request.params.id)
    const values = { count: '', respondentType: 'person', wording: 'plain', expiresInDays: '28' }
    return await reply.page(200, 'manage-feedback-letters', lettersView(target, reply.generateCsrf(), values, []))
  })

  app.post(
    '/:id/letters',
    { schema: { hide: true, params: assessmentParams, body: formBody }, preValidation: app.csrfProtection },
    async (request, reply) => {
      const ctx = await staffCtx(deps, request, reply)
      if (ctx === null) return reply
      const target = await getFeedbackTarget(deps, ctx, request.params.id)
      const values = readForm(request.body)
      const again = async (problems: FieldProblem[]) =>
        await reply.page(400, 'manage-feedback-letters', lettersView(target, reply.generateCsrf(), values, problems))
      const checked = check(values)
      if (!checked.ok) return await again(checked.problems)
      let links: string[]
      let expiresAt: string
      try {
        const created = await createFeedbackInvitations(deps, ctx, target.assessmentId, {
          count: checked.count,
          respondentType: checked.respondentType,
          mode: MODE_OF_WORDING[checked.wording],
          expiresInDays: checked.expiresInDays
        })
        links = created.items.map((i) => i.link)
        expiresAt = created.items[0]?.expiresAt ?? ctx.now.toISOString()
      } catch (error) {
        const problems = useCaseProblems(error)
        if (problems === null) throw error
        return await again(problems)
      }
      const pdf = await feedbackLettersPdf({
        councilName: target.councilName,
        providerName: target.providerName,
        respondentType: checked.respondentType,
        wording: checked.wording,
        expiresOn: longDate(new Date(expiresAt)),
        links
      })
      const day = ctx.now.toISOString().slice(0, 10)
      return await sendPdf(reply, `feedback-letters-${day}.pdf`, pdf)
    }
  )
}
