// An auto-escaping tagged template for server-rendered pages: every interpolated value is escaped
// (escape-html) unless it is already Html, built by `html` itself or marked trusted with raw().
import escapeHtml from 'escape-html'

/** A fragment of markup that is safe to put into a page as is. */
export class Html {
  constructor (readonly value: string) {}
  toString (): string {
    return this.value
  }
}

/** A value a template may hold: text is escaped; null, undefined and false render nothing; arrays are joined. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[]

/** Marks a trusted fragment (never user input) as markup, bypassing escaping. */
export const raw = (trusted: string): Html => new Html(trusted)

export function renderValue (value: HtmlValue): string {
  if (value instanceof Html) return value.value
  if (value === null || value === undefined || value === false) return ''
  if (Array.isArray(value)) return value.map(renderValue).join('')
  return escapeHtml(String(value))
}

export function html (strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? ''
  for (let i = 0; i < values.length; i++) out += renderValue(values[i]) + (strings[i + 1] ?? '')
  return new Html(out)
}

/** Joins fragments (e.g. from a map) into one. */
export const joinHtml = (parts: readonly HtmlValue[], separator: Html = raw('')): Html =>
  new Html(parts.map(renderValue).join(separator.value))
