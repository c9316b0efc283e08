// The scheme's vocabularies as zod enums, shared by the pure domain and the HTTP contract (src/domain/README.md:
// glossary).
import { z } from 'zod'

/** src/domain/README.md: service offering flags decide which checklist items apply. */
export const OfferingFlagSchema = z.enum([
  'personalCare',
  'medication',
  'foodPreparation',
  'transport',
  'loneWorking',
  'handlesMoney',
  'employsStaff'
])
export type OfferingFlag = z.infer<typeof OfferingFlagSchema>
export const OFFERING_FLAGS = OfferingFlagSchema.options

/** The research report's four service types. */
export const ServiceTypeSchema = z.enum(['domiciliary_care', 'day_activities', 'accommodation', 'support_in_home'])
export type ServiceType = z.infer<typeof ServiceTypeSchema>

export const ClientGroupSchema = z.enum([
  'older_people',
  'learning_disability',
  'autism',
  'physical_disability',
  'mental_health',
  'carers'
])
export type ClientGroup = z.infer<typeof ClientGroupSchema>

/** B: needed for bronze, S: needed for silver, G: counts toward gold (src/domain/README.md: the default scheme). */
export const TierSchema = z.enum(['B', 'S', 'G'])
export type Tier = z.infer<typeof TierSchema>

/** src/domain/README.md: micro providers must not be pushed into paperwork for its own sake. */
export const EvidenceKindSchema = z.enum(['document', 'declaration', 'narrative', 'photos', 'observation'])
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>

export const EvidenceStatusSchema = z.enum(['verified', 'submitted', 'rejected', 'info_requested', 'missing'])
export type EvidenceStatus = z.infer<typeof EvidenceStatusSchema>

export const RespondentTypeSchema = z.enum(['person', 'carer', 'proxy'])
export type RespondentType = z.infer<typeof RespondentTypeSchema>

export const FeedbackModeSchema = z.enum(['self', 'interview', 'assisted', 'easy_read'])
export type FeedbackMode = z.infer<typeof FeedbackModeSchema>

/** A feedback comment's moderation: pending → approved | hidden (and back); erased after its retention period. */
export const CommentStatusSchema = z.enum(['pending', 'approved', 'hidden', 'erased'])
export type CommentStatus = z.infer<typeof CommentStatusSchema>

/** Award levels, lowest first. */
export const AwardLevelSchema = z.enum(['bronze', 'silver', 'gold'])
export type AwardLevel = z.infer<typeof AwardLevelSchema>
export const AWARD_LEVELS = AwardLevelSchema.options

/** What the engine computes: an award level or none. */
export const ComputedLevelSchema = z.enum(['none', 'bronze', 'silver', 'gold'])
export type ComputedLevel = z.infer<typeof ComputedLevelSchema>

/** A limiter's effect: block any award, or cap it at a level. */
export const LevelCapSchema = z.enum(['block', 'bronze', 'silver'])
export type LevelCap = z.infer<typeof LevelCapSchema>

export const CqcRatingSchema = z.enum(['outstanding', 'good', 'requires_improvement', 'inadequate'])
export type CqcRating = z.infer<typeof CqcRatingSchema>

export const ConcernSeveritySchema = z.enum(['low', 'medium', 'high', 'safeguarding'])
export type ConcernSeverity = z.infer<typeof ConcernSeveritySchema>

export const ConcernOutcomeSchema = z.enum(['upheld', 'partly_upheld', 'not_upheld'])
export type ConcernOutcome = z.infer<typeof ConcernOutcomeSchema>

/** For scoring a concern is open (received … investigating) or closed. */
export const ConcernStatusSchema = z.enum(['open', 'closed'])
export type ConcernStatus = z.infer<typeof ConcernStatusSchema>

/** Why an item is given an expiry waiver (src/domain/README.md: DBS "unless on the update service"). */
export const ExpiryWaiverSchema = z.enum(['dbs_update_service'])
export type ExpiryWaiver = z.infer<typeof ExpiryWaiverSchema>
