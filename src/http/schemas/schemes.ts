// API contract of scheme versions and the what-if scorer: the document reuses the domain's zod schema,
// the what-if result mirrors the engine's ScoringResult field for field (checked by the compiler below).
import { z } from 'zod'
import { SchemeDocumentSchema } from '../../domain/scheme/scheme-document.js'
import {
  AwardLevelSchema,
  ComputedLevelSchema,
  CqcRatingSchema,
  LevelCapSchema,
  TierSchema
} from '../../domain/scheme/enums.js'
import {
  ConcernInputSchema,
  EvidenceStateSchema,
  IsoDateSchema,
  ProviderProfileSchema,
  type ScoringResult
} from '../../domain/scoring/index.js'
import type { WhatIfInput } from '../../use-cases/scheme-what-if.js'

export const schemeDocumentSchema = SchemeDocumentSchema.meta({
  id: 'SchemeDocument',
  description:
    'A scheme version: checklist, feedback instrument, thresholds, settings and limiters (src/domain/README.md)'
})

export const schemeVersionStatusSchema = z.enum(['draft', 'published'])

export const schemeVersionSummarySchema = z
  .object({
    id: z.uuid(),
    councilId: z.uuid(),
    number: z.number().int().describe("1, 2, 3 … per council; a discarded draft's number is reused by the next draft"),
    status: schemeVersionStatusSchema,
    title: z.string(),
    basedOnId: z
      .uuid()
      .nullable()
      .describe('The version this one was copied from; null when copied from the default scheme'),
    createdBy: z.uuid().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    publishedAt: z.date().nullable(),
    publishedBy: z.uuid().nullable(),
    version: z.number().int().describe('Row version; the ETag is "v<version>"')
  })
  .meta({ id: 'SchemeVersionSummary' })

export const schemeVersionSchema = schemeVersionSummarySchema
  .extend({ document: schemeDocumentSchema })
  .meta({ id: 'SchemeVersion' })

export const schemeVersionListSchema = z
  .object({ items: z.array(schemeVersionSummarySchema) })
  .meta({ id: 'SchemeVersionList' })

export const schemeVersionListQuery = z.strictObject({
  status: z.enum(['draft', 'published', 'all']).default('all').describe('Providers only ever see published versions')
})

export const schemeDraftCreateSchema = z
  .strictObject({
    fromVersionId: z
      .uuid()
      .optional()
      .describe('A version of your council to copy; omit to start from the default scheme')
  })
  .meta({ id: 'SchemeDraftCreate' })

export const schemeDiffQuery = z.strictObject({
  from: z.uuid().optional().describe('The older version; defaults to the version this one was based on')
})

const fieldChangeSchema = z.object({
  path: z.string().describe('Slash-separated path inside the compared part, e.g. "feedback/gold/qMin"'),
  from: z.unknown(),
  to: z.unknown()
})
const keyedChangesSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.object({ code: z.string(), changes: z.array(fieldChangeSchema) }))
})
const versionRefSchema = z.object({ id: z.uuid(), number: z.number().int(), status: schemeVersionStatusSchema })

export const schemeDiffSchema = z
  .object({
    from: versionRefSchema,
    to: versionRefSchema,
    changes: z.object({
      identical: z.boolean(),
      title: z.array(fieldChangeSchema),
      categories: keyedChangesSchema.describe('Keyed by category code'),
      items: keyedChangesSchema.describe('Checklist items, keyed by item code'),
      thresholds: z.array(fieldChangeSchema),
      settings: z.array(fieldChangeSchema),
      limiters: z.array(fieldChangeSchema),
      instrument: z.object({
        fields: z.array(fieldChangeSchema),
        scales: keyedChangesSchema,
        questions: keyedChangesSchema
      })
    })
  })
  .meta({ id: 'SchemeDiff' })

export const schemeValidationSchema = z
  .object({
    valid: z.literal(true),
    problems: z
      .array(z.never())
      .describe('Always empty here: an invalid document is a 422 problem listing every problem')
  })
  .meta({ id: 'SchemeValidation' })

// ——— what-if ———

