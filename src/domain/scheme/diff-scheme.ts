// What changed between two scheme documents, field by field, for co-ordinators reviewing a new version
// (README: Scheme versions and scoring: "a diff between two versions"). Pure; arrays of codes are compared keyed by
// code, other arrays whole.
import { isDeepStrictEqual } from 'node:util'
import type { SchemeDocument } from './scheme-document.js'

export interface FieldChange {
  /** Slash-separated path inside the compared object, e.g. "feedback/gold/qMin". */
  readonly path: string
  readonly from: unknown
  readonly to: unknown
}

export interface KeyedChanges {
  readonly added: string[]
  readonly removed: string[]
  readonly changed: Array<{ readonly code: string; readonly changes: FieldChange[] }>
}

export interface SchemeDiff {
  readonly identical: boolean
  readonly title: FieldChange[]
  readonly categories: KeyedChanges
  readonly items: KeyedChanges
  readonly thresholds: FieldChange[]
  readonly settings: FieldChange[]
  readonly limiters: FieldChange[]
  readonly instrument: {
    readonly fields: FieldChange[]
    readonly scales: KeyedChanges
    readonly questions: KeyedChanges
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Leaf-level changes between two values: objects are walked, anything else (arrays included) compared whole. */
export function diffFields (from: unknown, to: unknown, path: string[] = []): FieldChange[] {
  if (isPlainObject(from) && isPlainObject(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort()
    return keys.flatMap((key) => diffFields(from[key], to[key], [...path, key]))
  }
  return isDeepStrictEqual(from, to) ? [] : [{ path: path.join('/'), from, to }]
}

function diffKeyed<T extends { code: string }> (from: readonly T[], to: readonly T[]): KeyedChanges {
  const before = new Map(from.map((entry) => [entry.code, entry]))
  const after = new Map(to.map((entry) => [entry.code, entry]))
  const changed: KeyedChanges['changed'] = []
  for (const [code, entry] of after) {
    const old = before.get(code)
    const changes = old === undefined ? [] : diffFields(old, entry)
    if (changes.length > 0) changed.push({ code, changes })
  }
  return {
    added: [...after.keys()].filter((code) => !before.has(code)),
    removed: [...before.keys()].filter((code) => !after.has(code)),
    changed
  }
}

const isEmpty = (changes: KeyedChanges): boolean =>
  changes.added.length + changes.removed.length + changes.changed.length === 0

export function diffSchemeDocuments (a: SchemeDocument, b: SchemeDocument): SchemeDiff {
  const { scales: scalesA, items: questionsA, ...instrumentA } = a.instrument
  const { scales: scalesB, items: questionsB, ...instrumentB } = b.instrument
  const diff = {
    title: diffFields(a.title, b.title, ['title']),
    categories: diffKeyed(a.categories, b.categories),
    items: diffKeyed(a.checklist, b.checklist),
    thresholds: diffFields(a.thresholds, b.thresholds),
    settings: diffFields(a.settings, b.settings),
    limiters: diffFields(a.limiters, b.limiters),
    instrument: {
      fields: diffFields(instrumentA, instrumentB),
      scales: diffKeyed(scalesA, scalesB),
      questions: diffKeyed(questionsA, questionsB)
    }
  }
  const identical =
    diff.title.length +
      diff.thresholds.length +
      diff.settings.length +
      diff.limiters.length +
      diff.instrument.fields.length ===
      0 &&
    [diff.categories, diff.items, diff.instrument.scales, diff.instrument.questions].every(isEmpty) &&
    // Order matters to the checklist's presentation even when no entry changed.
    isDeepStrictEqual(
      a.checklist.map((i) => i.code),
      b.checklist.map((i) => i.code)
    )
  return { identical, ...diff }
}
