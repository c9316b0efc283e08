// The demo council's year so far, driven through the real use cases (open → evidence → review → feedback → decision
// → award), so `npm start` shows what co-ordinators, providers and the public would see: 2 gold, 3 silver (one then
// suspended), 2 bronze, 1 not awarded, one review waiting on information with live feedback links, one just submitted.
import type { ChecklistItem, EvidenceKind } from '../domain/scheme/index.js'
import { isItemApplicable } from '../domain/scheme/index.js'
import type { Instrument, ScaleItem } from '../domain/feedback/index.js'
import { createUser } from './admin.js'
import { actOnAssessment, openAssessment, type AssessmentRow } from './assessments.js'
import { changeAward } from './awards.js'
import { isoDate, type Ctx, type Deps } from './context.js'
import { acceptDecision, getLiveScore, proposeDecision, publishDecision } from './decisions.js'
import { demoProviders, type DemoStep } from './demo.js'
import { addEvidence, attachEvidenceFiles, loadAssessmentBasis, reviewEvidence } from './evidence.js'
import { bufferedFile } from './uploads.js'
import { createFeedbackInvitations } from './feedback-invitations.js'
import { recordInterviewFeedback } from './feedback-responses.js'

/**
 * One person's interview: the eight scored answers in the instrument's order (OCC_NOW, CTL_NOW, SAFE, DIGNITY,
 * RELIABLE, CHOICE, CONTINUITY_STAFF, RECOMMEND; 3 best … 0 worst) and the two "without this support" scores
 * ('' = the support makes no difference).
 */
interface Voice {
  now: string
  without: string
  by?: 'carer'
  comment?: string
}

interface DemoStory {
  provider: string
  owner: string
  /** Opened this many days ago; each stage follows a few days later, so the reports show real durations. */
  daysAgo: number
  /** Evidence for every applicable item of these tiers (B bronze, S silver, G gold), plus a few gold items. */
  tiers: Array<ChecklistItem['tier']>
  extra?: string[]
  voices: Voice[]
  /**
   * Where the story stops: a published decision (the computed level), a review waiting on information, or just
   * submitted.
   */
  end: 'published' | 'info_requested' | 'submitted'
  /** Dated evidence running out soon, in days from today: what the reminder job and the operations report pick up. */
  expiresIn?: Record<string, number>
  rejected?: { item: string; note: string }
  suspend?: { daysAgo: number; reason: string }
}

const B: DemoStory['tiers'] = ['B']
const BS: DemoStory['tiers'] = ['B', 'S']

