// Form building blocks in the GOV.UK Design System's patterns: error summary linked to fields, radios and
// checkboxes in fieldsets with legends, textareas with hints, buttons (WCAG 2.2: 1.3.1, 3.3.1, 3.3.2, 2.5.8).
import { html, type Html, type HtmlValue } from './html.js'

export interface FieldError {
  /** The id of the element the summary links to (the first input of a group). */
  href: string
  text: string
}

/** Put first in <main>: focused by the no-JS `autofocus`, linked to each field (GOV.UK error summary). */
export function errorSummary (errors: readonly FieldError[]): Html {
  if (errors.length === 0) return html``
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
    <h2 id="error-summary-title">There is a problem</h2>
    <ul>
      ${errors.map((e) => html`<li><a href="#${e.href}">${e.text}</a></li>`)}
    </ul>
  </div>`
}

export interface Choice {
  value: string
  text: string
  hint?: string | undefined
}

export interface ChoiceGroup {
  /**
   * Field name; the fieldset's id is `${idPrefix}` and each input `${idPrefix}-${i}` (the first is linked from the
   * error summary).
   */
  name: string
  idPrefix: string
  legend: HtmlValue
  legendClass?: string | undefined
  hint?: HtmlValue
  error?: string | undefined
  choices: readonly Choice[]
  /** Checked values. */
  checked: readonly string[]
}

/** Id of the first input of a group: where an error summary link lands. */
export const firstInputId = (idPrefix: string): string => `${idPrefix}-0`

/** The GOV.UK error message above a field, or nothing when the field has no error. */
function errorMessage (id: string, error: string | undefined): Html | '' {
  if (error === undefined) return ''
  return html`<p id="${id}" class="error-message"><span class="visually-hidden">Error:</span> ${error}</p>`
}

function choiceGroup (kind: 'radios' | 'checkboxes', g: ChoiceGroup): Html {
  const hintId = `${g.idPrefix}-hint`
  const errorId = `${g.idPrefix}-error`
  const type = kind === 'radios' ? 'radio' : 'checkbox'
  const described = [g.hint !== undefined ? hintId : null, g.error !== undefined ? errorId : null]
    .filter(Boolean)
    .join(' ')
  return html`<div class="form-group${g.error !== undefined ? ' form-group--error' : ''}">
    <fieldset id="${g.idPrefix}"${described !== '' ? html` aria-describedby="${described}"` : ''}>
      <legend class="${g.legendClass ?? ''}">${g.legend}</legend>
      ${g.hint !== undefined ? html`<div id="${hintId}" class="hint">${g.hint}</div>` : ''}
      ${errorMessage(errorId, g.error)}
      <div class="${kind}">
        ${g.choices.map((c, i) => {
          const id = `${g.idPrefix}-${i}`
          const checked = g.checked.includes(c.value) ? html` checked` : ''
          const hint = c.hint !== undefined ? html` aria-describedby="${id}-hint"` : ''
          const attributes = html`${checked}${hint}`
          return html`<div class="${kind}__item">
            <input class="${kind}__input" id="${id}" name="${g.name}" type="${type}" value="${c.value}"${attributes}>
            <label class="${kind}__label" for="${id}">${c.text}</label>
            ${c.hint !== undefined ? html`<div id="${id}-hint" class="hint ${kind}__hint">${c.hint}</div>` : ''}
          </div>`
        })}
      </div>
    </fieldset>
  </div>`
}

export const radios = (g: ChoiceGroup): Html => choiceGroup('radios', g)
export const checkboxes = (g: ChoiceGroup): Html => choiceGroup('checkboxes', g)

export interface TextareaField {
  name: string
  id: string
  label: HtmlValue
  hint?: HtmlValue
  error?: string | undefined
  value: string
  maxLength?: number | undefined
  rows?: number | undefined
}

export function textarea (f: TextareaField): Html {
  const described = [f.hint !== undefined ? `${f.id}-hint` : null, f.error !== undefined ? `${f.id}-error` : null]
    .filter(Boolean)
    .join(' ')
  return html`<div class="form-group${f.error !== undefined ? ' form-group--error' : ''}">
    <label for="${f.id}" class="heading-m">${f.label}</label>
    ${f.hint !== undefined ? html`<div id="${f.id}-hint" class="hint">${f.hint}</div>` : ''}
    ${errorMessage(`${f.id}-error`, f.error)}
    <textarea
      class="textarea${f.error !== undefined ? ' textarea--error' : ''}"
      id="${f.id}"
      name="${f.name}"
      rows="${f.rows ?? 5}"
      ${f.maxLength !== undefined ? html` maxlength="${f.maxLength}"` : ''}${
        described !== '' ? html` aria-describedby="${described}"` : ''
      }
    >
${f.value}</textarea>
  </div>`
}

export const button = (text: string, opts: { secondary?: boolean; name?: string; value?: string } = {}): Html =>
  html`<button
    type="submit"
    class="button${opts.secondary === true ? ' button--secondary' : ''}"
    ${opts.name !== undefined ? html` name="${opts.name}" value="${opts.value ?? ''}"` : ''}
  >
    ${text}
  </button>`
