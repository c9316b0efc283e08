// The council's settings form (README: For co-ordinators, council settings and people): each box read with a
// GOV.UK-voice message, an empty optional box meaning "not set", and the version the form was read at.
import { z } from 'zod'
import type { CouncilInput, CouncilRow } from '../../use-cases/admin.js'
import { formPage, input, type FormPageView } from './forms.js'
import { SETTINGS } from './settings-views.js'

const NAMES = ['contactEmail', 'microMaxFte', 'safeguardingPhone', 'accessibilityEmail', 'dataProtectionEmail',
  'brandColour'] as const
type Name = (typeof NAMES)[number]
export type CouncilValues = Record<Name, string>

export const valuesOf = (c: CouncilRow): CouncilValues => ({
  contactEmail: c.contactEmail ?? '',
  microMaxFte: String(c.microMaxFte),
  safeguardingPhone: c.safeguardingPhone ?? '',
  accessibilityEmail: c.accessibilityEmail ?? '',
  dataProtectionEmail: c.dataProtectionEmail ?? '',
  brandColour: c.brandColour ?? ''
})

const EMAIL = 'Enter an email address in the correct format, like name@example.com'
const isEmail = (v: string) => z.email().safeParse(v).success
// The API's rules (src/http/schemas/admin.ts: councilCreateSchema), in the words of a form.
const CHECKS: Record<Name, { ok: (v: string) => boolean, message: string }> = {
  contactEmail: { ok: isEmail, message: EMAIL },
  microMaxFte: {
    ok: (v) => /^\d{1,5}(\.\d{1,2})?$/.test(v) && Number(v) > 0,
    message: 'Enter the largest number of full-time equivalent staff a micro provider has, like 5'
  },
  safeguardingPhone: {
    ok: (v) => /^[+\d][\d ()-]{2,19}$/.test(v),
    message: 'Enter a telephone number, like 0113 222 4401'
  },
  accessibilityEmail: { ok: isEmail, message: EMAIL },
  dataProtectionEmail: { ok: isEmail, message: EMAIL },
  brandColour: { ok: (v) => /^#[0-9a-fA-F]{6}$/.test(v), message: 'Enter a colour as # and six hex digits, like #5a2d81' }
}

type Patch = Partial<Omit<CouncilInput, 'slug'>>
type Parsed = { ok: true, values: CouncilValues, patch: Patch } |
{ ok: false, values: CouncilValues, errors: Record<string, string> }

export function parseCouncilForm (body: Record<string, string>): Parsed {
  const t = (n: Name) => (body[n] ?? '').trim()
  const values: CouncilValues = {
    contactEmail: t('contactEmail'),
    microMaxFte: t('microMaxFte'),
    safeguardingPhone: t('safeguardingPhone'),
    accessibilityEmail: t('accessibilityEmail'),
    dataProtectionEmail: t('dataProtectionEmail'),
    brandColour: t('brandColour')
  }
  const errors: Record<string, string> = {}
  for (const n of NAMES) {
    const v = values[n]
    if (v === '' && n === 'microMaxFte') errors[n] = 'Enter the largest number of staff a micro provider has'
    else if (v !== '' && !CHECKS[n].ok(v)) errors[n] = CHECKS[n].message
  }
  if (Object.keys(errors).length > 0) return { ok: false, values, errors }
  const orNull = (v: string) => (v === '' ? null : v)
  return {
    ok: true,
    values,
    patch: {
      ...(values.contactEmail === '' ? {} : { contactEmail: values.contactEmail }),
      microMaxFte: Number(values.microMaxFte),
      safeguardingPhone: orNull(values.safeguardingPhone),
      accessibilityEmail: orNull(values.accessibilityEmail),
      dataProtectionEmail: orNull(values.dataProtectionEmail),
      brandColour: orNull(values.brandColour)
    }
  }
}

const SAME = 'Leave empty to use the contact email.'
const LABELS: Record<Name, { label: string, type: string, hint?: string, classes?: string }> = {
  contactEmail: { label: 'Contact email', type: 'email' },
  microMaxFte: {
    label: 'Micro provider bound',
    type: 'text',
    hint: 'The largest number of full-time equivalent staff a micro provider has. Size bands are worked out again.',
    classes: 'govuk-input--width-5'
  },
  safeguardingPhone: {
    label: 'Adult safeguarding telephone',
    type: 'tel',
    hint: 'Shown on the feedback form and the council’s pages.',
    classes: 'govuk-input--width-20'
  },
  accessibilityEmail: { label: 'Accessibility contact email', type: 'email', hint: SAME },
  dataProtectionEmail: { label: 'Data protection officer email', type: 'email', hint: SAME },
  brandColour: {
    label: 'Page colour',
    type: 'text',
    hint: '# and six hex digits, dark enough for white text. Leave empty for the service’s own.',
    classes: 'govuk-input--width-10'
  }
}

export function councilForm (f: {
  action: string
  csrf: string
  caption: string
  values: CouncilValues
  version: number
  errors: Record<string, string>
}): FormPageView {
  return formPage({
    active: SETTINGS,
    caption: f.caption,
    title: 'Change the council’s settings',
    action: f.action,
    csrf: f.csrf,
    hidden: [{ name: 'version', value: String(f.version) }],
    fields: NAMES.map((n) => {
      const l = LABELS[n]
      return input(n, l.label, f.values[n], f.errors[n] ?? null, {
        type: l.type,
        ...(l.hint === undefined ? {} : { hint: l.hint }),
        ...(l.classes === undefined ? {} : { classes: l.classes })
      })
    }),
    submit: 'Save changes',
    cancelHref: SETTINGS
  })
}
