// The forms that edit a draft scheme (README: For co-ordinators, Scheme): a checklist item, the thresholds and
// timings, a question's wording, a category's name, a scale's answers. Each reads what a person typed, turns it
// into the draft's next document with the domain's edits (src/domain/scheme/edit-draft.ts), and names its field for
// each problem the domain's validation finds, so the error summary links to the field and the input is kept.
import {
  EvidenceKindSchema,
  OFFERING_FLAGS,
  TierSchema,
  addCategory,
  putCategoryTitle,
  putChecklistItem,
  putQuestionWording,
  putRules,
  putScaleWording,
  type ChecklistItem,
  type SchemeDocument
} from '../../domain/scheme/index.js'
import type { Wording } from '../../domain/feedback/instrument.js'
import { checkboxes, input, radios, textarea, type FormField } from './forms.js'
import { EVIDENCE_KIND_NAMES, SETTING_NAMES, TIER_NAMES } from './scheme-words.js'
import { FLAG_NAMES } from './words.js'

/** What a form holds: one string per field, a list for check boxes. */
export type Values = Record<string, string | string[]>
export type Errors = Record<string, string>

export interface DraftForm {
  title: string
  submit: string
  /** the form's values as the draft holds them now */
  valuesOf: (doc: SchemeDocument) => Values
  fields: (doc: SchemeDocument, values: Values, errors: Errors) => FormField[]
  /** the next document, or the fields whose input is not even a number */
  apply: (doc: SchemeDocument, values: Values) => { doc: SchemeDocument } | { errors: Errors }
  /** the field a validation problem at `path` (dot-separated, in the next document) belongs to */
  fieldOf: (path: string, next: SchemeDocument, values: Values) => string | null
  /** each field's label, for the conflict table */
  labels: Readonly<Record<string, string>>
}

export const one = (v: Values, name: string): string => {
  const x = v[name]
  return (Array.isArray(x) ? x[0] ?? '' : x ?? '').trim()
}
export const many = (v: Values, name: string): string[] => {
  const x = v[name]
  return x === undefined ? [] : Array.isArray(x) ? x : [x]
}

/** The domain's structural messages (zod's) in the GOV.UK voice; a rule's own message after the field's name. */
const PHRASES: ReadonlyArray<readonly [RegExp, (n: string) => string]> = [
  [/^Too big: expected number to be <=(-?[\d.]+)$/, (n) => `must be ${n} or less`],
  [/^Too small: expected number to be >=(-?[\d.]+)$/, (n) => `must be ${n} or more`],
  [/^Too small: expected number to be >(-?[\d.]+)$/, (n) => `must be more than ${n}`],
  [/^Too small: expected string to have >=1 characters$/, () => 'must not be empty'],
  [/^Too small: expected array to have >=1 items$/, () => 'needs at least one ticked'],
  [/^Invalid input: expected int, received number$/, () => 'must be a whole number'],
  [/^must be SCREAMING_SNAKE$/, () => 'must be capital letters, digits and underscores, starting with a letter']
]
export function problemInWords (label: string, message: string): string {
  for (const [pattern, phrase] of PHRASES) {
    const m = pattern.exec(message)
    if (m !== null) return `${label} ${phrase(m[1] ?? '')}`
  }
  return `${label}: ${message}`
}

/** A number typed into a box; null when empty and allowed to be. */
function readNumber (text: string, label: string, o: { whole?: boolean, empty?: 'null' }): number | null | string {
  if (text === '' && o.empty === 'null') return null
  const n = Number(text)
  if (text === '' || !Number.isFinite(n)) return `Enter ${label} as a number`
  if (o.whole === true && !Number.isInteger(n)) return `Enter ${label} as a whole number`
  return n
}

