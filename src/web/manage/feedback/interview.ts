// Interview entry (README: Feedback letters and interviews): a co-ordinator types in the answers a person gave in an
// interview or with help, on the same questions as the public form (its question rendering, src/web/feedback) and
// through the API's use case, which records the mode, who entered it and the day, in one audited transaction. Any
// problem brings the form back with the error summary and every answer kept; success redirects (Post/Redirect/Get).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { isDomainError, type FieldProblem } from '../../../domain/errors.js'
import { RespondentTypeSchema } from '../../../domain/scheme/index.js'
import type { Ctx, Deps } from '../../../use-cases/context.js'
import { getFeedbackTarget } from '../../../use-cases/feedback-collections.js'
import { checkFeedbackAnswers, type FeedbackTarget } from '../../../use-cases/feedback-instrument.js'
import { recordInterviewFeedback, type InterviewInput } from '../../../use-cases/feedback-responses.js'
import {
  questionsView,
  SAFEGUARDING_FIELD,
  type QuestionsView,
  type SafeguardingView
} from '../../feedback/form-page.js'
import { checkDateParts, dateItems, type DateParts } from '../../date-input.js'
import type { PageView } from '../../layout.js'
import {
  assessmentParams,
  assessmentPath,
  choiceItems,
  feedbackLayout,
  field,
  fieldErrors,
  formBody,
  MODE_NAMES,
  RESPONDENT_NAMES,
  staffCtx,
  type FormBody
} from './common.js'

const INTERVIEW_MODES = ['interview', 'assisted', 'easy_read'] as const satisfies ReadonlyArray<InterviewInput['mode']>

interface InterviewForm {
  respondentType: string
  mode: string
  date: DateParts
  answers: Record<string, string>
  raw: Record<string, unknown>
  safeguarding: boolean
}

export interface InterviewView extends PageView, QuestionsView {
  csrf: string
  action: string
  backHref: string
  providerName: string
  respondentItems: ReturnType<typeof choiceItems>
  modeItems: ReturnType<typeof choiceItems>
  dateItems: Array<{ name: string; label: string; value: string; classes: string }>
  errors: Partial<Record<'respondentType' | 'mode' | 'date', { text: string } | undefined>>
  safeguarding: SafeguardingView
}

declare module '../../views.js' {
  interface PageViews {
    'manage-feedback-interview': InterviewView
  }
}

function readForm (target: FeedbackTarget, body: FormBody): InterviewForm {
  const raw: Record<string, unknown> = {}
  const answers: Record<string, string> = {}
  for (const item of target.instrument.items) {
    const value = body[item.code]
    if (value === undefined || value === '') continue
    raw[item.code] = value
    if (typeof value === 'string') answers[item.code] = value
  }
  return {
    respondentType: field(body, 'respondentType'),
    mode: field(body, 'mode'),
    date: {
      day: field(body, 'receivedOn-day'),
      month: field(body, 'receivedOn-month'),
      year: field(body, 'receivedOn-year')
    },
    answers,
    raw,
    safeguarding: body[SAFEGUARDING_FIELD] === 'yes'
  }
}

/** The GOV.UK date input's three boxes as an ISO day, or the message to show (the date is required here). */
function dayOf (date: DateParts): { day: string } | { problem: string } {
  const read = checkDateParts(date, 'The date of the interview')
  if (read.value !== null) return { day: read.value }
  return { problem: read.error === null ? 'Enter the date of the interview' : INTERVIEW_DATE_NOT_REAL }
}
const INTERVIEW_DATE_NOT_REAL = 'The date of the interview must be a real date, for example 27 3 2026'

const pagePath = (p: FieldProblem): string =>
  p.path === 'body.receivedOn' ? 'receivedOn-day' : p.path.replace(/^body\./, '')

