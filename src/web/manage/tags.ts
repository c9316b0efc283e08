// GOV.UK tags with colours that mean something (README: Reviewing an assessment and deciding): green is done or
// good, blue waits for the co-ordinator, yellow waits for the provider, red is refused or stopped, grey is inert.
import type { AwardState, AssessmentState } from '../../domain/workflow/index.js'
import type { ChecklistItemStatus } from '../../domain/evidence/checklist-item.js'
import type { ComputedLevel } from '../../domain/scheme/enums.js'
import { html } from '../../render/html.js'
import { words } from './words.js'
import type { Tag } from './forms.js'

const tag = (text: string, colour: string): Tag => ({ text, classes: `govuk-tag--${colour}` })

const ITEM: Record<ChecklistItemStatus, Tag> = {
  verified: tag('Verified', 'green'),
  submitted: tag('To review', 'blue'),
  info_requested: tag('Information requested', 'yellow'),
  rejected: tag('Rejected', 'red'),
  missing: tag('No evidence', 'grey'),
  not_applicable: tag('Does not apply', 'grey')
}
export const itemTag = (s: ChecklistItemStatus): Tag => ITEM[s]

const ASSESSMENT: Record<AssessmentState, Tag> = {
  draft: tag('Draft', 'grey'),
  submitted: tag('Submitted', 'blue'),
  under_review: tag('Under review', 'light-blue'),
  info_requested: tag('Information requested', 'yellow'),
  ready_for_decision: tag('Ready for decision', 'purple'),
  decision_proposed: tag('Decision proposed', 'orange'),
  decided: tag('Decided', 'green'),
  withdrawn: tag('Withdrawn', 'grey')
}
export const assessmentTag = (s: AssessmentState): Tag => ASSESSMENT[s]

const LEVEL: Record<ComputedLevel, Tag> = {
  gold: tag('Gold', 'yellow'),
  silver: tag('Silver', 'grey'),
  bronze: tag('Bronze', 'orange'),
  none: tag('No level', 'red')
}
export const levelTag = (l: ComputedLevel): Tag => LEVEL[l]
export const levelName = (l: ComputedLevel): string => LEVEL[l].text

const AWARD: Record<AwardState, Tag> = {
  active: tag('Active', 'green'),
  renewal_due: tag('Renewal due', 'yellow'),
  suspended: tag('Suspended', 'orange'),
  revoked: tag('Revoked', 'red'),
  withdrawn: tag('Withdrawn', 'grey'),
  expired: tag('Expired', 'grey'),
  superseded: tag('Superseded', 'grey')
}
export const awardTag = (s: AwardState): Tag => AWARD[s]

export const stateName = (s: AssessmentState): string => ASSESSMENT[s].text

/** A state's tag, coloured by its table. */
export const stateTagIn = <S extends string>(colours: Record<S, string>) => (s: S): string =>
  tagHtml(tag(words(s), colours[s]))

/** A link inside a summary list value or a table cell. */
export const linkHtml = (href: string, text: string): string =>
  html`<a class="govuk-link" href="${href}">${text}</a>`.value

/** A tag inside a summary list value or a table cell. */
export const tagHtml = (t: Tag): string => html`<strong class="govuk-tag ${t.classes}">${t.text}</strong>`.value
