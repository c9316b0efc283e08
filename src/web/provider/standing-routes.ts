// "Where you stand" (README: For providers): the level the provider would get today and, for each level above it,
// what is missing, in words (src/domain/scoring/standing-words.ts). Never individual feedback or a group under 3.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { LEVEL_WORDS, levelHeading, MIN_GROUP, type Standing } from '../../domain/scoring/standing-words.js'
import type { Deps } from '../../use-cases/context.js'
import { getMyStanding } from '../../use-cases/provider-portal.js'
import { layoutOf, type PageView } from '../layout.js'
import { pageCtx, PROVIDER_HOME, providerNavigation, providerOrRedirect } from '../portal.js'

export interface StandingView extends PageView {
  started: boolean
  level: string
  items: string
  people: string
  gaps: Array<{ heading: string; missing: string[] }>
}

declare module '../views.js' {
  interface PageViews {
    'provider-standing': StandingView
  }
}

const HREF = `${PROVIDER_HOME}/standing`

export function standingView (s: Standing | null): StandingView {
  const layout = layoutOf({ title: 'Where you stand', navigation: providerNavigation(HREF) })
  if (s === null) return { layout, started: false, level: '', items: '', people: '', gaps: [] }
  return {
    layout,
    started: true,
    level: LEVEL_WORDS[s.level],
    items: `${s.items.met} of the ${s.items.applicable} items that apply to you are verified.`,
    people: s.people === null
      ? `Fewer than ${MIN_GROUP} people have given feedback so far, so we cannot show any results yet.`
      : `${s.people} people have given feedback. You only ever see totals, never what one person said.`,
    gaps: s.gaps.map((g) => ({ heading: levelHeading(g.level), missing: g.missing }))
  }
}

/** Registered inside the provider portal (src/web/provider/routes.ts). */
export const standingRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get('/standing', { schema: { hide: true } }, async (request, reply) => {
    const me = await providerOrRedirect(request, reply)
    if (me === null) return reply
    const standing = await getMyStanding(deps, pageCtx(deps, me, request))
    return await reply.page(200, 'provider-standing', standingView(standing))
  })
}
