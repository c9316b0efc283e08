// The provider's application as a GOV.UK task list (README: For providers): every checklist item by category with
// its status, what it needs, whether it needs a date and why it applies; items that do not apply, with the reason.
// Before the first assessment, a start page says what the Quality Mark is and what it takes.
import {
  TASK_STATUS_WORDS,
  taskStatus,
  whatItNeeds,
  whyItApplies,
  type TaskStatus
} from '../../domain/evidence/provider-words.js'
import { listApplicableItems, type ChecklistItem, type SchemeDocument } from '../../domain/scheme/index.js'
import type { AssessmentState } from '../../domain/workflow/index.js'
import type { MyApplication } from '../../use-cases/provider-portal.js'
import { layoutOf, type PageView } from '../layout.js'
import { PROVIDER_HOME, providerNavigation } from '../portal.js'

export interface TaskView {
  title: { text: string }
  href?: string
  hint: { text: string }
  status: { tag: { text: string; classes: string } } | { text: string; classes?: string }
}

export interface ErrorLink { href: string; text: string }

export interface TaskListView extends PageView {
  csrf: string
  providerName: string
  stateText: string
  done: number
  total: number
  canSend: boolean
  infoRequest: { note: string; answer: string; error: string | null } | null
  decisionHref: string | null
  errorList: ErrorLink[]
  notice: string | null
  categories: Array<{ title: string; tasks: TaskView[] }>
}

export interface StartView extends PageView {
  csrf: string
  providerName: string
  itemCount: number
  categories: string[]
  validityMonths: number
}

declare module '../views.js' {
  interface PageViews {
    'provider-task-list': TaskListView
    'provider-start': StartView
  }
}

const TAG: Readonly<Record<TaskStatus, string>> = {
  not_started: 'govuk-tag--blue',
  in_progress: 'govuk-tag--light-blue',
  sent: 'govuk-tag--yellow',
  verified: 'govuk-tag--green',
  more_information: 'govuk-tag--red',
  expiring: 'govuk-tag--orange',
  expired: 'govuk-tag--red',
  not_applicable: 'govuk-tag--grey'
}

const STATE_WORDS: Readonly<Record<AssessmentState, string>> = {
  draft: 'You have not sent your application yet. Send it when you are ready; you can add more afterwards.',
  submitted: 'You have sent your application. Your co-ordinator will start looking at it soon.',
  under_review: 'Your co-ordinator is looking at your application.',
  info_requested: 'Your co-ordinator has asked you for more information.',
  ready_for_decision: 'Your co-ordinator has finished looking at your application and will decide soon.',
  decision_proposed: 'Your co-ordinator has proposed a decision. Read it and tell us if anything is wrong.',
  decided: 'A decision has been made on your application.',
  withdrawn: 'This application was withdrawn.'
}

type Assessment = NonNullable<MyApplication['assessment']>
type ChecklistEntry = Assessment['checklist'][number]

/** The task list status of one checklist entry, from the domain's rules. */
export function statusOf (entry: ChecklistEntry, today: string, scheme: SchemeDocument): TaskStatus {
  const piece = entry.evidence.find((e) => e.status === entry.status) ?? entry.evidence.at(-1)
  const warnDays = Math.max(0, ...scheme.settings.evidenceReminderDays)
  return taskStatus(
    { status: entry.status, kind: piece?.kind ?? null, files: piece?.files.length ?? 0, expiresOn: entry.expiresOn },
    today,
    warnDays
  )
}

function taskOf (entry: ChecklistEntry, item: ChecklistItem, view: { today: string; app: MyApplication }): TaskView {
  const status = statusOf(entry, view.today, view.app.scheme)
  const why = whyItApplies(item.appliesWhen, view.app.provider.flags)
  if (status === 'not_applicable') {
    return { title: { text: item.title }, hint: { text: why }, status: { text: TASK_STATUS_WORDS[status] } }
  }
  return {
    title: { text: item.title },
    href: `${PROVIDER_HOME}/items/${item.code}`,
    hint: { text: `${whatItNeeds(item)} ${why}` },
    status: { tag: { text: TASK_STATUS_WORDS[status], classes: TAG[status] } }
  }
}

export interface TaskListInput {
  csrf: string
  app: MyApplication & { assessment: Assessment }
  today: string
  notice?: string | undefined
  answer?: { value: string; error: string } | undefined
}

export function taskListView (input: TaskListInput): TaskListView {
  const { app } = input
  const a = app.assessment
  const items = new Map(app.scheme.checklist.map((i) => [i.code, i]))
  const categories = app.scheme.categories.map((c) => ({
    title: c.title,
    tasks: a.checklist.flatMap((entry) => {
      const item = items.get(entry.code)
      return entry.category === c.code && item !== undefined ? [taskOf(entry, item, { today: input.today, app })] : []
    })
  })).filter((c) => c.tasks.length > 0)
  const applicable = a.checklist.filter((e) => e.applicable)
  const done = applicable.filter((e) => e.status === 'verified' || e.status === 'submitted').length
  const error = input.answer?.error ?? null
  return {
    layout: layoutOf({
      title: 'Your application',
      hasErrors: error !== null,
      navigation: providerNavigation(PROVIDER_HOME)
    }),
    csrf: input.csrf,
    providerName: app.provider.name,
    stateText: STATE_WORDS[a.state],
    done,
    total: applicable.length,
    canSend: a.allowedActions.includes('submit'),
    infoRequest: a.state === 'info_requested'
      ? { note: a.infoRequestNote ?? '', answer: input.answer?.value ?? '', error }
      : null,
    decisionHref: a.proposedLevel !== null ? `${PROVIDER_HOME}/decision` : null,
    errorList: error === null ? [] : [{ href: '#answer', text: error }],
    notice: input.notice ?? null,
    categories
  }
}

export function startView (csrf: string, app: MyApplication): StartView {
  const applicable = listApplicableItems(app.scheme.checklist, app.provider.flags)
  const used = new Set(applicable.map((i) => i.category))
  return {
    layout: layoutOf({ title: 'Apply for a Quality Mark', navigation: providerNavigation(PROVIDER_HOME) }),
    csrf,
    providerName: app.provider.name,
    itemCount: applicable.length,
    categories: app.scheme.categories.filter((c) => used.has(c.code)).map((c) => c.title),
    validityMonths: app.scheme.settings.awardValidityMonths
  }
}
