// "Keeping your mark" (README: For providers): evidence to renew by the scheme's reminder windows with links to the
// items, the renewal assessment, the concerns the provider may see, their appeals and what they may appeal today.
import {
  allowedAppealActions,
  type AppealState,
  type AppealSubject,
  type ConcernState
} from '../../domain/workflow/index.js'
import type { AppealTarget, MyKeeping } from '../../use-cases/provider-keeping.js'
import { longDate } from '../../use-cases/publication/public-award.js'
import { layoutOf, type PageView } from '../layout.js'
import { words } from '../manage/words.js'
import { PROVIDER_HOME, providerNavigation } from '../portal.js'

interface Row { key: { text: string }; value: { text: string } }

export interface KeepingView extends PageView {
  notice: string | null
  renewGroups: Array<{ heading: string; items: Array<{ href: string; title: string; date: string }> }>
  renewal: { text: string; href: string } | null
  /** why new evidence cannot be sent now, when it cannot */
  cannotSend: string | null
  /** between assessments, behind a live mark: how to keep it */
  canRenew: string | null
  concerns: Array<{ heading: string; rows: Row[] }>
  /** `withdrawHref` while the provider may still withdraw it */
  appeals: Array<{ heading: string; about: string; rows: Row[]; withdrawHref: string | null }>
  canAppeal: Array<{ text: string; href: string }>
  cannotAppeal: string[]
}

declare module '../views.js' {
  interface PageViews {
    'provider-keeping': KeepingView
  }
}

export const KEEPING_HREF = `${PROVIDER_HOME}/keeping`

/** Whether the provider may still withdraw an appeal in this state (src/domain/workflow/appeal-lifecycle.ts). */
export const canWithdraw = (state: AppealState): boolean => allowedAppealActions(state).includes('withdraw')
export const withdrawHref = (id: string) => `${PROVIDER_HOME}/appeals/${id}/withdraw`

/** What is appealed, as the provider reads it ("the decision on your application"). */
export const SUBJECT_WORDS: Readonly<Record<AppealSubject, string>> = {
  decision: 'the decision on your application',
  downgrade: 'the level of your mark',
  suspension: 'the suspension of your mark',
  revocation: 'the removal of your mark'
}

const APPEAL_STATE_WORDS: Readonly<Record<AppealState, string>> = {
  lodged: 'We have received your appeal.',
  acknowledged: 'The council has told you it has your appeal and will find an independent reviewer.',
  under_review: 'An independent reviewer is looking at your appeal.',
  upheld: 'The reviewer agreed with you.',
  partly_upheld: 'The reviewer agreed with you in part.',
  dismissed: 'The reviewer did not agree with you.',
  withdrawn: 'You withdrew this appeal.',
  closed: 'This appeal is finished.'
}

const CONCERN_STATE_WORDS: Readonly<Record<ConcernState, string>> = {
  received: 'The council has received it.',
  triaged: 'The council has looked at it and decided what to do next.',
  investigating: 'The council is looking into it. They may contact you.',
  upheld: 'The council decided the concern was right.',
  partly_upheld: 'The council decided the concern was partly right.',
  not_upheld: 'The council decided the concern was not right.',
  closed: 'This concern is finished.'
}

const WINDOW_HEADINGS = (w: number | 'expired') => w === 'expired' ? 'Ran out' : `Runs out within ${w} days`

function renewGroupsOf (renewing: MyKeeping['renewing']): KeepingView['renewGroups'] {
  const groups = new Map<number | 'expired', KeepingView['renewGroups'][number]>()
  for (const r of renewing) {
    const group = groups.get(r.window) ?? { heading: WINDOW_HEADINGS(r.window), items: [] }
    group.items.push({ href: `${PROVIDER_HOME}/items/${r.code}`, title: r.title, date: longDate(r.expiresOn) })
    groups.set(r.window, group)
  }
  const rank = (w: number | 'expired') => (w === 'expired' ? -1 : w)
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([, g]) => g)
}

const row = (key: string, value: string): Row => ({ key: { text: key }, value: { text: value } })

function appealTargetsOf (targets: readonly AppealTarget[]) {
  const canAppeal = targets.flatMap((t) => t.check.ok
    ? [{
        text: `Appeal against ${SUBJECT_WORDS[t.subjectType]} by ${longDate(t.check.lastDay)}`,
        href: `${PROVIDER_HOME}/appeal?subject=${t.subjectType}`
      }]
    : [])
  const cannotAppeal = targets.flatMap((t) => {
    if (t.check.ok) return []
    const what = SUBJECT_WORDS[t.subjectType]
    const lastDay = t.check.error.details?.lastDay
    if (t.check.error.code === 'APPEAL_WINDOW_CLOSED' && typeof lastDay === 'string') {
      return [`The time to appeal against ${what} ended on ${longDate(lastDay)}.`]
    }
    return t.check.error.code === 'APPEAL_ALREADY_OPEN' ? [`Your appeal against ${what} is open.`] : []
  })
  return { canAppeal, cannotAppeal }
}

export function keepingView (k: MyKeeping, notice: string | null): KeepingView {
  return {
    layout: layoutOf({ title: 'Keeping your mark', navigation: providerNavigation(KEEPING_HREF) }),
    notice,
    renewGroups: renewGroupsOf(k.renewing),
    renewal: k.renewal === null
      ? null
      : { text: 'Your renewal assessment is open. Send what it asks for from its task list.', href: PROVIDER_HOME },
    canRenew: k.canSend && k.renewal === null && k.award !== null
      ? 'To keep your mark, send the new evidence from each item’s page before the old one runs out. ' +
        'Your co-ordinator will check it.'
      : null,
    cannotSend: k.canSend || k.award === null
      ? null
      : k.award.award.status === 'renewal_due'
        ? 'Your mark is due for renewal. When your renewal assessment opens, send new evidence from its task list.'
        : 'You can send new evidence when your next assessment opens: your renewal opens ' +
          `${k.renewalLeadDays} days before your mark ends. If something runs out before then, tell your co-ordinator.`,
    concerns: k.concerns.map((c) => ({
      heading: `Concern raised on ${longDate(c.raisedOn)}`,
      rows: [
        ...('summary' in c ? [row('What it is about', c.summary)] : []),
        row('Where it is', CONCERN_STATE_WORDS[c.state]),
        ...(c.outcome === null ? [] : [row('Outcome', words(c.outcome))])
      ]
    })),
    appeals: k.appeals.map((a) => ({
      heading: `Appeal against ${SUBJECT_WORDS[a.subjectType]}`,
      about: SUBJECT_WORDS[a.subjectType],
      withdrawHref: canWithdraw(a.state) ? withdrawHref(a.id) : null,
      rows: [
        row('Sent on', longDate(a.lodgedAt)),
        row('Where it is', APPEAL_STATE_WORDS[a.state]),
        ...(a.outcomeReason === null ? [] : [row('The reviewer’s reasons', a.outcomeReason)])
      ]
    })),
    ...appealTargetsOf(k.targets)
  }
}
