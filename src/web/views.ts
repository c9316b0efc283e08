// The pages' templates and their view models: each template in src/web/views is named here with the typed
// model its route builds, so a route cannot render a page with the wrong data (README: Pages).
import type { PageView } from './layout.js'

/** A kind explanation page: a heading and a few plain-English sentences, never a stack trace. */
export interface MessageView extends PageView {
  title: string
  paragraphs: readonly string[]
}

/**
 * Template name → view model. Other modules add their pages by declaration merging:
 * `declare module '../views.js' { interface PageViews { 'sign-in': SignInView } }`.
 */
export interface PageViews {
  message: MessageView
}