const ITEM_LABELS = {
  code: 'Code',
  title: 'Title',
  guidance: 'Guidance for the provider',
  category: 'Category',
  newCategoryCode: 'The new category’s code',
  newCategoryTitle: 'The new category’s name',
  tier: 'Tier',
  weight: 'Weight',
  allOf: 'Applies only to providers with all of',
  anyOf: 'Or to providers with at least one of',
  evidenceKinds: 'Evidence accepted',
  validityMonths: 'Months the evidence stays valid from its issue date',
  waiver: 'No expiry date needed',
  limiter: 'Is it a limiter?'
}
const flagOptions = OFFERING_FLAGS.map((f) => ({ value: f, text: FLAG_NAMES[f] }))
/** The category choice that adds one (a category code is snake_case, so it cannot be one). */
const NEW_CATEGORY = 'NEW'

/** The form for one checklist item: `code` is the item changed, null for a new one. */
export function itemForm (code: string | null): DraftForm {
  const valuesOf = (doc: SchemeDocument): Values => {
    const i = doc.checklist.find((x) => x.code === code)
    if (i === undefined) {
      return {
        code: '',
        title: '',
        guidance: '',
        category: '',
        newCategoryCode: '',
        newCategoryTitle: '',
        tier: '',
        weight: '1',
        allOf: [],
        anyOf: [],
        evidenceKinds: ['document'],
        validityMonths: '',
        waiver: '',
        limiter: 'no'
      }
    }
    return {
      code: i.code,
      title: i.title,
      guidance: i.guidance,
      category: i.category,
      newCategoryCode: '',
      newCategoryTitle: '',
      tier: i.tier,
      weight: String(i.weight),
      allOf: [...i.appliesWhen.allOf],
      anyOf: [...i.appliesWhen.anyOf],
      evidenceKinds: [...i.evidenceKinds],
      validityMonths: i.validityMonths === null ? '' : String(i.validityMonths),
      waiver: i.expiryWaivedBy ?? '',
      limiter: i.limiter ? 'yes' : 'no'
    }
  }
  return {
    title: code === null ? 'Add a checklist item' : `Change ${code}`,
    submit: code === null ? 'Add the item' : 'Save the item',
    labels: ITEM_LABELS,
    valuesOf,
    fields: (doc, v, e) => [
      input('code', ITEM_LABELS.code, one(v, 'code'), e.code ?? null,
        { hint: 'Capital letters, digits and underscores, for example INS_CYBER', classes: 'govuk-input--width-20' }),
      input('title', ITEM_LABELS.title, one(v, 'title'), e.title ?? null),
      textarea('guidance', ITEM_LABELS.guidance, one(v, 'guidance'), e.guidance ?? null),
      radios('category', ITEM_LABELS.category, one(v, 'category'), e.category ?? null, [
        ...doc.categories.map((c) => ({ value: c.code, text: c.title })),
        { value: NEW_CATEGORY, text: 'A new category', hint: 'Give its code and name below' }
      ]),
      input('newCategoryCode', ITEM_LABELS.newCategoryCode, one(v, 'newCategoryCode'), e.newCategoryCode ?? null, {
        hint: 'Only for a new category: small letters, digits and underscores, for example digital_safety',
        classes: 'govuk-input--width-20'
      }),
      input('newCategoryTitle', ITEM_LABELS.newCategoryTitle, one(v, 'newCategoryTitle'), e.newCategoryTitle ?? null,
        { hint: 'Only for a new category: the heading providers see on their task list' }),
      radios('tier', ITEM_LABELS.tier, one(v, 'tier'), e.tier ?? null,
        TierSchema.options.map((t) => ({ value: t, text: TIER_NAMES[t] }))),
      input('weight', ITEM_LABELS.weight, one(v, 'weight'), e.weight ?? null,
        { hint: 'More than 0, up to 100', classes: 'govuk-input--width-5' }),
      checkboxes('allOf', ITEM_LABELS.allOf, many(v, 'allOf'), e.allOf ?? null, flagOptions,
        'Tick none for an item every provider needs'),
      checkboxes('anyOf', ITEM_LABELS.anyOf, many(v, 'anyOf'), e.anyOf ?? null, flagOptions),
      checkboxes('evidenceKinds', ITEM_LABELS.evidenceKinds, many(v, 'evidenceKinds'), e.evidenceKinds ?? null,
        EvidenceKindSchema.options.map((k) => ({ value: k, text: EVIDENCE_KIND_NAMES[k] }))),
      input('validityMonths', ITEM_LABELS.validityMonths, one(v, 'validityMonths'), e.validityMonths ?? null,
        {
          hint: 'Leave empty when the evidence does not expire and needs no issue date',
          classes: 'govuk-input--width-5'
        }),
      radios('waiver', ITEM_LABELS.waiver, one(v, 'waiver'), e.waiver ?? null, [
        { value: '', text: 'Never: the evidence always expires' },
        { value: 'dbs_update_service', text: 'When the person is on the DBS update service' }
      ]),
      radios('limiter', ITEM_LABELS.limiter, one(v, 'limiter'), e.limiter ?? null, [
        { value: 'yes', text: 'Yes: if it lapses the award is suspended' },
        { value: 'no', text: 'No' }
      ])
    ],
    apply: (doc, v) => {
      const weight = readNumber(one(v, 'weight'), 'the weight', {})
      const months = readNumber(one(v, 'validityMonths'), 'the months', { whole: true, empty: 'null' })
      const errors: Errors = {}
      if (typeof weight === 'string') errors.weight = weight
      if (typeof months === 'string') errors.validityMonths = months
      const tier = TierSchema.safeParse(one(v, 'tier'))
      if (!tier.success) errors.tier = 'Select the tier'
      const isNew = one(v, 'category') === NEW_CATEGORY
      const newCategory = { code: one(v, 'newCategoryCode').trim(), title: one(v, 'newCategoryTitle').trim() }
      if (isNew && newCategory.code === '') errors.newCategoryCode = 'Enter the new category’s code'
      if (isNew && newCategory.title === '') errors.newCategoryTitle = 'Enter the new category’s name'
      if (Object.keys(errors).length > 0 || typeof weight === 'string' || typeof months === 'string' || !tier.success) {
        return { errors }
      }
      const flags = (name: string) => OFFERING_FLAGS.filter((f) => many(v, name).includes(f))
      const item: ChecklistItem = {
        code: one(v, 'code'),
        category: isNew ? newCategory.code : one(v, 'category'),
        title: one(v, 'title'),
        guidance: one(v, 'guidance'),
        tier: tier.data,
        appliesWhen: { allOf: flags('allOf'), anyOf: flags('anyOf') },
        weight: weight ?? 0,
        validityMonths: months,
        expiryWaivedBy: one(v, 'waiver') === 'dbs_update_service' ? 'dbs_update_service' : null,
        limiter: one(v, 'limiter') === 'yes',
        evidenceKinds: EvidenceKindSchema.options.filter((k) => many(v, 'evidenceKinds').includes(k))
      }
      return { doc: putChecklistItem(isNew ? addCategory(doc, newCategory) : doc, code, item) }
    },
    fieldOf: (path, next, v) => {
      const [where, index, field, sub] = path.split('.')
      // Only problems of this item are this form's; a new category's are its fields', and a category left empty
      // (the item moved out of it) is the item's category.
      if (where === 'categories') {
        const added = one(v, 'category') === NEW_CATEGORY && next.categories[Number(index)]?.code ===
          one(v, 'newCategoryCode').trim()
        return added ? (field === 'title' ? 'newCategoryTitle' : 'newCategoryCode') : 'category'
      }
      if (where !== 'checklist' || next.checklist[Number(index)]?.code !== one(v, 'code')) return null
      if (field === 'appliesWhen') return sub === 'anyOf' ? 'anyOf' : 'allOf'
      if (field === 'expiryWaivedBy') return 'waiver'
      return field !== undefined && Object.hasOwn(ITEM_LABELS, field) ? field : 'code'
    }
  }
}

