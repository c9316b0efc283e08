// Reading a GOV.UK date input (day, month and year boxes named `<name>-day` …) into an ISO date, with the
// GOV.UK pattern's error messages (design-system.service.gov.uk: date input, error messages). One reader for every
// page's date boxes: the provider's evidence dates and the co-ordinator's interview date.

export interface DateParts { day: string; month: string; year: string }

export interface ReadDate {
  parts: DateParts
  /** YYYY-MM-DD, or null when all three boxes are empty */
  value: string | null
  error: string | null
}

const pad = (s: string) => s.padStart(2, '0')

export function readDateInput (body: Record<string, unknown>, name: string, label: string): ReadDate {
  const get = (part: string) => {
    const v = body[`${name}-${part}`]
    return typeof v === 'string' ? v.trim() : ''
  }
  return checkDateParts({ day: get('day'), month: get('month'), year: get('year') }, label)
}

/** The three boxes as typed, as an ISO day: null with no error when all are empty (an optional date). */
export function checkDateParts (parts: DateParts, label: string): ReadDate {
  if (parts.day === '' && parts.month === '' && parts.year === '') return { parts, value: null, error: null }
  const missing = (['day', 'month', 'year'] as const).filter((p) => parts[p] === '')
  if (missing.length > 0) return { parts, value: null, error: `${label} must include a ${missing.join(' and ')}` }
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year)) {
    return { parts, value: null, error: `${label} must be a real date` }
  }
  const iso = `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`
  const d = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    return { parts, value: null, error: `${label} must be a real date` }
  }
  return { parts, value: iso, error: null }
}

export const emptyDate = (): DateParts => ({ day: '', month: '', year: '' })

export const DATE_PARTS = ['day', 'month', 'year'] as const

/** The three boxes for govukDateInput's `items`, as typed, marked when the date has an error. */
export const dateItems = (parts: DateParts, hasError: boolean) => DATE_PARTS.map((p) => ({
  name: p,
  label: p.charAt(0).toUpperCase() + p.slice(1),
  value: parts[p],
  classes: `govuk-input--width-${p === 'year' ? 4 : 2}${hasError ? ' govuk-input--error' : ''}`
}))