const stories: DemoStory[] = [
  {
    provider: 'Shared Lives with Maya',
    owner: 'Maya Okafor',
    daysAgo: 75,
    tiers: ['B', 'S', 'G'],
    end: 'published',
    voices: [
      { now: '33333333', without: '11', comment: 'Maya helps me cook my own tea now. I like living here.' },
      { now: '33332333', without: '21', by: 'carer' }
    ]
  },
  {
    provider: 'Allotment Days',
    owner: 'Priya Shah',
    daysAgo: 60,
    tiers: ['B', 'S', 'G'],
    end: 'published',
    expiresIn: { INS_MOTOR: 25 },
    voices: [
      { now: '33333333', without: '21' },
      { now: '33332333', without: '11', comment: 'The cooking days are the best bit of my week.' },
      { now: '23333323', without: '12' },
      { now: '33333332', without: '22' },
      { now: '33323333', without: '11', by: 'carer' },
      { now: '32333333', without: '' }
    ]
  },
  {
    provider: 'Wharfe Valley Care',
    owner: 'Gareth Hughes',
    daysAgo: 120,
    tiers: BS,
    end: 'published',
    voices: [
      { now: '32322322', without: '11' },
      { now: '22332222', without: '' },
      { now: '33333233', without: '21' },
      { now: '22222322', without: '11', by: 'carer', comment: 'Evening visits are sometimes very late.' }
    ],
    suspend: {
      daysAgo: 20,
      reason: 'Serious complaint about missed evening visits: suspended while the council investigates'
    }
  },
  {
    provider: 'Calm Minds Walking Group',
    owner: 'Jo Brennan',
    daysAgo: 50,
    tiers: BS,
    extra: ['CPD', 'STORY'],
    end: 'published',
    expiresIn: { FIRST_AID: 6 },
    voices: [
      { now: '32333232', without: '11' },
      { now: '22322322', without: '21' },
      { now: '33333333', without: '11', comment: 'Walking with the group got me out of the house again.' },
      { now: '22232222', without: '' }
    ]
  },
  {
    provider: 'Yorkshire Supported Living',
    owner: 'Helen Marsh',
    daysAgo: 40,
    tiers: BS,
    extra: ['CPD', 'REVIEWS', 'PEER_NETWORK'],
    end: 'published',
    voices: [
      { now: '33333333', without: '11' },
      { now: '33323332', without: '21' },
      { now: '32333333', without: '12' },
      { now: '23332333', without: '' },
      { now: '33333323', without: '22', by: 'carer' }
    ]
  },
  {
    provider: 'Bramley Community Care',
    owner: 'Sam Whitaker',
    daysAgo: 45,
    tiers: BS,
    end: 'published',
    voices: [
      { now: '22322322', without: '11' },
      { now: '23222222', without: '' },
      { now: '32332323', without: '21' },
      { now: '22222222', without: '11', by: 'carer', comment: 'Different carers most weeks, but they are kind.' }
    ]
  },
  {
    provider: "Tom's Trips",
    owner: 'Tom Ellis',
    daysAgo: 35,
    tiers: B,
    end: 'published',
    expiresIn: { INS_PL: 50 },
    voices: [
      { now: '22232212', without: '11' },
      { now: '21322312', without: '' },
      { now: '32222322', without: '21', by: 'carer' }
    ]
  },
  {
    provider: 'Independent Steps',
    owner: 'Chris Adeyemi',
    daysAgo: 30,
    tiers: B,
    end: 'published',
    rejected: {
      item: 'SG_TRAIN',
      note: 'This is a food hygiene certificate, not safeguarding adults training: please send the safeguarding ' +
        'certificate.'
    },
    voices: [
      { now: '22222222', without: '11' },
      { now: '32322222', without: '21' },
      { now: '22232322', without: '' }
    ]
  },
  {
    provider: 'Moortown Day Centre',
    owner: 'Ruth Cole',
    daysAgo: 14,
    tiers: B,
    end: 'info_requested',
    voices: [
      { now: '33323232', without: '21' },
      { now: '23333322', without: '11', by: 'carer' }
    ]
  },
  {
    provider: "Ann's Home Help",
    owner: 'Ann Fletcher',
    daysAgo: 2,
    tiers: [],
    extra: ['SIZE_DECL', 'CCJ_DECL'],
    end: 'submitted',
    voices: []
  }
]

const DAY = 86_400_000
const FOOD_HYG_QUERY =
  'The photo of the food hygiene certificate is cut off: please send the whole page with its expiry date.'

/** The smallest content the upload check recognises as a PDF (magic bytes %PDF-). */
const demoPdf = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`)

/**
 * Paperwork only where the item asks for it (src/domain/README.md: no paperwork for its own sake); registers are
 * checked by staff.
 */
function chooseKind (item: ChecklistItem): EvidenceKind {
  const kinds = item.evidenceKinds
  return (['declaration', 'narrative', 'observation'] as const).find((k) => kinds.includes(k)) ?? 'document'
}

/** What the demo's stories rely on being there (the default scheme, its own providers); a broken one says so. */
function found<T> (value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the demo needs ${what}`)
  return value
}