type Rules = Pick<SchemeDocument, 'thresholds' | 'settings'>
interface RuleField {
  name: string
  label: string
  hint?: string
  /** where the domain's validation reports it */
  path: string
  kind: 'whole' | 'number' | 'percent' | 'optional' | 'means'
  get: (r: Rules) => number | null | ReadonlyArray<{ item: string, min: number }>
  set: (r: Rules, value: number | null | Array<{ item: string, min: number }>) => void
}

const LEVELS = ['bronze', 'silver', 'gold'] as const
const levelName = { bronze: 'Bronze', silver: 'Silver', gold: 'Gold' }
const isNumber = (x: unknown): x is number => typeof x === 'number'
const isMeans = (x: unknown): x is Array<{ item: string, min: number }> => Array.isArray(x)

/** A number of the thresholds: the gold share and the sample minimum. */
const thresholdField = (
  name: 'goldWeightShare' | 'sampleMinimum',
  label: string,
  kind: 'percent' | 'whole'
): RuleField => {
  const part = name === 'goldWeightShare' ? 'compliance' : 'feedback'
  return {
    name,
    label,
    path: `thresholds.${part}.${name}`,
    kind,
    get: (r) => (name === 'goldWeightShare'
      ? r.thresholds.compliance.goldWeightShare
      : r.thresholds.feedback.sampleMinimum),
    set: (r, v) => {
      if (!isNumber(v)) return
      if (name === 'goldWeightShare') r.thresholds.compliance.goldWeightShare = v
      else r.thresholds.feedback.sampleMinimum = v
    }
  }
}

