// Public surface of the scheme module: enums, document schema, the default scheme, validation and diff.
export * from './enums.js'
export * from './scheme-document.js'
export * from './applicability.js'
export { DEFAULT_SCHEME, createDefaultSchemeDocument } from './default-scheme.js'
export { listSchemeProblems, validateSchemeDocument } from './validate-scheme.js'
export { diffSchemeDocuments, diffFields, type FieldChange, type KeyedChanges, type SchemeDiff } from './diff-scheme.js'
export {
  addCategory,
  categoryEmptiedBy,
  putCategoryTitle,
  putChecklistItem,
  putQuestionWording,
  putRules,
  putScaleWording,
  removeChecklistItem
} from './edit-draft.js'
