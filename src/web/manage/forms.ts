// Pieces every form of the co-ordinator's portal shares (README: Reviewing an assessment and deciding): one form
// and confirmation page, the version check's "someone else changed this" page, and how form fields are read.
import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import { isDomainError } from '../../domain/errors.js'
import { layoutOf, type NavigationItem, type PageView } from '../layout.js'
import { manageNavigation } from '../portal.js'

/** The longest note or reason a form takes. */
export const NOTE_MAX = 2000

/** The row version a form was rendered with (hidden), sent back so a concurrent change is caught. */
export const versionField = z.string().regex(/^\d{1,9}$/).transform(Number)
/** A free-text field as a browser posts it; what it must hold is checked by the route, with messages. */
export const textField = z.string().max(20_000).optional()

export interface Tag {
  text: string
  classes: string
}
export interface Row {
  key: { text: string }
  value: { text: string } | { html: string }
}
export const row = (key: string, value: string): Row => ({ key: { text: key }, value: { text: value } })

export interface FieldOption {
  value: string
  text: string
  hint: { text: string } | undefined
  checked: boolean
}

export interface FormField {
  kind: 'textarea' | 'radios' | 'input' | 'checkboxes'
  name: string
  label: string
  hint: string | null
  value: string
  error: string | null
  options: FieldOption[]
  /** an input's type (text, email, tel, url) and width class */
  type?: string
  classes?: string
}

/** An evidence file on its review page: images shown in the page, every file offered as a download. */
export interface FileView {
  name: string
  description: string
  imageSrc: string | null
  downloadHref: string
}

export interface FormPageView extends PageView {
  caption: string
  title: string
  paragraphs: readonly string[]
  summaryRows: readonly Row[]
  files: readonly FileView[]
  warning: string | null
  errors: ReadonlyArray<{ text: string; href: string }>
  action: string
  csrf: string
  hidden: ReadonlyArray<{ name: string; value: string }>
  fields: readonly FormField[]
  submit: string
  destructive: boolean
  cancelHref: string
  /** the version check's answer on the form itself: what is different, yours beside the saved (_conflict.njk) */
  conflict: { what: string; rows: ReadonlyArray<{ field: string; yours: string; theirs: string }> } | null
}

export interface ConflictView extends PageView {
  title: string
  paragraphs: readonly string[]
  href: string
  linkText: string
}

declare module '../views.js' {
  interface PageViews {
    'manage-form': FormPageView
    'manage-conflict': ConflictView
  }
}

type Optional = 'summaryRows' | 'files' | 'paragraphs' | 'warning' | 'hidden' | 'fields' | 'destructive' | 'conflict'
export type FormInput = Omit<FormPageView, 'layout' | 'errors' | Optional> & Partial<Pick<FormPageView, Optional>> &
{
  active: string
  /** another portal's navigation (the provider's); the co-ordinator's by default */
  navigation?: NavigationItem[]
}

/** A form (or, with no fields, a confirmation) page; the error summary lists each field's message. */
export function formPage (f: FormInput): FormPageView {
  const fields = f.fields ?? []
  const errors = fields.flatMap((x) => (x.error === null ? [] : [{ text: x.error, href: `#${x.name}` }]))
  return {
    layout: layoutOf({
      title: f.title,
      hasErrors: errors.length > 0 || (f.conflict ?? null) !== null,
      navigation: f.navigation ?? manageNavigation(f.active)
    }),
    caption: f.caption,
    title: f.title,
    paragraphs: f.paragraphs ?? [],
    summaryRows: f.summaryRows ?? [],
    files: f.files ?? [],
    warning: f.warning ?? null,
    errors,
    action: f.action,
    csrf: f.csrf,
    hidden: f.hidden ?? [],
    fields,
    submit: f.submit,
    destructive: f.destructive ?? false,
    cancelHref: f.cancelHref,
    conflict: f.conflict ?? null
  }
}

export const textarea = (name: string, label: string, value: string, error: string | null, hint?: string) =>
  ({ kind: 'textarea', name, label, hint: hint ?? null, value, error, options: [] }) satisfies FormField

/** A one-line text box; `type` is the HTML input type (email, tel, url, text). */
export const input = (
  name: string,
  label: string,
  value: string,
  error: string | null,
  o: { type?: string, hint?: string, classes?: string } = {}
): FormField => ({
  kind: 'input',
  name,
  label,
  hint: o.hint ?? null,
  value,
  error,
  options: [],
  type: o.type ?? 'text',
  classes: o.classes ?? ''
})

export function radios (
  name: string,
  label: string,
  value: string,
  error: string | null,
  options: ReadonlyArray<{ value: string; text: string; hint?: string }>
): FormField {
  return {
    kind: 'radios',
    name,
    label,
    hint: null,
    value,
    error,
    options: options.map((o) => ({
      value: o.value,
      text: o.text,
      hint: o.hint === undefined ? undefined : { text: o.hint },
      checked: o.value === value
    }))
  }
}

/** Check boxes: any number of `values` ticked; the first box's id is `name`, so the error summary links to it. */
export const checkboxes = (
  name: string,
  label: string,
  values: readonly string[],
  error: string | null,
  options: ReadonlyArray<{ value: string; text: string; hint?: string }>,
  hint?: string
): FormField => ({
  ...radios(name, label, '', error, options),
  kind: 'checkboxes',
  hint: hint ?? null,
  options: radios(name, label, '', error, options).options.map((o) => ({ ...o, checked: values.includes(o.value) }))
})

/** A trimmed note, or the GOV.UK-voice message when it is required and empty or too long. */
export function readNote (value: string | undefined, required: string | null): { note: string; error: string | null } {
  const note = (value ?? '').trim()
  if (note === '' && required !== null) return { note, error: required }
  if (note.length > NOTE_MAX) return { note, error: `The note must be ${NOTE_MAX} characters or fewer` }
  return { note, error: null }
}

/**
 * Runs a change that was read at some version; if someone else changed the record meanwhile, the page says so
 * (409) and nothing is written. Other errors go to the HTML error handler.
 */
export async function unlessChanged (
  reply: FastifyReply,
  back: { href: string; what: string; active: string; navigation?: NavigationItem[] },
  change: () => Promise<FastifyReply>
): Promise<FastifyReply> {
  try {
    return await change()
  } catch (e) {
    if (!isDomainError(e) || e.code !== 'VERSION_MISMATCH') throw e
    const title = 'Someone else changed this'
    return await reply.page(409, 'manage-conflict', {
      layout: layoutOf({ title, navigation: back.navigation ?? manageNavigation(back.active) }),
      title,
      paragraphs: [
        `Someone else changed the ${back.what} after you opened it, so your change has not been saved.`,
        'Look at it again as it is now, then make your change again if it is still needed.'
      ],
      href: back.href,
      linkText: `See the ${back.what} as it is now`
    })
  }
}

/** The message of an invalid-input domain error at a field path, for showing it on that field. */
export function fieldError (e: unknown, path: string): string | null {
  if (!isDomainError(e) || e.kind !== 'invalid') return null
  return e.errors?.some((p) => p.path === path) === true ? e.message : null
}