const RULE_FIELDS: readonly RuleField[] = [
  thresholdField('goldWeightShare', 'Share of the applicable gold weight needed for gold (%)', 'percent'),
  thresholdField('sampleMinimum', 'Fewest people asked for feedback at any level', 'whole'),
  ...LEVELS.flatMap((level): RuleField[] => {
    const at = (field: string) => `thresholds.feedback.${level}.${field}`
    return [
      {
        name: `${level}-qMin`,
        label: `${levelName[level]}: feedback quality Q at least (0 to 100)`,
        path: at('qMin'),
        kind: 'number',
        get: (r) => r.thresholds.feedback[level].qMin,
        set: (r, v) => { if (isNumber(v)) r.thresholds.feedback[level].qMin = v }
      },
      {
        name: `${level}-gainAbove`,
        label: `${levelName[level]}: gain G above (−3 to 3)`,
        hint: 'Leave empty when gain is not needed',
        path: at('gainAbove'),
        kind: 'optional',
        get: (r) => r.thresholds.feedback[level].gainAbove,
        set: (r, v) => { r.thresholds.feedback[level].gainAbove = isNumber(v) ? v : null }
      },
      {
        name: `${level}-means`,
        label: `${levelName[level]}: answers’ means at least (0 to 3)`,
        hint: 'A question and its lowest mean, separated by commas, for example SAFE 2, DIGNITY 2',
        path: at('itemMeanMinima'),
        kind: 'means',
        get: (r) => r.thresholds.feedback[level].itemMeanMinima,
        set: (r, v) => { if (isMeans(v)) r.thresholds.feedback[level].itemMeanMinima = v }
      },
      {
        name: `${level}-sampleFloor`,
        label: `${levelName[level]}: people asked, at least`,
        path: at('sampleFloor'),
        kind: 'whole',
        get: (r) => r.thresholds.feedback[level].sampleFloor,
        set: (r, v) => { if (isNumber(v)) r.thresholds.feedback[level].sampleFloor = v }
      },
      {
        name: `${level}-sampleShare`,
        label: `${levelName[level]}: or this share of the people supported, if fewer (%)`,
        path: at('sampleShare'),
        kind: 'percent',
        get: (r) => r.thresholds.feedback[level].sampleShare,
        set: (r, v) => { if (isNumber(v)) r.thresholds.feedback[level].sampleShare = v }
      }
    ]
  }),
  ...(['awardValidityMonths', 'gracePeriodDays', 'factualAccuracyDays', 'appealWindowDays', 'renewalLeadDays',
    'commentRetentionDays'] as const).map((key): RuleField => ({
    name: key,
    label: SETTING_NAMES[key],
    path: `settings.${key}`,
    kind: 'whole',
    get: (r) => r.settings[key],
    set: (r, v) => { if (isNumber(v)) r.settings[key] = v }
  }))
]

