// The front page's view model: the councils running a Quality Mark here, each with its directory and feed.
import type { CouncilSummary } from '../../use-cases/publication/public-councils.js'
import { layoutOf, type PageView } from '../layout.js'

export interface HomeView extends PageView {
  councils: Array<{ name: string; directoryHref: string; feedHref: string; joinHref: string }>
}

declare module '../views.js' {
  interface PageViews {
    home: HomeView
  }
}

export const homeView = (councils: readonly CouncilSummary[]): HomeView => ({
  layout: layoutOf({ title: 'Find care and support with a Quality Mark' }),
  councils: councils.map((c) => ({
    name: c.name,
    directoryHref: `/directory/${c.slug}`,
    feedHref: `/oruk/${c.slug}/services`,
    joinHref: `/join/${c.slug}`
  }))
})
