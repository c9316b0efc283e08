// Where govuk-frontend lives and the one inline script its page template writes, whose hash the Content
// Security Policy allows (README: Pages, Content Security Policy).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** node_modules/govuk-frontend/dist: the root its templates are named from ("govuk/template.njk"). */
export const GOVUK_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.resolve('govuk-frontend'))), '..')

/** The text of the template's inline script (it adds js-enabled to <body>); it never holds a template tag. */
export function govukInlineScript (): string {
  const template = readFileSync(path.join(GOVUK_DIST, 'govuk', 'template.njk'), 'utf8')
  const found = /<script[^>]*>([^<]*)<\/script>/.exec(template)
  if (found?.[1] === undefined) throw new Error('govuk-frontend/dist/govuk/template.njk has no inline script')
  return found[1]
}

/** The CSP source that allows that script and nothing else inline: 'sha256-…'. */
export const govukInlineScriptSource = (): string =>
  `'sha256-${createHash('sha256').update(govukInlineScript()).digest('base64')}'`
