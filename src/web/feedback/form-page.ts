// The feedback form's view model (README: Feedback from people who use services): one page, plain English or easy
// read, a fieldset and legend per question, an error summary linked to the fields, the comment box, the
// safeguarding box and a short consent statement. Works without JavaScript. When the answers could not be saved
// (the database is out of reach) the form comes back with every answer kept and says they were not sent.
import type { FieldProblem } from '../../domain/errors.js'
import type { Instrument, ScaleItem } from '../../domain/feedback/index.js'
import type { FeedbackTarget } from '../../use-cases/feedback-instrument.js'
import { SAFEGUARDING_DETAIL_MAX } from '../../use-cases/feedback-responses.js'
import { phoneContact } from '../directory/council-pages.js'
import { layoutOf, type PageView } from '../layout.js'

/** What the person sent, kept on a bad or failed submit so nothing they chose or wrote is lost. */
export interface FormValues {
  answers: Record<string, string>
  safeguarding: boolean
  /** what the person wrote about their worry */
  safeguardingDetail: string
}
export const emptyFormValues = (): FormValues => ({ answers: {}, safeguarding: false, safeguardingDetail: '' })

export interface FormPage {
  token: string
  target: FeedbackTarget
  easyRead: boolean
  values: FormValues
  problems: readonly FieldProblem[]
  /** True when the answers were valid but could not be saved: nothing was sent, the link still works. */
  notSent?: boolean
}

export const SAFEGUARDING_FIELD = 'safeguarding'
export const SAFEGUARDING_DETAIL_FIELD = 'safeguardingDetail'
const fieldId = (code: string) => `q-${code}`
/** Id of a group's first input: where an error summary link lands (its fieldset's legend is scrolled to). */
const firstInputId = (idPrefix: string): string => `${idPrefix}-0`

export interface ChoiceItem {
  value: string
  text: string
  id: string
  checked: boolean
}

export interface QuestionView {
  name: string
  idPrefix: string
  caption: string
  wording: string
  hint: string | null
  error: string | null
  items: ChoiceItem[]
}

export interface SafeguardingView {
  legend: string
  hint: string
  item: ChoiceItem
}

/** The public form's safeguarding box: the council's phone number and a box to say what the worry is. */
export interface PublicSafeguardingView extends SafeguardingView {
  /** the council's adult safeguarding team, when it has published a number */
  phone: { before: string; text: string; href: string } | null
  detail: { name: string; id: string; label: string; hint: string; value: string; maxLength: number }
}

export interface FeedbackFormView extends PageView, QuestionsView {
  easyRead: boolean
  notSent: boolean
  providerName: string
  councilName: string
  heading: string
  otherVersion: { href: string; text: string }
  commentRetentionDays: number
  action: string
  version: 'easy' | 'standard'
  safeguarding: PublicSafeguardingView
}

declare module '../views.js' {
  interface PageViews {
    'feedback-form': FeedbackFormView
  }
}

interface Numbered {
  item: ScaleItem
  number: number
}

function numberQuestions (instrument: Instrument): Numbered[] {
  return instrument.items
    .flatMap((item) => (item.kind === 'scale' ? [item] : []))
    .map((item, i) => ({ item, number: i + 1 }))
}

/** One message per problem, in the GOV.UK voice ("Select …"); the easy-read form says it more simply. */
function errorMessages (
  instrument: Instrument,
  problems: readonly FieldProblem[],
  easyRead: boolean
): Map<string, string> {
  const numbers = new Map(numberQuestions(instrument).map((q) => [q.item.code, q.number]))
  const messages = new Map<string, string>()
  for (const p of problems) {
    const item = instrument.items.find((i) => i.code === p.path)
    if (item === undefined || messages.has(item.code)) continue
    if (item.kind === 'text') {
      messages.set(
        item.code,
        easyRead
          ? `Please make your answer shorter. You can use up to ${item.maxLength} letters.`
          : `Your comment must be ${item.maxLength} characters or fewer`
      )
      continue
    }
    const n = numbers.get(item.code) ?? 0
    const missing = p.message === 'answer this question'
    const because =
      item.askedWhen !== null ? ` because you said yes to question ${numbers.get(item.askedWhen.item) ?? ''}` : ''
    // GOV.UK: an error message says exactly what to do. The council's own question wording names the question,
    // so the summary makes sense read on its own (e.g. by a screen reader jumping to it).
    const wording = easyRead ? item.wording.easyRead : item.wording.plain
    messages.set(
      item.code,
      easyRead
        ? `Please answer question ${n}: ${wording}`
        : missing
          ? `Select an answer to question ${n}${because}: ${wording}`
          : `Select one of the answers shown for question ${n}: ${wording}`
    )
  }
  return messages
}

