// The review page's view model (README: Reviewing an assessment and deciding): the checklist by category with each
// item's status and why it applies, its evidence, the live score with its reasons and a what-if on it, the
// information request and the decision, and the actions the assessment's state allows.
import { checkEvidenceReviewable } from '../../domain/evidence/evidence-rules.js'
import type { OfferingFlag } from '../../domain/scheme/enums.js'
import type { AppliesWhen, SchemeDocument } from '../../domain/scheme/index.js'
import type { ScoringResult } from '../../domain/scoring/index.js'
import { AssessmentState } from '../../domain/workflow/index.js'
import type { getAssessment } from '../../use-cases/assessments.js'
import type { ProviderRow } from '../../use-cases/providers.js'
import { layoutOf, type PageView } from '../layout.js'
import { MANAGE_HOME, manageNavigation } from '../portal.js'
import { assessmentPath } from './feedback/common.js'
import { row, type Row, type Tag } from './forms.js'
import { listView, type ListView } from './list-view.js'
import { EVIDENCE_KIND_NAMES, TIER_NAMES } from './scheme-words.js'
import { scoreView, type ScoreView } from './score-view.js'
import { assessmentTag, itemTag, levelName, linkHtml, stateName, tagHtml } from './tags.js'

export const ASSESSMENTS = `${MANAGE_HOME}/assessments`
export type Assessment = Awaited<ReturnType<typeof getAssessment>>
type Piece = Assessment['checklist'][number]['evidence'][number]

const OFFERING: Record<OfferingFlag, string> = {
  personalCare: 'personal care',
  medication: 'help with medication',
  foodPreparation: 'food preparation',
  transport: 'transport',
  loneWorking: 'lone working',
  handlesMoney: "handling people's money",
  employsStaff: 'employing staff'
}

/** Why an item applies (or not), from its scheme rule and the provider's offering as it is now. */
export function whyItApplies (when: AppliesWhen, applies: boolean): string {
  if (when.allOf.length === 0 && when.anyOf.length === 0) return 'Applies to every provider'
  const all = when.allOf.map((f) => OFFERING[f]).join(' and ')
  const any = when.anyOf.map((f) => OFFERING[f]).join(' or ')
  const rule = [all, any].filter((s) => s !== '').join(', and ')
  return applies ? `Applies because the provider's offering includes ${rule}` : `Does not apply: it needs ${rule}`
}

export interface PieceView {
  id: string
  href: string
  summary: string
  tag: Tag
  quickVerify: boolean
  version: number
}
export interface ItemView {
  code: string
  title: string
  rows: Row[]
  pieces: PieceView[]
}

export interface AssessmentPageView extends PageView {
  csrf: string
  href: string
  caption: string
  title: string
  notice: string | null
  version: number
  summaryRows: Row[]
  infoRows: Row[]
  decisionRows: Row[]
  score: ScoreView
  whatIf: {
    options: Array<{ value: string; text: string; checked: boolean }>
    result: ScoreView | null
    sentence: string | null
  }
  categories: Array<{ title: string; items: ItemView[] }>
  actions: {
    startReview: boolean
    markReady: boolean
    requestInfo: boolean
    reopen: boolean
    propose: boolean
    publish: boolean
  }
  awardHref: string | null
  /** the assessment's feedback pages: letters, interviews, comments and results */
  feedbackHref: string
}

const day = (d: Date) => d.toISOString().slice(0, 10)

function pieceSummary (p: Piece): string {
  const dates = [
    p.issuedOn === null ? '' : `issued ${p.issuedOn}`,
    p.expiresOn === null ? '' : `expires ${p.expiresOn}`
  ]
  const files = p.files.length === 0 ? '' : `${p.files.length} file${p.files.length === 1 ? '' : 's'}`
  const given = `${EVIDENCE_KIND_NAMES[p.kind]} given ${day(p.createdAt)}`
  return [given, ...dates, files].filter((s) => s !== '').join(', ')
}

const isPending = (p: Piece) => p.status === 'submitted' || p.status === 'info_requested'
const hasWhatItNeeds = (p: Piece) => (p.kind !== 'document' && p.kind !== 'photos') || p.files.length > 0

function itemView (a: Assessment, scheme: SchemeDocument, item: Assessment['checklist'][number]): ItemView {
  const rule = scheme.checklist.find((i) => i.code === item.code)?.appliesWhen ?? { allOf: [], anyOf: [] }
  const href = `${ASSESSMENTS}/${a.id}`
  const rows: Row[] = [
    { key: { text: 'Status' }, value: { html: tagHtml(itemTag(item.status)) } },
    row('Why it applies', whyItApplies(rule, item.applicable)),
    row('Tier', `${TIER_NAMES[item.tier]}${item.limiter ? '; a limiter' : ''}`)
  ]
  if (item.expiresOn !== null) rows.push(row('Expires', item.expiresOn))
  if (item.note !== null) rows.push(row('Your note', item.note))
  return {
    code: item.code,
    title: item.title,
    rows,
    pieces: item.evidence.map((p) => ({
      id: p.id,
      href: `${href}/evidence/${p.id}`,
      summary: pieceSummary(p),
      tag: itemTag(p.status),
      quickVerify: checkEvidenceReviewable(a.state, a.keeping).ok && isPending(p) && hasWhatItNeeds(p),
      version: p.version
    }))
  }
}

