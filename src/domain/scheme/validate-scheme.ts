// Every problem with a scheme document, each with its path: structure (zod) then the cross-field rules a
// council can break when editing a draft (src/domain/README.md: scheme version).
import { DomainError, err, ok, type FieldProblem, type Result } from '../errors.js'
import type { Instrument } from '../feedback/instrument.js'
import { AWARD_LEVELS } from './enums.js'
import { SchemeDocumentSchema, type SchemeDocument } from './scheme-document.js'

type Problems = FieldProblem[]

const problem = (path: Array<string | number>, message: string): FieldProblem => ({ path: path.join('/'), message })

function findDuplicates (
  codes: readonly string[],
  path: (index: number) => Array<string | number>,
  what: string,
  into: Problems
): void {
  const seen = new Set<string>()
  codes.forEach((code, index) => {
    if (seen.has(code)) into.push(problem(path(index), `duplicate ${what} ${code}`))
    seen.add(code)
  })
}

function checkChecklist (doc: SchemeDocument, into: Problems): void {
  findDuplicates(
    doc.categories.map((c) => c.code),
    (i) => ['categories', i, 'code'],
    'category code',
    into
  )
  findDuplicates(
    doc.checklist.map((i) => i.code),
    (i) => ['checklist', i, 'code'],
    'item code',
    into
  )
  const categories = new Set(doc.categories.map((c) => c.code))
  doc.checklist.forEach((item, i) => {
    if (!categories.has(item.category)) {
      into.push(problem(['checklist', i, 'category'], `unknown category ${item.category}`))
    }
    if (item.expiryWaivedBy !== null && item.validityMonths === null) {
      into.push(problem(['checklist', i, 'expiryWaivedBy'], 'an expiry waiver needs validityMonths'))
    }
    findDuplicates(item.evidenceKinds, (k) => ['checklist', i, 'evidenceKinds', k], 'evidence kind', into)
    const both = item.appliesWhen.allOf.filter((flag) => item.appliesWhen.anyOf.includes(flag))
    if (both.length > 0) {
      into.push(problem(['checklist', i, 'appliesWhen'], `flag listed in both allOf and anyOf: ${both.join(', ')}`))
    }
  })
  doc.categories.forEach((category, i) => {
    if (!doc.checklist.some((item) => item.category === category.code)) {
      into.push(problem(['categories', i], `category ${category.code} has no items`))
    }
  })
}

function checkInstrument (instrument: Instrument, into: Problems): void {
  const at = (...path: Array<string | number>): Array<string | number> => ['instrument', ...path]
  findDuplicates(
    instrument.scales.map((s) => s.code),
    (i) => at('scales', i, 'code'),
    'scale code',
    into
  )
  findDuplicates(
    instrument.items.map((i) => i.code),
    (i) => at('items', i, 'code'),
    'question code',
    into
  )
  instrument.scales.forEach((scale, i) =>
    findDuplicates(
      scale.answers.map((a) => a.value),
      (a) => at('scales', i, 'answers', a, 'value'),
      'answer',
      into
    )
  )
  const scales = new Map(instrument.scales.map((s) => [s.code, s]))
  const scaleOf = new Map(
    instrument.items.flatMap((item) => (item.kind === 'scale' ? [[item.code, item.scale] as const] : []))
  )
  instrument.items.forEach((item, i) => {
    if (item.kind !== 'scale') return
    const scale = scales.get(item.scale)
    if (scale === undefined) {
      into.push(problem(at('items', i, 'scale'), `unknown scale ${item.scale}`))
      return
    }
    if (item.scored && scale.answers.some((a) => a.score === null)) {
      into.push(problem(at('items', i, 'scored'), `a scored question needs a score for every answer of ${scale.code}`))
    }
    if (item.askedWhen === null) return
    const { item: condition, answer, otherwiseSameAs } = item.askedWhen
    const conditionScale = scales.get(scaleOf.get(condition) ?? '')
    if (conditionScale === undefined) {
      into.push(problem(at('items', i, 'askedWhen', 'item'), `unknown question ${condition}`))
    } else if (!conditionScale.answers.some((a) => a.value === answer)) {
      into.push(problem(at('items', i, 'askedWhen', 'answer'), `${answer} is not an answer to ${condition}`))
    }
    if (scaleOf.get(otherwiseSameAs) !== item.scale) {
      into.push(
        problem(
          at('items', i, 'askedWhen', 'otherwiseSameAs'),
          `${otherwiseSameAs} must be a question on scale ${item.scale}`
        )
      )
    }
  })
  instrument.gainPairs.forEach((pair, i) => {
    for (const side of ['now', 'without'] as const) {
      const scale = scales.get(scaleOf.get(pair[side]) ?? '')
      if (scale === undefined || scale.answers.some((a) => a.score === null)) {
        into.push(problem(at('gainPairs', i, side), `${pair[side]} must be a question on a scored scale`))
      }
    }
  })
  const scored = instrument.items.filter((item) => item.kind === 'scale' && item.scored).length
  if (scored < instrument.minAnsweredScoredItems) {
    into.push(
      problem(
        at('minAnsweredScoredItems'),
        `${instrument.minAnsweredScoredItems} answers needed but only ${scored} questions are scored`
      )
    )
  }
  // Q sums stay exact (and order-independent) with up to 20 scored questions: lcm(1..20) × 3 × n fits a double.
  if (scored > 20) into.push(problem(at('items'), `at most 20 scored questions (found ${scored})`))
  if (instrument.gainPairs.length > 6) into.push(problem(at('gainPairs'), 'at most 6 gain pairs'))
}