function questionView (
  instrument: Instrument,
  { item, number }: Numbered,
  numbers: Map<string, number>,
  form: { values: Pick<FormValues, 'answers'>; easyRead: boolean },
  error: string | undefined
): QuestionView {
  const scale = instrument.scales.find((s) => s.code === item.scale)
  const condition = item.askedWhen
  const asked = condition === null ? '' : String(numbers.get(condition.item) ?? '')
  const idPrefix = fieldId(item.code)
  return {
    name: item.code,
    idPrefix,
    caption: `Question ${number}`,
    wording: form.easyRead ? item.wording.easyRead : item.wording.plain,
    hint:
      condition === null
        ? null
        : form.easyRead
          ? `Only answer this if you said Yes to question ${asked}.`
          : `Only answer this if you said yes to question ${asked}. ` +
            'If you said no, leave it and go on to the next question.',
    error: error ?? null,
    items: (scale?.answers ?? []).map((a, i) => ({
      value: a.value,
      text: form.easyRead ? a.wording.easyRead : a.wording.plain,
      id: `${idPrefix}-${i}`,
      checked: form.values.answers[item.code] === a.value
    }))
  }
}

export interface CommentView {
  name: string
  id: string
  label: string
  hint: string
  error: string | null
  value: string
  maxLength: number
}

/** The questions, the comment box and the error summary's list: shared by the public form and interview entry. */
export interface QuestionsView {
  errorList: Array<{ href: string; text: string }>
  questionCount: number
  questions: QuestionView[]
  comment: CommentView | null
}

export function questionsView (
  instrument: Instrument,
  values: Pick<FormValues, 'answers'>,
  problems: readonly FieldProblem[],
  easyRead: boolean
): QuestionsView {
  const messages = errorMessages(instrument, problems, easyRead)
  const questions = numberQuestions(instrument)
  const numbers = new Map(questions.map((q) => [q.item.code, q.number]))
  const errorList = instrument.items.flatMap((item) => {
    const text = messages.get(item.code)
    if (text === undefined) return []
    return [{ href: `#${item.kind === 'text' ? fieldId(item.code) : firstInputId(fieldId(item.code))}`, text }]
  })
  const text = instrument.items.find((i) => i.kind === 'text')
  const form = { values, easyRead }
  return {
    errorList,
    questionCount: questions.length,
    questions: questions.map((q) => questionView(instrument, q, numbers, form, messages.get(q.item.code))),
    comment: text?.kind !== 'text'
      ? null
      : {
          name: text.code,
          id: fieldId(text.code),
          label: easyRead ? text.wording.easyRead : text.wording.plain,
          hint: easyRead
            ? 'You do not have to write anything. Do not write your name.'
            : 'Optional. Please do not include your name or anyone else’s.',
          error: messages.get(text.code) ?? null,
          value: values.answers[text.code] ?? '',
          maxLength: text.maxLength
        }
  }
}

export function feedbackFormView (page: FormPage): FeedbackFormView {
  const { instrument } = page.target
  const shared = questionsView(instrument, page.values, page.problems, page.easyRead)
  const heading = page.easyRead ? 'Tell us about your support' : instrument.title
  const notSent = page.notSent === true
  return {
    ...shared,
    layout: layoutOf({
      title: heading,
      council: councilOf(page.target),
      hasErrors: shared.errorList.length > 0 || notSent
    }),
    easyRead: page.easyRead,
    notSent,
    providerName: page.target.providerName,
    councilName: page.target.councilName,
    heading,
    otherVersion: page.easyRead
      ? { href: '?version=standard', text: 'Standard version of this form' }
      : { href: '?version=easy', text: 'Easy read version of this form' },
    commentRetentionDays: page.target.commentRetentionDays,
    action: `/feedback/${page.token}`,
    version: page.easyRead ? 'easy' : 'standard',
    safeguarding: {
      legend: page.easyRead ? 'Are you worried about someone being hurt?' : 'Telling someone about a worry',
      hint: page.easyRead
        ? 'Tick the box if you are worried. We will tell the council. If someone is in danger now, call 999.'
        : 'Tick the box if you are worried about your safety or someone else’s. ' +
          'We will tell the council’s safeguarding team. If someone is in danger now, call 999.',
      phone: phoneOf(page),
      item: {
        value: 'yes',
        id: 'q-safeguarding-0',
        checked: page.values.safeguarding,
        text: page.easyRead
          ? 'I am worried about my safety or someone else’s'
          : 'I want to tell someone about a worry for my safety or someone else’s'
      },
      detail: {
        name: SAFEGUARDING_DETAIL_FIELD,
        id: 'q-safeguarding-detail',
        label: page.easyRead ? 'What are you worried about?' : 'Tell us about your worry (optional)',
        hint: page.easyRead
          ? 'You do not have to write anything. Only the council’s safeguarding team will read it.'
          : 'Only the council’s safeguarding team will read this. The provider will not see it.',
        value: page.values.safeguardingDetail,
        maxLength: SAFEGUARDING_DETAIL_MAX
      }
    }
  }
}

function phoneOf (page: FormPage): PublicSafeguardingView['phone'] {
  const phone = phoneContact(page.target.councilSafeguardingPhone)
  if (phone === null) return null
  const before = page.easyRead
    ? 'To talk to someone now, phone'
    : `To talk to someone now, call ${page.target.councilName}’s adult safeguarding team on`
  return { before, ...phone }
}

const councilOf = (t: FeedbackTarget) => ({
  name: t.councilName,
  slug: t.councilSlug,
  brandColour: t.councilBrandColour
})