/** The instrument's answer values for a voice, so the demo follows whatever wording the scheme publishes. */
function answersOf (instrument: Instrument, voice: Voice): Record<string, unknown> {
  const scaleItems = instrument.items.filter((i): i is ScaleItem => i.kind === 'scale')
  const scaleOf = (item: ScaleItem) =>
    found(instrument.scales.find((s) => s.code === item.scale), `scale ${item.scale}`)
  const value = (item: ScaleItem, score: string | undefined) =>
    found(scaleOf(item).answers.find((a) => a.score === Number(score)), `score ${score} on ${item.code}`).value
  const answers: Record<string, unknown> = {}
  scaleItems
    .filter((i) => i.scored)
    .forEach((item, k) => {
      answers[item.code] = value(item, voice.now[k])
    })
  instrument.gainPairs.forEach((pair, k) => {
    const without = found(scaleItems.find((i) => i.code === pair.without), `item ${pair.without}`)
    const asked = found(without.askedWhen ?? undefined, `the condition of ${without.code}`)
    const affect = found(scaleItems.find((i) => i.code === asked.item), `item ${asked.item}`)
    answers[asked.item] =
      voice.without === ''
        ? found(scaleOf(affect).answers.find((a) => a.value !== asked.answer), `another answer to ${affect.code}`).value
        : asked.answer
    if (voice.without !== '') answers[without.code] = value(without, voice.without[k])
  })
  if (voice.comment !== undefined) answers.COMMENT = voice.comment
  return answers
}

/** What the provider (or, for an observation, the co-ordinator) writes: short, in their own voice. */
function evidenceText (item: ChecklistItem, kind: EvidenceKind, story: DemoStory): string {
  if (kind === 'observation') return `Seen by the co-ordinator on a visit: ${item.title.toLowerCase()}.`
  if (kind === 'declaration') {
    return `I, ${story.owner}, declare this is true for ${story.provider}: ${item.title.toLowerCase()}.`
  }
  return (
    STORY_TEXTS[item.code] ??
    `${item.title}: we have it written down, go through it with everyone who starts, and look at it again each year.`
  )
}
const STORY_TEXTS: Record<string, string> = {
  STORY:
    'One person we support had not left home for a year. We started with short walks to the corner shop; she now ' +
      'comes to the Friday lunch club and has planned its summer trip with us.',
  CPD: 'This year we all refreshed first aid and dementia awareness, and two of us did the local autism training.',
  PEER_NETWORK:
    "We go to the council's micro-provider network every quarter and share training places with " +
    'two other small providers.'
}

interface Who {
  provider: Ctx
  staff: Ctx
}

async function giveEvidence (
  deps: Deps,
  who: Who,
  a: AssessmentRow,
  item: ChecklistItem,
  kind: EvidenceKind,
  story: DemoStory
) {
  const ctx = kind === 'observation' ? who.staff : who.provider
  const expiresIn = story.expiresIn?.[item.code]
  // A certificate running out soon carries its expiry date; the others were issued shortly before the assessment
  // opened.
  const dated =
    item.validityMonths === null
      ? {}
      : expiresIn === undefined
        ? { issuedOn: isoDate(new Date(ctx.now.getTime() - 60 * DAY)) }
        : { expiresOn: isoDate(new Date(deps.clock().getTime() + expiresIn * DAY)) }
  const piece = await addEvidence(deps, ctx, a.id, {
    itemCode: item.code,
    kind,
    ...(kind === 'document' ? {} : { narrative: evidenceText(item, kind, story) }),
    ...dated
  })
  if (kind === 'document') {
    await attachEvidenceFiles(deps, ctx, a.id, piece.id, [
      await bufferedFile(`${item.code.toLowerCase()}.pdf`, demoPdf(item.title))
    ])
  }
  return piece
}

/**
 * Opens and submits as the provider, then the co-ordinator starts the review, adds observations and reviews every
 * piece.
 */
