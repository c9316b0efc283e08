// The award page (README: For providers): after publication, the level, its dates and state — a suspension with what
// to do about it — the public badge with a snippet to paste into the provider's website, and the certificate.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AwardLevel } from '../../domain/scheme/enums.js'
import { SuspensionReason, type AwardState } from '../../domain/workflow/index.js'
import type { Deps } from '../../use-cases/context.js'
import { getMyAward, getMyLatestAward, type MyAward } from '../../use-cases/provider-keeping.js'
import { getMyApplication } from '../../use-cases/provider-portal.js'
import { longDate } from '../../use-cases/publication/public-award.js'
import { LEVEL_NAMES } from '../../use-cases/publication/vocabulary.js'
import { badgeAlt } from '../directory/listing-parts.js'
import { layoutOf, type PageView } from '../layout.js'
import { pageCtx, PROVIDER_HOME, providerNavigation, providerOrRedirect } from '../portal.js'

export interface AwardView extends PageView {
  award: {
    level: string
    validFrom: string
    validUntil: string
    state: { text: string; classes: string }
    suspension: { why: string; steps: string[] } | null
    badge: { src: string; alt: string }
    snippet: string
    certificateHref: string | null
  } | null
  /** no live award, but one that has ended: what it was and why it ended */
  ended: { text: string; appeal: boolean } | null
}

declare module '../views.js' {
  interface PageViews {
    'provider-award': AwardView
  }
}

const HREF = `${PROVIDER_HOME}/award`
const STATES = {
  active: { text: 'Current', classes: 'govuk-tag--green' },
  renewal_due: { text: 'Current: renewal due', classes: 'govuk-tag--yellow' },
  suspended: { text: 'Suspended', classes: 'govuk-tag--red' }
} as const
const stateOf = (s: AwardState) => s === 'suspended' || s === 'renewal_due' ? STATES[s] : STATES.active
const APPEAL_STEP = 'If you think the suspension is wrong, you can appeal from the keeping your mark page.'

type Suspension = { why: string; steps: string[] }
const COUNCIL_LOOKING: Suspension = {
  why: 'The council is looking into a matter about your service.',
  steps: ['The council will contact you. You do not need to do anything until they do.',
    'Your mark is reinstated when the council has finished, if nothing needs to change.', APPEAL_STEP]
}
const SUSPENSIONS: Readonly<Record<SuspensionReason, Suspension>> = {
  evidence_lapsed: {
    why: 'Some of your evidence ran out and was not renewed in time.',
    steps: ['Send new evidence for it from your application.',
      'Your co-ordinator checks it and then reinstates your mark.', APPEAL_STEP]
  },
  safeguarding_investigation: COUNCIL_LOOKING,
  serious_complaint: {
    why: 'The council received a serious complaint about your service.',
    steps: ['Your co-ordinator will contact you about it. Answer them as soon as you can.',
      'Your mark is reinstated when the council has finished, if nothing needs to change.', APPEAL_STEP]
  },
  non_engagement: {
    why: 'The council could not get answers from you about your mark.',
    steps: ['Contact your co-ordinator and answer what they asked.',
      'Your co-ordinator reinstates your mark once they have what they need.', APPEAL_STEP]
  }
}

/**
 * Why the mark is suspended and how to get it back, by the kind of reason (src/domain/workflow/award-lifecycle.ts:
 * SuspensionReason). A co-ordinator's own note stays with the council; only the scheduled job's list of lapsed items
 * is named, so the provider knows what to renew. A safeguarding suspension is never named as one: the provider is
 * not told of an open safeguarding concern (src/use-cases/concerns.ts: what a provider sees).
 */
function suspensionOf (reason: string | null, titles: ReadonlyMap<string, string>): Suspension {
  const [code = '', rest = ''] = (reason ?? '').split(/:\s*(.*)/s)
  const kind = SuspensionReason.safeParse(code)
  if (!kind.success) return COUNCIL_LOOKING
  const s = SUSPENSIONS[kind.data]
  const lapsed = rest.split(',').map((c) => titles.get(c.trim()))
  if (kind.data !== 'evidence_lapsed' || rest === '' || lapsed.includes(undefined)) return s
  return { ...s, why: `Some of your evidence ran out and was not renewed in time: ${lapsed.join(', ')}.` }
}

/** The HTML a provider pastes into their own website: the live badge, linking to its verification page. */
export const badgeSnippet = (baseUrl: string, awardId: string, alt: string): string =>
  `<a href="${baseUrl}/verify/${awardId}"><img src="${baseUrl}/badges/${awardId}.svg" ` +
  `alt="${alt.replaceAll('"', '&quot;')}" width="320" height="104"></a>`

const ENDED: Partial<Record<AwardState, string>> = {
  expired: 'ran out on',
  revoked: 'was removed by the council. It was valid until',
  withdrawn: 'was withdrawn when you left the scheme. It was valid until'
}

function endedOf (last: { level: AwardLevel; status: AwardState; validTo: string } | undefined) {
  const how = last === undefined ? undefined : ENDED[last.status]
  if (last === undefined || how === undefined) return null
  const text = `Your ${LEVEL_NAMES[last.level].toLowerCase()} Quality Mark ${how} ${longDate(last.validTo)}.`
  return { text, appeal: last.status === 'revoked' }
}

export interface AwardInput {
  mine: MyAward | null
  last: { level: AwardLevel; status: AwardState; validTo: string } | undefined
  baseUrl: string
  titles: ReadonlyMap<string, string>
}

export function awardView ({ mine, last, baseUrl, titles }: AwardInput): AwardView {
  const layout = layoutOf({ title: 'Your award', navigation: providerNavigation(HREF) })
  if (mine === null) return { layout, award: null, ended: endedOf(last) }
  const { award, listing } = mine
  const alt = badgeAlt(listing)
  return {
    layout,
    award: {
      level: LEVEL_NAMES[award.level],
      validFrom: longDate(award.validFrom),
      validUntil: longDate(award.validTo),
      state: stateOf(award.status),
      suspension: award.status === 'suspended' ? suspensionOf(award.statusReason, titles) : null,
      badge: { src: `/badges/${award.id}.svg`, alt },
      snippet: badgeSnippet(baseUrl, award.id, alt),
      certificateHref: mine.current ? `${HREF}/certificate.pdf` : null
    },
    ended: null
  }
}

/** Registered inside the provider portal (src/web/provider/routes.ts). */
export const awardRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get('/award', { schema: { hide: true } }, async (request, reply) => {
    const me = await providerOrRedirect(request, reply)
    if (me === null) return reply
    const ctx = pageCtx(deps, me, request)
    const [mine, last, application] = await Promise.all([
      getMyAward(deps, ctx),
      getMyLatestAward(deps, ctx),
      getMyApplication(deps, ctx)
    ])
    const titles = new Map(application.scheme.checklist.map((i) => [i.code, i.title]))
    const view = awardView({ mine, last, baseUrl: deps.config.publicBaseUrl, titles })
    return await reply.page(200, 'provider-award', view)
  })
}