const round = (n: number) => Math.round(n * 10_000) / 10_000
function showRule (f: RuleField, r: Rules): string {
  const v = f.get(r)
  if (v === null) return ''
  if (typeof v !== 'number') return v.map((m) => `${m.item} ${m.min}`).join(', ')
  return String(f.kind === 'percent' ? round(v * 100) : v)
}

function readRule (f: RuleField, text: string): number | null | Array<{ item: string, min: number }> | string {
  if (f.kind === 'means') {
    const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '')
    const means = parts.map((p) => /^([A-Za-z][A-Za-z0-9_]*)\s+(\d+(?:\.\d+)?)$/.exec(p))
    if (means.some((m) => m === null)) return 'Enter each question and its mean, for example SAFE 2, DIGNITY 2'
    return means.flatMap((m) => (m === null ? [] : [{ item: (m[1] ?? '').toUpperCase(), min: Number(m[2]) }]))
  }
  const empty = f.kind === 'optional' ? { empty: 'null' as const } : {}
  const n = readNumber(text, 'the value', { whole: f.kind === 'whole', ...empty })
  return typeof n === 'number' && f.kind === 'percent' ? round(n / 100) : n
}

/** The thresholds of every level, the gold share and the award's validity and timings, in one form. */
export const rulesForm: DraftForm = {
  title: 'Change the levels, thresholds and timings',
  submit: 'Save the thresholds',
  labels: Object.fromEntries(RULE_FIELDS.map((f) => [f.name, f.label])),
  valuesOf: (doc) => Object.fromEntries(RULE_FIELDS.map((f) => [f.name, showRule(f, doc)])),
  fields: (_doc, v, e) => RULE_FIELDS.map((f) => input(f.name, f.label, one(v, f.name), e[f.name] ?? null,
    {
      classes: f.kind === 'means' ? 'govuk-input--width-20' : 'govuk-input--width-5',
      ...(f.hint === undefined ? {} : { hint: f.hint })
    })),
  apply: (doc, v) => {
    const next = structuredClone({ thresholds: doc.thresholds, settings: doc.settings })
    const errors: Errors = {}
    for (const f of RULE_FIELDS) {
      const value = readRule(f, one(v, f.name))
      if (typeof value === 'string') errors[f.name] = value
      else f.set(next, value)
    }
    return Object.keys(errors).length > 0 ? { errors } : { doc: putRules(doc, next.thresholds, next.settings) }
  },
  fieldOf: (path) => RULE_FIELDS.find((f) => path === f.path || path.startsWith(`${f.path}.`))?.name ??
    (path.startsWith('thresholds.feedback') ? 'sampleMinimum' : null)
}

const QUESTION_LABELS = { plain: 'The question, in plain English', easyRead: 'The question, in easy read' }

/** A feedback question's wording, plain and easy read. */
export const questionForm = (code: string): DraftForm => ({
  title: `Change the wording of ${code}`,
  submit: 'Save the wording',
  labels: QUESTION_LABELS,
  valuesOf: (doc) => {
    const q = doc.instrument.items.find((x) => x.code === code)
    return { plain: q?.wording.plain ?? '', easyRead: q?.wording.easyRead ?? '' }
  },
  fields: (_doc, v, e) => [
    textarea('plain', QUESTION_LABELS.plain, one(v, 'plain'), e.plain ?? null),
    textarea('easyRead', QUESTION_LABELS.easyRead, one(v, 'easyRead'), e.easyRead ?? null,
      'Short words and sentences, for people who find reading hard')
  ],
  apply: (doc, v) => ({ doc: putQuestionWording(doc, code, { plain: one(v, 'plain'), easyRead: one(v, 'easyRead') }) }),
  fieldOf: (path) => {
    const field = path.split('.').at(-1)
    return path.startsWith('instrument.items.') && (field === 'plain' || field === 'easyRead') ? field : null
  }
})

