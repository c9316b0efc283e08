// The award page's view model (README: Reviewing an assessment and deciding): the award, why it is in its state,
// the badge a provider embeds, and the lifecycle actions its state allows.
import { allowedAwardActions, AwardState, type AwardEvent } from '../../domain/workflow/index.js'
import type { AwardRow } from '../../use-cases/awards.js'
import { layoutOf, type PageView } from '../layout.js'
import { MANAGE_HOME, manageNavigation } from '../portal.js'
import { ASSESSMENTS } from './assessment-views.js'
import { row, type Row } from './forms.js'
import { listView, type ListView } from './list-view.js'
import { awardTag, levelName, linkHtml, tagHtml } from './tags.js'

export const AWARDS = `${MANAGE_HOME}/awards`

/** The co-ordinator's lifecycle actions on an award; the others (renewal, expiry, appeal) come from elsewhere. */
export const AWARD_ACTIONS = ['suspend', 'reinstate', 'revoke', 'withdraw'] as const
export type AwardAction = (typeof AWARD_ACTIONS)[number] & AwardEvent

export interface AwardPageView extends PageView {
  title: string
  notice: string | null
  rows: Row[]
  badgeSrc: string
  verifyHref: string
  embed: string
  actions: Array<{ href: string; text: string; classes: string }>
}

declare module '../views.js' {
  interface PageViews {
    'manage-award': AwardPageView
  }
}

const ACTION_TEXT: Record<AwardAction, string> = {
  suspend: 'Suspend the award',
  reinstate: 'Reinstate the award',
  revoke: 'Revoke the award',
  withdraw: 'Withdraw the award'
}
/** Suspending, revoking and withdrawing take a mark away: they ask for confirmation and look like it. */
export const isDestructive = (a: AwardAction): boolean => a !== 'reinstate'

export function awardPage (i: {
  award: AwardRow
  providerName: string
  publicBaseUrl: string
  notice: string | null
}): AwardPageView {
  const w = i.award
  const title = `${i.providerName}: ${levelName(w.level)} award`
  const allowed = new Set<string>(allowedAwardActions(w.status))
  const verifyHref = `/verify/${w.id}`
  const q = w.feedbackQ === null ? 'no Q' : `Q ${w.feedbackQ}`
  return {
    layout: layoutOf({ title, navigation: manageNavigation(AWARDS) }),
    title,
    notice: i.notice,
    rows: [
      { key: { text: 'Status' }, value: { html: tagHtml(awardTag(w.status)) } },
      row('Level', levelName(w.level)),
      row('Valid', `${w.validFrom} to ${w.validTo}`),
      ...(w.statusReason === null ? [] : [row('Reason (never published)', w.statusReason)]),
      row('Feedback it rests on', `n ${w.feedbackN ?? 0}, ${q}${w.smallSample ? ', a small sample' : ''}`),
      {
        key: { text: 'Assessment' },
        value: { html: linkHtml(`${ASSESSMENTS}/${w.assessmentId}`, 'See the assessment') }
      }
    ],
    badgeSrc: `/badges/${w.id}.svg`,
    verifyHref,
    embed: `<a href="${i.publicBaseUrl}${verifyHref}"><img src="${i.publicBaseUrl}/badges/${w.id}.svg" ` +
      `alt="${levelName(w.level)} Quality Mark: check it is current"></a>`,
    actions: AWARD_ACTIONS.filter((a) => allowed.has(a)).map((a) => ({
      href: `${AWARDS}/${w.id}/${a}`,
      text: ACTION_TEXT[a],
      classes: isDestructive(a) ? 'govuk-button--warning' : 'govuk-button--secondary'
    }))
  }
}

export function awardList (i: {
  status: AwardState | undefined
  items: readonly AwardRow[]
  names: Map<string, string>
  meta: { page: number; totalPages: number; totalItems: number }
}): ListView {
  return listView({
    title: 'Awards',
    href: AWARDS,
    noun: 'awards',
    filter: {
      name: 'status',
      label: 'Status',
      value: i.status,
      values: AwardState.options,
      text: (s) => awardTag(s).text
    },
    head: ['Provider', 'Level', 'Status', 'Valid to'],
    rows: i.items.map((w) => [
      { html: linkHtml(`${AWARDS}/${w.id}`, i.names.get(w.providerId) ?? 'Provider') },
      { text: levelName(w.level) },
      { html: tagHtml(awardTag(w.status)) },
      { text: w.validTo }
    ]),
    page: i.meta.page,
    totalPages: i.meta.totalPages,
    total: i.meta.totalItems
  })
}

export const actionTitle = (a: AwardAction): string => ACTION_TEXT[a]