function decisionRows (a: Assessment): Row[] {
  if (a.proposedLevel === null) return []
  const rows = [
    row('Proposed level', levelName(a.proposedLevel)),
    row('Computed level when proposed', a.computedLevel === null ? 'not recorded' : levelName(a.computedLevel)),
    row('Reason for a lower level', a.decisionReason ?? 'None: the computed level was proposed'),
    row('Factual-accuracy window ends', a.factualAccuracyEndsOn ?? 'not set'),
    row("Provider's comment", a.providerComment ?? 'No comment'),
    row('Accepted by the provider', a.providerAcceptedAt === null ? 'Not yet' : day(a.providerAcceptedAt))
  ]
  if (a.outcome !== null) rows.push(row('Outcome', a.outcome === 'awarded' ? 'Awarded' : 'Not awarded'))
  return rows
}

export interface AssessmentPageInput {
  csrf: string
  assessment: Assessment
  provider: ProviderRow
  scheme: SchemeDocument
  score: ScoringResult
  whatIf: { codes: readonly string[]; result: ScoringResult | null }
  notice: string | null
}

export function assessmentPage (i: AssessmentPageInput): AssessmentPageView {
  const a = i.assessment
  const title = `${i.provider.name}: ${a.kind} assessment`
  const allowed = new Set<string>(a.allowedActions)
  const categories = i.scheme.categories
    .map((c) => ({
      title: c.title,
      items: a.checklist.filter((item) => item.category === c.code).map((item) => itemView(a, i.scheme, item))
    }))
    .filter((c) => c.items.length > 0)
  const chosen = new Set(i.whatIf.codes)
  const result = i.whatIf.result
  return {
    layout: layoutOf({ title, navigation: manageNavigation(ASSESSMENTS) }),
    csrf: i.csrf,
    href: `${ASSESSMENTS}/${a.id}`,
    caption: 'Assessment review',
    title,
    notice: i.notice,
    version: a.version,
    summaryRows: [
      { key: { text: 'State' }, value: { html: tagHtml(assessmentTag(a.state)) } },
      {
        key: { text: 'Provider' },
        value: { html: linkHtml(`${MANAGE_HOME}/providers/${i.provider.id}`, i.provider.name) }
      },
      row('Opened', day(a.createdAt)),
      row('Last changed', day(a.updatedAt))
    ],
    infoRows: [
      ...(a.infoRequestNote === null ? [] : [row('You asked', a.infoRequestNote)]),
      ...(a.infoResponseNote === null ? [] : [row('The provider answered', a.infoResponseNote)])
    ],
    decisionRows: decisionRows(a),
    score: scoreView(i.score),
    whatIf: {
      options: a.checklist
        .filter((item) => item.applicable && item.status !== 'verified')
        .map((item) => ({ value: item.code, text: `${item.code}: ${item.title}`, checked: chosen.has(item.code) })),
      result: result === null ? null : scoreView(result),
      sentence: result === null
        ? null
        : `If ${[...chosen].join(', ')} ${chosen.size === 1 ? 'were' : 'were all'} verified, the level would be ` +
          `${levelName(result.computedLevel)} (it is ${levelName(i.score.computedLevel)} now).`
    },
    categories,
    actions: {
      startReview: allowed.has('start_review'),
      markReady: allowed.has('mark_ready'),
      requestInfo: allowed.has('request_info'),
      reopen: allowed.has('reopen_review'),
      propose: allowed.has('propose_decision'),
      publish: allowed.has('publish_decision')
    },
    awardHref: a.awardId === null ? null : `${MANAGE_HOME}/awards/${a.awardId}`,
    feedbackHref: assessmentPath(a.id)
  }
}

/** The council's assessments, newest first, filtered by state. */
export function assessmentList (i: {
  state: AssessmentState | undefined
  items: ReadonlyArray<Pick<Assessment, 'id' | 'providerId' | 'kind' | 'state' | 'updatedAt'>>
  names: Map<string, string>
  meta: { page: number; totalPages: number; totalItems: number }
}): ListView {
  return listView({
    title: 'Assessments',
    href: ASSESSMENTS,
    noun: 'assessments',
    filter: { name: 'state', label: 'State', value: i.state, values: AssessmentState.options, text: stateName },
    head: ['Provider', 'Kind', 'State', 'Last changed'],
    rows: i.items.map((a) => [
      { html: linkHtml(`${ASSESSMENTS}/${a.id}`, i.names.get(a.providerId) ?? 'Provider') },
      { text: a.kind },
      { html: tagHtml(assessmentTag(a.state)) },
      { text: day(a.updatedAt) }
    ]),
    page: i.meta.page,
    totalPages: i.meta.totalPages,
    total: i.meta.totalItems
  })
}

declare module '../views.js' {
  interface PageViews {
    'manage-assessment': AssessmentPageView
  }
}