const CATEGORY_LABELS = { title: 'The category’s name' }

/** A checklist category's name (its code, which items name, stays). */
export const categoryForm = (code: string): DraftForm => ({
  title: `Change the name of the category ${code}`,
  submit: 'Save the name',
  labels: CATEGORY_LABELS,
  valuesOf: (doc) => ({ title: doc.categories.find((c) => c.code === code)?.title ?? '' }),
  fields: (_doc, v, e) => [
    input('title', CATEGORY_LABELS.title, one(v, 'title'), e.title ?? null,
      { hint: 'Providers see it as the heading of these items on their task list' })
  ],
  apply: (doc, v) => ({ doc: putCategoryTitle(doc, code, one(v, 'title')) }),
  fieldOf: (path) => (path.startsWith('categories.') ? 'title' : null)
})

/** One field per answer of a scale and wording: `a0-plain`, `a0-easyRead`, … in the scale's order. */
const answerField = (n: number, w: keyof Wording) => `a${n}-${w}`
const scaleLabels = (doc: SchemeDocument, code: string): Record<string, string> => {
  const answers = doc.instrument.scales.find((s) => s.code === code)?.answers ?? []
  return Object.fromEntries(answers.flatMap((a, n) => {
    const which = `Answer ${n + 1}${a.score === null ? '' : `, scoring ${a.score}`}`
    return [
      [answerField(n, 'plain'), `${which}, in plain English`],
      [answerField(n, 'easyRead'), `${which}, in easy read`]
    ]
  }))
}

/**
 * The wording of a scale's answers, plain and easy read. The answers' values and scores are not in the form: they
 * are what responses hold and what scoring counts.
 */
export const scaleForm = (code: string, doc: SchemeDocument): DraftForm => {
  const labels = scaleLabels(doc, code)
  const count = doc.instrument.scales.find((s) => s.code === code)?.answers.length ?? 0
  const indexes = Array.from({ length: count }, (_, n) => n)
  return {
    title: `Change the answers of the scale ${code}`,
    submit: 'Save the answers',
    labels,
    valuesOf: (d) => Object.fromEntries((d.instrument.scales.find((s) => s.code === code)?.answers ?? [])
      .flatMap((a, n) => [
        [answerField(n, 'plain'), a.wording.plain],
        [answerField(n, 'easyRead'), a.wording.easyRead]
      ])),
    fields: (_doc, v, e) => indexes.flatMap((n) => [
      input(answerField(n, 'plain'), labels[answerField(n, 'plain')] ?? '', one(v, answerField(n, 'plain')),
        e[answerField(n, 'plain')] ?? null),
      input(answerField(n, 'easyRead'), labels[answerField(n, 'easyRead')] ?? '', one(v, answerField(n, 'easyRead')),
        e[answerField(n, 'easyRead')] ?? null)
    ]),
    apply: (d, v) => ({
      doc: putScaleWording(d, code, indexes.map((n) => ({
        plain: one(v, answerField(n, 'plain')),
        easyRead: one(v, answerField(n, 'easyRead'))
      })))
    }),
    // instrument.scales.S.answers.N.wording.plain → aN-plain
    fieldOf: (path) => {
      const m = /^instrument\.scales\.\d+\.answers\.(\d+)\.wording\.(plain|easyRead)$/.exec(path)
      return m === null ? null : `a${m[1]}-${m[2]}`
    }
  }
}
