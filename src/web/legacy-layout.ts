// Transitional: the hand-written layout of the pages not yet moved to GOV.UK Frontend (src/web/views).
// The page layout every server-rendered page shares: skip link, header with the council's name, an
// optional phase banner, one main landmark and a footer (GOV.UK-like; WCAG 2.2 AA; no JavaScript needed).
import { html, type Html, type HtmlValue } from './html.js'
import { SITE_CSS_HREF } from './assets.js'

export interface PageOptions {
  /** The page's own heading-like title; the <title> adds the service and council. */
  title: string
  /**
   * The council running the scheme, shown in the header; omitted on pages that do not know it (e.g. an unknown link).
   */
  councilName?: string | null | undefined
  /** Where the council's name links to (e.g. its directory); plain text when absent. */
  homeHref?: string | undefined
  /**
   * True when the page shows an error summary: GOV.UK puts "Error: " first in the title so screen readers hear it at
   * once.
   */
  hasErrors?: boolean | undefined
  /** e.g. 'beta': shows a phase banner with a feedback sentence. */
  phase?: string | undefined
  /** Language of the main content (BCP 47); English unless a page says otherwise. */
  lang?: string | undefined
  body: HtmlValue
}

/** A rendered page: its HTML text. */
export type Page = Html

export const SERVICE_NAME = 'Quality Mark'

export function renderPage (o: PageOptions): Page {
  const titleParts = [o.title, SERVICE_NAME, o.councilName].filter(
    (p): p is string => typeof p === 'string' && p !== ''
  )
  const council = o.councilName ?? null
  return html`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${o.hasErrors === true ? 'Error: ' : ''}${titleParts.join(' – ')}</title>
        <link rel="stylesheet" href="${SITE_CSS_HREF}" />
      </head>
      <body>
        <a href="#main-content" class="skip-link">Skip to main content</a>
        <header class="header">
          <div class="width-container">
            ${
              council === null
                ? ''
                : o.homeHref === undefined
                  ? html`<span class="header__council">${council}</span>`
                  : html`<a class="header__council" href="${o.homeHref}">${council}</a>`
            }
            <span class="header__service">${SERVICE_NAME} for care and support services</span>
          </div>
        </header>
        <div class="width-container">
          ${
            o.phase === undefined
              ? ''
              : html`<div class="phase-banner">
                  <p class="phase-banner__content"><strong class="tag">${o.phase}</strong>This is a new service.</p>
                </div>`
          }
          <main class="main" id="main-content" lang="${o.lang ?? 'en'}" tabindex="-1">${o.body}</main>
        </div>
        <footer class="footer">
          <div class="width-container">
            <p>
              ${council === null ? SERVICE_NAME : html`${SERVICE_NAME} is run by ${council}.`} It shows which local care
              and support services meet the council's quality standards.
            </p>
          </div>
        </footer>
      </body>
    </html>`
}