async function gatherEvidence (deps: Deps, at: (n: number) => Who, a: AssessmentRow, story: DemoStory) {
  const { scheme, provider: profile } = await loadAssessmentBasis(deps.db, a)
  const items = scheme.checklist.filter(
    (i) =>
      isItemApplicable(i, profile.flags) && (story.tiers.includes(i.tier) || story.extra?.includes(i.code) === true)
  )
  // The rejected piece is the wrong certificate uploaded by the provider, not a co-ordinator's observation.
  const kindOf = (i: ChecklistItem) => (story.rejected?.item === i.code ? 'document' : chooseKind(i))
  const pieces: Array<{ id: string; itemCode: string }> = []
  for (const item of items.filter((i) => kindOf(i) !== 'observation')) {
    pieces.push(await giveEvidence(deps, at(0), a, item, kindOf(item), story))
  }
  await actOnAssessment(deps, at(1).provider, a.id, 'submit', undefined, null)
  if (story.end === 'submitted') return
  await actOnAssessment(deps, at(3).staff, a.id, 'start_review', undefined, null)
  for (const item of items.filter((i) => kindOf(i) === 'observation')) {
    pieces.push(await giveEvidence(deps, at(3), a, item, 'observation', story))
  }
  for (const piece of pieces) {
    const queried = story.end === 'info_requested' && piece.itemCode === 'FOOD_HYG'
    const event = piece.itemCode === story.rejected?.item ? 'reject' : queried ? 'request_info' : 'verify'
    await reviewEvidence(
      deps,
      at(5).staff,
      a.id,
      piece.id,
      event,
      event === 'reject' ? found(story.rejected, 'the rejection').note : queried ? FOOD_HYG_QUERY : null
    )
  }
  for (const [k, voice] of story.voices.entries()) {
    await recordInterviewFeedback(deps, at(4 + k).staff, a.id, {
      respondentType: voice.by ?? 'person',
      mode: k % 2 === 0 ? 'interview' : 'assisted',
      answers: answersOf(scheme.instrument, voice),
      safeguarding: false
    })
  }
}

/** The co-ordinator proposes the computed level, the provider accepts it as accurate, and it is published. */
async function decide (deps: Deps, at: (n: number) => Who, id: string, story: DemoStory) {
  await actOnAssessment(deps, at(12).staff, id, 'mark_ready', undefined, null)
  const { computedLevel } = await getLiveScore(deps, at(12).staff, id)
  await proposeDecision(deps, at(12).staff, id, undefined, { level: computedLevel })
  await acceptDecision(deps, at(13).provider, id, undefined)
  const decided = await publishDecision(deps, at(14).staff, id, undefined)
  if (story.suspend !== undefined && decided.awardId !== null) {
    await changeAward(
      deps,
      at(story.daysAgo - story.suspend.daysAgo).staff,
      decided.awardId,
      'suspend',
      story.suspend.reason
    )
  }
}

/** One provider's story, each stage a few days after the last; returns the feedback links made for it. */
async function tellStory (
  deps: Deps,
  staffNow: Ctx,
  councilId: string,
  providerId: string,
  story: DemoStory
): Promise<string[]> {
  const opened = new Date(staffNow.now.getTime() - story.daysAgo * DAY)
  const owner = await createUser(
    deps,
    { ...staffNow, now: opened },
    { councilId, role: 'provider', name: story.owner, providerId }
  )
  const ownerActor = {
    kind: 'user',
    userId: owner.id,
    role: 'provider',
    councilId,
    providerId,
    tokenId: 'demo'
  } as const
  const at = (n: number): Who => {
    const now = new Date(opened.getTime() + n * DAY)
    return { provider: { actor: ownerActor, now }, staff: { ...staffNow, now } }
  }
  const a = await openAssessment(deps, at(0).provider, { kind: 'initial' })
  await gatherEvidence(deps, at, a, story)
  if (story.end === 'published') await decide(deps, at, a.id, story)
  if (story.end !== 'info_requested') return []
  await actOnAssessment(
    deps,
    at(6).staff,
    a.id,
    'request_info',
    undefined,
    'Please send the whole food hygiene certificate, and the minibus insurance for the new vehicle.'
  )
  // Links are shown once (only their hashes are kept): made now, so they are fresh when the demo starts.
  const made = await createFeedbackInvitations(deps, staffNow, a.id, {
    count: 2,
    respondentType: 'person',
    mode: 'self',
    expiresInDays: 28
  })
  return made.items.map((i) => i.link)
}

/** The demo's stories: assessments at every stage, feedback, awards; prints one single-use feedback link. */
export const demoStories: DemoStep = async (deps, ctx, { councilId, providerIds }) => {
  const links: string[] = []
  for (const story of stories) {
    const providerId = found(providerIds[demoProviders.findIndex((p) => p.name === story.provider)], story.provider)
    links.push(...(await tellStory(deps, ctx, councilId, providerId, story)))
  }
  return links.slice(0, 1).map((link) => `Feedback form (Moortown Day Centre, single use): ${link}`)
}
