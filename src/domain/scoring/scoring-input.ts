// What the scoring engine reads besides the scheme: provider profile, evidence states, responses, concerns, CQC rating
// (zod, so the what-if endpoint validates exactly what the engine accepts).
import { z } from 'zod'
import { NormalisedAnswersSchema } from '../feedback/instrument.js'
import {
  ConcernOutcomeSchema,
  ConcernSeveritySchema,
  ConcernStatusSchema,
  CqcRatingSchema,
  EvidenceStatusSchema,
  OfferingFlagSchema
} from '../scheme/enums.js'
import type { SchemeDocument } from '../scheme/scheme-document.js'

export const IsoDateSchema = z.iso.date()

export const ProviderProfileSchema = z.object({
  flags: z.partialRecord(OfferingFlagSchema, z.boolean()),
  /** How many people the provider supports now: n_min depends on it. */
  activeClients: z.number().int().min(0)
})
export type ProviderProfile = z.infer<typeof ProviderProfileSchema>

export const EvidenceStateSchema = z.object({
  status: EvidenceStatusSchema,
  /** Date or date-time of verification; evidence verified after the decision date does not count. */
  verifiedAt: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).nullish(),
  issuedOn: IsoDateSchema.nullish(),
  /** Last day the evidence is valid. */
  expiresOn: IsoDateSchema.nullish(),
  /** Only honoured when the item names an `expiryWaivedBy` reason (e.g. DBS on the update service). */
  noExpiry: z.boolean().nullish()
})
export type EvidenceState = z.infer<typeof EvidenceStateSchema>

export const ConcernInputSchema = z.object({
  severity: ConcernSeveritySchema,
  status: ConcernStatusSchema,
  outcome: ConcernOutcomeSchema.nullish(),
  raisedOn: IsoDateSchema,
  closedOn: IsoDateSchema.nullish()
})
export type ConcernInput = z.infer<typeof ConcernInputSchema>

export const FeedbackResponseInputSchema = z.object({ answers: NormalisedAnswersSchema })

/** Everything except the scheme, which callers load by version. */
export const ScoringCaseSchema = z.object({
  profile: ProviderProfileSchema,
  evidence: z.record(z.string(), EvidenceStateSchema),
  responses: z.array(FeedbackResponseInputSchema),
  concerns: z.array(ConcernInputSchema),
  cqcRating: CqcRatingSchema.nullable(),
  decisionDate: IsoDateSchema
})
export type ScoringCase = z.infer<typeof ScoringCaseSchema>

export interface ScoringInput extends ScoringCase {
  scheme: SchemeDocument
}
