// The view of the council's settings pages (src/web/views/manage-settings.njk): sections of summary lists and
// tables with their actions, and a secret (an API token, a webhook's signing secret) shown once.
import { html } from '../../render/html.js'
import { layoutOf, type PageView } from '../layout.js'
import { MANAGE_HOME, manageNavigation } from '../portal.js'
import type { Row } from './forms.js'
import type { Cell } from './list-view.js'

export const SETTINGS = `${MANAGE_HOME}/settings`

export interface Link { href: string; text: string; classes?: string }

export interface Section {
  heading: string
  paragraphs?: readonly string[]
  rows?: readonly Row[]
  table?: { caption: string; head: ReadonlyArray<{ text: string }>; rows: Cell[][] }
  links?: readonly Link[]
}

export interface SettingsView extends PageView {
  caption: string
  title: string
  notice: string | null
  secret: { label: string; value: string } | null
  sections: readonly Section[]
}

declare module '../views.js' {
  interface PageViews {
    'manage-settings': SettingsView
  }
}

export const settingsView = (v: {
  title: string
  caption?: string
  notice?: string | null
  secret?: SettingsView['secret']
  sections: readonly Section[]
}): SettingsView => ({
  layout: layoutOf({ title: v.title, navigation: manageNavigation(SETTINGS) }),
  caption: v.caption ?? 'Council settings and people',
  title: v.title,
  notice: v.notice ?? null,
  secret: v.secret ?? null,
  sections: v.sections
})

/** A table's head from its column names. */
export const head = (names: readonly string[]) => names.map((text) => ({ text }))

/** A link in a table cell, with the row's name for screen readers ("Deactivate<hidden> Ann</hidden>"). */
export const linkCell = (href: string, text: string, about: string): Cell => ({
  html: html`<a class="govuk-link" href="${href}">${text}<span class="govuk-visually-hidden"> ${about}</span></a>`
    .value
})
