// The scheme version document (zod): checklist, feedback instrument, thresholds and settings (src/domain/README.md:
// scheme version).
// Structure only; cross-field rules (unknown codes, inconsistent thresholds) live in validate-scheme.ts.
import { z } from 'zod'
import { InstrumentSchema } from '../feedback/instrument.js'
import {
  ConcernOutcomeSchema,
  ConcernSeveritySchema,
  CqcRatingSchema,
  EvidenceKindSchema,
  ExpiryWaiverSchema,
  LevelCapSchema,
  OfferingFlagSchema,
  TierSchema
} from './enums.js'

export const ItemCodeSchema = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be SCREAMING_SNAKE')
export const CategoryCodeSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case')

/** An item applies when every allOf flag and at least one anyOf flag (if any are listed) is set. */
export const AppliesWhenSchema = z.object({
  allOf: z.array(OfferingFlagSchema),
  anyOf: z.array(OfferingFlagSchema)
})
export type AppliesWhen = z.infer<typeof AppliesWhenSchema>

export const ChecklistItemSchema = z.object({
  code: ItemCodeSchema,
  category: CategoryCodeSchema,
  title: z.string().trim().min(1),
  guidance: z.string().trim().min(1),
  tier: TierSchema,
  appliesWhen: AppliesWhenSchema,
  weight: z.number().positive().max(100),
  /** Months a piece of evidence stays acceptable from its issue date; null: it does not expire. */
  validityMonths: z.number().int().min(1).max(120).nullable(),
  /** When set, evidence may carry `noExpiry` for this reason (src/domain/README.md: DBS on the update service). */
  expiryWaivedBy: ExpiryWaiverSchema.nullable(),
  /** src/domain/README.md: if a limiter lapses the award is suspended. */
  limiter: z.boolean(),
  evidenceKinds: z.array(EvidenceKindSchema).min(1)
})
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>

export const CategorySchema = z.object({
  code: CategoryCodeSchema,
  title: z.string().trim().min(1)
})
export type Category = z.infer<typeof CategorySchema>

export const ItemMeanMinimumSchema = z.object({ item: ItemCodeSchema, min: z.number().min(0).max(3) })

/** One award level's feedback rule (src/domain/README.md: feedback level FL) and its sample minimum n_min. */
export const FeedbackLevelRuleSchema = z.object({
  qMin: z.number().min(0).max(100),
  /** G must be strictly above this; null: gain is not required. */
  gainAbove: z.number().min(-3).max(3).nullable(),
  itemMeanMinima: z.array(ItemMeanMinimumSchema),
  sampleFloor: z.number().int().min(1).max(1000),
  sampleShare: z.number().positive().max(1)
})
export type FeedbackLevelRule = z.infer<typeof FeedbackLevelRuleSchema>

export const ThresholdsSchema = z.object({
  compliance: z.object({
    /** Share of applicable G weight that must be met for gold. */
    goldWeightShare: z.number().positive().max(1)
  }),
  feedback: z.object({
    /** n_min(level) = max(sampleMinimum, min(floor, ceil(share × active clients))). */
    sampleMinimum: z.number().int().min(1).max(1000),
    bronze: FeedbackLevelRuleSchema,
    silver: FeedbackLevelRuleSchema,
    gold: FeedbackLevelRuleSchema
  })
})
export type Thresholds = z.infer<typeof ThresholdsSchema>

const DaysSchema = z.number().int().min(0).max(3650)

export const SettingsSchema = z.object({
  /** src/domain/README.md: default 12, at most 24. */
  awardValidityMonths: z.number().int().min(1).max(24),
  gracePeriodDays: DaysSchema,
  /** May be 0: the decision is published at once. */
  factualAccuracyDays: DaysSchema,
  appealWindowDays: DaysSchema,
  renewalLeadDays: DaysSchema,
  evidenceReminderDays: z.array(z.number().int().min(1).max(3650)),
  commentRetentionDays: z.number().int().min(1).max(3650)
})
export type Settings = z.infer<typeof SettingsSchema>

export const LimitersSchema = z.object({
  /** An open safeguarding concern blocks any award and suspends a live one. */
  openSafeguardingConcern: LevelCapSchema,
  upheldConcern: z.object({
    severities: z.array(ConcernSeveritySchema).min(1),
    outcomes: z.array(ConcernOutcomeSchema).min(1),
    lookbackMonths: z.number().int().min(1).max(120),
    cap: LevelCapSchema
  }),
  cqcCaps: z.partialRecord(CqcRatingSchema, LevelCapSchema)
})
export type Limiters = z.infer<typeof LimitersSchema>

export const SchemeDocumentSchema = z.object({
  title: z.string().trim().min(1),
  categories: z.array(CategorySchema).min(1),
  checklist: z.array(ChecklistItemSchema).min(1),
  instrument: InstrumentSchema,
  thresholds: ThresholdsSchema,
  settings: SettingsSchema,
  limiters: LimitersSchema
})
export type SchemeDocument = z.infer<typeof SchemeDocumentSchema>