function checkThresholds (doc: SchemeDocument, into: Problems): void {
  const { feedback } = doc.thresholds
  const scored = new Set(
    doc.instrument.items.flatMap((item) => (item.kind === 'scale' && item.scored ? [item.code] : []))
  )
  for (const level of AWARD_LEVELS) {
    const rule = feedback[level]
    rule.itemMeanMinima.forEach((minimum, i) => {
      if (!scored.has(minimum.item)) {
        into.push(
          problem(
            ['thresholds', 'feedback', level, 'itemMeanMinima', i, 'item'],
            `${minimum.item} is not a scored question of the instrument`
          )
        )
      }
    })
    if (rule.sampleFloor < feedback.sampleMinimum) {
      into.push(
        problem(
          ['thresholds', 'feedback', level, 'sampleFloor'],
          `floor ${rule.sampleFloor} is below the sample minimum ${feedback.sampleMinimum}`
        )
      )
    }
  }
  // A higher level must ask at least as much as the one below it, rule by rule.
  for (const [lower, higher] of [
    ['bronze', 'silver'],
    ['silver', 'gold']
  ] as const) {
    const low = feedback[lower]
    const high = feedback[higher]
    const at = (field: string): Array<string | number> => ['thresholds', 'feedback', higher, field]
    if (high.qMin < low.qMin) into.push(problem(at('qMin'), `${higher} Q ${high.qMin} is below ${lower} Q ${low.qMin}`))
    if (high.sampleFloor < low.sampleFloor) {
      into.push(
        problem(at('sampleFloor'), `${higher} floor ${high.sampleFloor} is below ${lower} floor ${low.sampleFloor}`)
      )
    }
    if (high.sampleShare < low.sampleShare) {
      into.push(
        problem(at('sampleShare'), `${higher} share ${high.sampleShare} is below ${lower} share ${low.sampleShare}`)
      )
    }
    if (low.gainAbove !== null && (high.gainAbove === null || high.gainAbove < low.gainAbove)) {
      into.push(problem(at('gainAbove'), `${higher} must require a gain above at least ${low.gainAbove} like ${lower}`))
    }
    for (const minimum of low.itemMeanMinima) {
      const own = high.itemMeanMinima.find((m) => m.item === minimum.item)
      if (own === undefined || own.min < minimum.min) {
        into.push(
          problem(at('itemMeanMinima'), `${higher} must require mean ${minimum.item} ≥ ${minimum.min} like ${lower}`)
        )
      }
    }
  }
}

function checkSettings (doc: SchemeDocument, into: Problems): void {
  const { settings } = doc
  findDuplicates(
    settings.evidenceReminderDays.map(String),
    (i) => ['settings', 'evidenceReminderDays', i],
    'reminder day',
    into
  )
  // Renewal opens before expiry: it cannot open before the award starts (shortest month 28 days).
  if (settings.renewalLeadDays >= settings.awardValidityMonths * 28) {
    into.push(
      problem(
        ['settings', 'renewalLeadDays'],
        `renewal lead of ${settings.renewalLeadDays} days is not shorter than the award validity of ` +
          `${settings.awardValidityMonths} months`
      )
    )
  }
  findDuplicates(
    doc.limiters.upheldConcern.severities,
    (i) => ['limiters', 'upheldConcern', 'severities', i],
    'severity',
    into
  )
  findDuplicates(
    doc.limiters.upheldConcern.outcomes,
    (i) => ['limiters', 'upheldConcern', 'outcomes', i],
    'outcome',
    into
  )
}

/** Every problem, each with a slash-separated path ("checklist/3/code"); empty when the document is valid. */
export function listSchemeProblems (input: unknown): FieldProblem[] {
  const parsed = SchemeDocumentSchema.safeParse(input)
  if (!parsed.success) return parsed.error.issues.map((issue) => problem(issue.path.map(String), issue.message))
  const problems: Problems = []
  checkChecklist(parsed.data, problems)
  checkInstrument(parsed.data.instrument, problems)
  checkThresholds(parsed.data, problems)
  checkSettings(parsed.data, problems)
  return problems
}

/** The parsed document, or SCHEME_DOCUMENT_INVALID listing every problem (callers answer 422). */
export function validateSchemeDocument (input: unknown): Result<SchemeDocument> {
  const problems = listSchemeProblems(input)
  if (problems.length > 0) {
    return err(
      new DomainError('SCHEME_DOCUMENT_INVALID', 'invalid', `The scheme document has ${problems.length} problem(s)`, {
        errors: problems
      })
    )
  }
  return ok(SchemeDocumentSchema.parse(input))
}