export const whatIfInputSchema = z
  .strictObject({
    profile: z.strictObject({
      flags: ProviderProfileSchema.shape.flags.describe('Offering flags; an absent flag is false'),
      activeClients: ProviderProfileSchema.shape.activeClients.max(100_000)
    }),
    evidence: z
      .record(z.string().max(40), EvidenceStateSchema.strict())
      .default({})
      .describe('Evidence state per checklist item code; an item left out has no evidence'),
    responses: z
      .array(
        z.strictObject({
          answers: z
            .record(z.string().max(40), z.string().max(10_000).nullable())
            .describe('Question code → answer value, as a respondent would give them')
        })
      )
      .max(1000)
      .default([]),
    concerns: z.array(ConcernInputSchema.strict()).max(1000).default([]),
    cqcRating: CqcRatingSchema.nullable().default(null),
    decisionDate: IsoDateSchema.optional().describe('Defaults to today')
  })
  .meta({ id: 'WhatIfInput', description: 'A hypothetical provider to score against a scheme version' }) satisfies
  z.ZodType<WhatIfInput>

const reasonSchema = z
  .object({
    level: AwardLevelSchema,
    code: z.enum([
      'ITEM_NOT_MET',
      'GOLD_SHARE_BELOW',
      'Q_BELOW',
      'GAIN_NOT_ABOVE',
      'ITEM_MEAN_BELOW',
      'SAMPLE_TOO_SMALL',
      'SAFEGUARDING_CONCERN_OPEN',
      'UPHELD_CONCERN',
      'CQC_RATING'
    ]),
    message: z.string(),
    item: z.string().optional(),
    items: z.array(z.string()).optional(),
    actual: z.union([z.number(), z.string(), z.null()]).optional(),
    required: z.union([z.number(), z.string()]).optional()
  })
  .meta({
    id: 'ScoringReason',
    description: 'Something standing between the provider and a level above the one reached'
  })

const itemResultSchema = z.object({
  code: z.string(),
  category: z.string(),
  tier: TierSchema,
  weight: z.number(),
  limiter: z.boolean(),
  applicable: z.boolean(),
  met: z.boolean(),
  reasonCode: z.enum(['MET', 'NOT_APPLICABLE', 'NO_EVIDENCE', 'NOT_VERIFIED', 'REJECTED', 'EXPIRED', 'NO_EXPIRY_DATE']),
  reason: z.string(),
  expiresOn: z.string().nullable()
})

const categoryResultSchema = z.object({
  code: z.string(),
  title: z.string(),
  applicable: z.number().int(),
  met: z.number().int(),
  applicableWeight: z.number(),
  metWeight: z.number()
})

const perLevel = z.object({ bronze: z.number().int(), silver: z.number().int(), gold: z.number().int() })

export const scoringResultSchema = z
  .object({
    decisionDate: z.string(),
    computedLevel: ComputedLevelSchema,
    levelBeforeLimiters: ComputedLevelSchema,
    complianceLevel: ComputedLevelSchema,
    compliancePercent: z.number(),
    categories: z.array(categoryResultSchema),
    itemResults: z.array(itemResultSchema),
    feedback: z.object({
      responses: z.number().int(),
      n: z.number().int(),
      q: z.number().nullable(),
      g: z.number().nullable(),
      meanSafe: z.number().nullable(),
      meanDignity: z.number().nullable(),
      itemMeans: z.record(z.string(), z.number().nullable()),
      nMin: perLevel,
      feedbackLevel: ComputedLevelSchema,
      smallSample: z.boolean()
    }),
    limitersApplied: z.array(
      z.object({
        code: z.enum(['SAFEGUARDING_CONCERN_OPEN', 'UPHELD_CONCERN', 'CQC_RATING']),
        cap: LevelCapSchema,
        message: z.string()
      })
    ),
    reasons: z
      .array(reasonSchema)
      .describe('For each level above the computed one, lowest first, what stands in its way')
  })
  .meta({ id: 'ScoringResult', description: "The scoring engine's explained result (src/domain/README.md: scoring)" })

// The response schema strips fields it does not name: a required field the engine adds without this schema fails to
// compile here.
export const scoringResultMatchesEngine = (result: z.infer<typeof scoringResultSchema>): ScoringResult => result

export const whatIfResultSchema = z
  .object({
    schemeVersion: versionRefSchema,
    result: scoringResultSchema
  })
  .meta({ id: 'WhatIfResult' })
