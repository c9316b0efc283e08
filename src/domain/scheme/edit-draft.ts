// Edits a co-ordinator makes to a draft scheme document one piece at a time (README: For co-ordinators, the scheme
// pages): each returns a new document and leaves the given one as it was; whether the result is a valid scheme is
// validate-scheme.ts's to say.
import type { Wording } from '../feedback/instrument.js'
import type { Category, ChecklistItem, SchemeDocument, Settings, Thresholds } from './scheme-document.js'

/**
 * Puts an item in the checklist: in place of the item coded `replacing` (its place kept), or, when `replacing` is
 * null or not there, after the last item of its category (at the end when the category has none), so the checklist
 * stays grouped by category.
 */
export function putChecklistItem (
  doc: SchemeDocument,
  replacing: string | null,
  item: ChecklistItem
): SchemeDocument {
  const at = doc.checklist.findIndex((i) => i.code === replacing)
  const checklist = [...doc.checklist]
  if (at >= 0) {
    checklist[at] = item
  } else {
    const after = checklist.map((i) => i.category).lastIndexOf(item.category)
    checklist.splice(after < 0 ? checklist.length : after + 1, 0, item)
  }
  return { ...doc, checklist }
}

/** The category the item coded `code` is the last item of (removing it would leave it empty), or undefined. */
export function categoryEmptiedBy (doc: SchemeDocument, code: string): Category | undefined {
  const item = doc.checklist.find((i) => i.code === code)
  if (item === undefined || doc.checklist.some((i) => i.code !== code && i.category === item.category)) return undefined
  return doc.categories.find((c) => c.code === item.category)
}

/**
 * The checklist without the item coded `code`; a category it was the last item of goes with it (a category holds
 * items, and validation refuses one with none).
 */
export function removeChecklistItem (doc: SchemeDocument, code: string): SchemeDocument {
  const emptied = categoryEmptiedBy(doc, code)
  return {
    ...doc,
    checklist: doc.checklist.filter((i) => i.code !== code),
    categories: doc.categories.filter((c) => c !== emptied)
  }
}

/** A new checklist category, after the others (validation refuses a code already used, or one with no items). */
export const addCategory = (doc: SchemeDocument, category: Category): SchemeDocument =>
  ({ ...doc, categories: [...doc.categories, category] })

/** New wording for the feedback question coded `code`; other questions unchanged. */
export const putQuestionWording = (doc: SchemeDocument, code: string, wording: Wording): SchemeDocument => ({
  ...doc,
  instrument: {
    ...doc.instrument,
    items: doc.instrument.items.map((q) => (q.code === code ? { ...q, wording } : q))
  }
})

/** A new title for the checklist category coded `code`; its items and the other categories unchanged. */
export const putCategoryTitle = (doc: SchemeDocument, code: string, title: string): SchemeDocument => ({
  ...doc,
  categories: doc.categories.map((c) => (c.code === code ? { ...c, title } : c))
})

/**
 * New wording for the answers of the scale coded `code`, in their order (an answer's value and score stay as they
 * are: they are what responses and scoring hold). Answers beyond `wordings` keep theirs.
 */
export const putScaleWording = (doc: SchemeDocument, code: string, wordings: readonly Wording[]): SchemeDocument => ({
  ...doc,
  instrument: {
    ...doc.instrument,
    scales: doc.instrument.scales.map((s) => s.code !== code
      ? s
      : { ...s, answers: s.answers.map((a, n) => ({ ...a, wording: wordings[n] ?? a.wording })) })
  }
})

/** New thresholds and settings (award validity and timings) for the scheme. */
export const putRules = (doc: SchemeDocument, thresholds: Thresholds, settings: Settings): SchemeDocument =>
  ({ ...doc, thresholds, settings })
