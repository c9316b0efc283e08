// The feedback form (README: Feedback from people who use services): one page, plain English or easy read, a fieldset
// and legend per question, an error summary linked to the fields, the comment box, the safeguarding box and a short
// consent statement. No JavaScript.
import type { FieldProblem } from '../../domain/errors.js'
import type { Instrument, ScaleItem } from '../../domain/feedback/index.js'
import type { FeedbackTarget } from '../../use-cases/feedback-instrument.js'
import { button, checkboxes, errorSummary, firstInputId, radios, textarea, type FieldError } from '../components.js'
import { html, type Html } from '../html.js'
import { renderPage, type Page } from '../legacy-layout.js'

/** What the person sent, kept on a bad submit so nothing they chose is lost. */
export interface FormValues {
  answers: Record<string, string>
  safeguarding: boolean
}
export const emptyFormValues = (): FormValues => ({ answers: {}, safeguarding: false })

export interface FormPage {
  token: string
  target: FeedbackTarget
  easyRead: boolean
  values: FormValues
  problems: readonly FieldProblem[]
}

export const SAFEGUARDING_FIELD = 'safeguarding'
const fieldId = (code: string) => `q-${code}`

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

function question (
  instrument: Instrument,
  q: Numbered,
  numbers: Map<string, number>,
  page: FormPage,
  error: string | undefined
): Html {
  const { item, number } = q
  const scale = instrument.scales.find((s) => s.code === item.scale)
  const wording = page.easyRead ? item.wording.easyRead : item.wording.plain
  const condition = item.askedWhen
  const hint =
    condition === null
      ? undefined
      : page.easyRead
        ? `Only answer this if you said Yes to question ${numbers.get(condition.item) ?? ''}.`
        : `Only answer this if you said yes to question ${numbers.get(condition.item) ?? ''}. ` +
          'If you said no, leave it and go on to the next question.'
  return radios({
    name: item.code,
    idPrefix: fieldId(item.code),
    legend: html`<span class="caption">Question ${number}</span>${wording}`,
    hint,
    error,
    choices: (scale?.answers ?? []).map((a) => ({
      value: a.value,
      text: page.easyRead ? a.wording.easyRead : a.wording.plain
    })),
    checked: page.values.answers[item.code] === undefined ? [] : [page.values.answers[item.code]!]
  })
}

function introduction (page: FormPage): Html {
  const { target } = page
  if (page.easyRead) {
    return html`<p>We want to know what you think about the help you get from ${target.providerName}.</p>
      <p>There are ${numberQuestions(target.instrument).length} questions. Pick one answer for each question.</p>
      <p>You can ask someone to help you.</p>
      <div class="inset">
        <p>We will not ask your name.</p>
        <p>${target.providerName} will not see your answers. They only see totals from 3 or more people.</p>
        <p>When you send your answers, you say yes to us using them.</p>
      </div>`
  }
  return html`<p>Tell us about the care and support you get from ${target.providerName}. It takes about 5 minutes.</p>
    <p>${target.councilName} uses these answers, with other people's, to decide the provider's Quality Mark.</p>
    <div class="inset">
      <h2 class="heading-m">Your answers are anonymous</h2>
      <p>
        We do not ask for your name, and we do not keep your contact details, your IP address or details of your device.
        The provider only sees totals from 3 or more people, never your own answers. Comments are checked by the council
        before the provider sees them, and deleted after ${target.commentRetentionDays} days.
      </p>
      <p>By sending your answers you agree that ${target.councilName} may use them in this way.</p>
    </div>`
}

export function renderFeedbackForm (page: FormPage): Page {
  const { instrument } = page.target
  const messages = errorMessages(instrument, page.problems, page.easyRead)
  const questions = numberQuestions(instrument)
  const numbers = new Map(questions.map((q) => [q.item.code, q.number]))
  const summary: FieldError[] = instrument.items.flatMap((item) => {
    const text = messages.get(item.code)
    if (text === undefined) return []
    return [{ href: item.kind === 'text' ? fieldId(item.code) : firstInputId(fieldId(item.code)), text }]
  })
  const title = page.easyRead ? 'Tell us about your support' : instrument.title
  const otherVersion = page.easyRead
    ? html`<p><a href="?version=standard">Standard version of this form</a></p>`
    : html`<p><a href="?version=easy">Easy read version of this form</a></p>`
  const body = html`<div class="${page.easyRead ? 'easy-read' : ''}">
    ${errorSummary(summary)}
    <span class="caption">${page.target.providerName}</span>
    <h1>${title}</h1>
    ${otherVersion} ${introduction(page)}
    <form method="post" action="/feedback/${page.token}" novalidate>
      <input type="hidden" name="version" value="${page.easyRead ? 'easy' : 'standard'}" />
      ${instrument.items.map((item) => {
        if (item.kind === 'text') {
          return textarea({
            name: item.code,
            id: fieldId(item.code),
            label: page.easyRead ? item.wording.easyRead : item.wording.plain,
            hint: page.easyRead
              ? 'You do not have to write anything. Do not write your name.'
              : "Optional. Please do not include your name or anyone else's.",
            error: messages.get(item.code),
            value: page.values.answers[item.code] ?? '',
            maxLength: item.maxLength
          })
        }
        return question(
          instrument,
          { item, number: numbers.get(item.code) ?? 0 },
          numbers,
          page,
          messages.get(item.code)
        )
      })}
      ${checkboxes({
        name: SAFEGUARDING_FIELD,
        idPrefix: 'q-safeguarding',
        legend: page.easyRead ? 'Are you worried about someone being hurt?' : 'Telling someone about a worry',
        hint: page.easyRead
          ? 'Tick the box if you are worried. We will tell the council. If someone is in danger now, call 999.'
          : "Tick the box if you are worried about your safety or someone else's. " +
            "We will tell the council's safeguarding team. If someone is in danger now, call 999.",
        choices: [
          {
            value: 'yes',
            text: page.easyRead
              ? "I am worried about my safety or someone else's"
              : "I want to tell someone about a worry for my safety or someone else's"
          }
        ],
        checked: page.values.safeguarding ? ['yes'] : []
      })}
      ${button('Send my answers')}
    </form>
  </div>`
  return renderPage({ title, councilName: page.target.councilName, hasErrors: summary.length > 0, body })
}