function interviewView (
  target: FeedbackTarget,
  csrf: string,
  form: InterviewForm,
  pageProblems: FieldProblem[],
  answerProblems: FieldProblem[]
): InterviewView {
  const shared = questionsView(target.instrument, form, answerProblems, false)
  const noAnswer = answerProblems.some((p) => p.path === '')
  const firstQuestion = shared.questions[0]?.items[0]?.id ?? 'respondentType'
  const { errorList, errorOf } = fieldErrors([
    ...pageProblems,
    ...(noAnswer ? [{ path: firstQuestion, message: 'Enter at least one answer' }] : [])
  ])
  const all = [...errorList, ...shared.errorList]
  const dateError = errorOf('receivedOn-day')
  return {
    ...shared,
    errorList: all,
    layout: feedbackLayout(`Enter an interview: ${target.providerName}`, target, all.length > 0),
    csrf,
    action: `${assessmentPath(target.assessmentId)}/interview`,
    backHref: assessmentPath(target.assessmentId),
    providerName: target.providerName,
    respondentItems: choiceItems(
      'respondentType',
      RESPONDENT_NAMES,
      target.instrument.respondentTypes,
      form.respondentType
    ),
    modeItems: choiceItems(
      'mode',
      MODE_NAMES,
      INTERVIEW_MODES.filter((m) => (target.instrument.modes as string[]).includes(m)),
      form.mode
    ),
    dateItems: dateItems(form.date, dateError !== undefined),
    errors: { respondentType: errorOf('respondentType'), mode: errorOf('mode'), date: dateError },
    safeguarding: {
      legend: 'A worry about safety',
      hint: 'Tick if the person told you about a worry for their safety or someone else’s. This opens a concern for ' +
        'the council’s safeguarding team. If someone is in danger now, call 999.',
      item: {
        value: 'yes',
        id: 'q-safeguarding-0',
        checked: form.safeguarding,
        text: 'The person raised a worry about safety'
      }
    }
  }
}

async function record (deps: Deps, ctx: Ctx, target: FeedbackTarget, form: InterviewForm) {
  const pageProblems: FieldProblem[] = []
  const respondentType = RespondentTypeSchema.safeParse(form.respondentType)
  if (!respondentType.success) pageProblems.push({ path: 'respondentType', message: 'Select who gave the answers' })
  const mode = INTERVIEW_MODES.find((m) => m === form.mode)
  if (mode === undefined) pageProblems.push({ path: 'mode', message: 'Select how the answers were given' })
  const day = dayOf(form.date)
  if ('problem' in day) pageProblems.push({ path: 'receivedOn-day', message: day.problem })
  const checked = checkFeedbackAnswers(target.instrument, form.raw, { requireAsked: false })
  const answerProblems = checked.ok ? [] : [...(checked.error.errors ?? [])]
  if (!respondentType.success || mode === undefined || 'problem' in day || !checked.ok) {
    return { pageProblems, answerProblems }
  }
  try {
    await recordInterviewFeedback(deps, ctx, target.assessmentId, {
      respondentType: respondentType.data,
      mode,
      answers: form.raw,
      safeguarding: form.safeguarding,
      receivedOn: day.day
    })
    return null
  } catch (error) {
    if (!isDomainError(error) || error.kind !== 'invalid') throw error
    const problems = error.errors ?? []
    return {
      pageProblems: problems
        .filter((p) => !p.path.startsWith('body.answers'))
        .map((p) => ({ ...p, path: pagePath(p) })),
      answerProblems: problems
        .filter((p) => p.path.startsWith('body.answers'))
        .map((p) => ({ ...p, path: p.path.replace(/^body\.answers\.?/, '') }))
    }
  }
}

/** Messages for the rules only the use case knows, in the GOV.UK voice. */
const PAGE_MESSAGES: Array<[RegExp, string]> = [
  [/must not be in the future/, 'The date of the interview must be today or in the past'],
  [/must not be before/, 'The date of the interview must be on or after the day the assessment was opened']
]
const voiced = (p: FieldProblem): FieldProblem => ({
  ...p,
  message: PAGE_MESSAGES.find(([re]) => re.test(p.message))?.[1] ?? p.message
})

export const feedbackInterviewRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get('/:id/interview', { schema: { hide: true, params: assessmentParams } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const target = await getFeedbackTarget(deps, ctx, request.params.id)
    const today = ctx.now
    const form: InterviewForm = {
      respondentType: 'person',
      mode: 'interview',
      date: {
        day: String(today.getUTCDate()),
        month: String(today.getUTCMonth() + 1),
        year: String(today.getUTCFullYear())
      },
      answers: {},
      raw: {},
      safeguarding: false
    }
    return await reply.page(200, 'manage-feedback-interview', interviewView(target, reply.generateCsrf(), form, [], []))
  })

  app.post(
    '/:id/interview',
    { schema: { hide: true, params: assessmentParams, body: formBody }, preValidation: app.csrfProtection },
    async (request, reply) => {
      const ctx = await staffCtx(deps, request, reply)
      if (ctx === null) return reply
      const target = await getFeedbackTarget(deps, ctx, request.params.id)
      const form = readForm(target, request.body)
      const refused = await record(deps, ctx, target, form)
      if (refused === null) return await reply.redirect(`${assessmentPath(target.assessmentId)}?done=interview`, 303)
      const csrf = reply.generateCsrf()
      const view = interviewView(target, csrf, form, refused.pageProblems.map(voiced), refused.answerProblems)
      return await reply.page(400, 'manage-feedback-interview', view)
    }
  )
}
