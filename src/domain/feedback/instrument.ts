// The feedback instrument as data: answer scales with scores, questions in plain and easy-read wording
// (src/domain/README.md: the feedback instrument).
import { z } from 'zod'
import { FeedbackModeSchema, RespondentTypeSchema } from '../scheme/enums.js'

const CodeSchema = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be SCREAMING_SNAKE')
const AnswerValueSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case')

/** Every question and answer exists in plain English and in easy-read wording. */
export const WordingSchema = z.object({
  plain: z.string().trim().min(1),
  easyRead: z.string().trim().min(1)
})
export type Wording = z.infer<typeof WordingSchema>

/** Scores run 3 (best) to 0 (worst); answers of unscored scales (yes / no) carry no score. */
export const ScaleAnswerSchema = z.object({
  value: AnswerValueSchema,
  score: z.number().int().min(0).max(3).nullable(),
  wording: WordingSchema
})
export type ScaleAnswer = z.infer<typeof ScaleAnswerSchema>

export const AnswerScaleSchema = z.object({
  code: CodeSchema,
  answers: z.array(ScaleAnswerSchema).min(2)
})
export type AnswerScale = z.infer<typeof AnswerScaleSchema>

/** src/domain/README.md: *_WITHOUT is asked only when *_AFFECT = yes, else it equals *_NOW. */
export const AskedWhenSchema = z.object({
  item: CodeSchema,
  answer: AnswerValueSchema,
  otherwiseSameAs: CodeSchema
})
export type AskedWhen = z.infer<typeof AskedWhenSchema>

export const InstrumentItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('scale'),
    code: CodeSchema,
    scale: CodeSchema,
    /** Scored items feed Q (src/domain/README.md: scoring). */
    scored: z.boolean(),
    wording: WordingSchema,
    askedWhen: AskedWhenSchema.nullable()
  }),
  z.object({
    kind: z.literal('text'),
    code: CodeSchema,
    wording: WordingSchema,
    maxLength: z.number().int().min(1).max(10_000),
    /** Free text is moderated before anyone but co-ordinators sees it. */
    moderated: z.boolean()
  })
])
export type InstrumentItem = z.infer<typeof InstrumentItemSchema>
export type ScaleItem = Extract<InstrumentItem, { kind: 'scale' }>

/** Gain G compares "now" with "without this support" (src/domain/README.md: scoring). */
export const GainPairSchema = z.object({ now: CodeSchema, without: CodeSchema })
export type GainPair = z.infer<typeof GainPairSchema>

export const InstrumentSchema = z.object({
  version: z.number().int().min(1),
  title: z.string().trim().min(1),
  scales: z.array(AnswerScaleSchema).min(1),
  items: z.array(InstrumentItemSchema).min(1),
  gainPairs: z.array(GainPairSchema),
  /** A response with fewer answered scored items is not counted (src/domain/README.md: at least 5). */
  minAnsweredScoredItems: z.number().int().min(1),
  respondentTypes: z.array(RespondentTypeSchema).min(1),
  modes: z.array(FeedbackModeSchema).min(1)
})
export type Instrument = z.infer<typeof InstrumentSchema>

/** A normalised response: item code → answer value (scale items) or text (text items). */
export type NormalisedAnswers = Record<string, string>
export const NormalisedAnswersSchema = z.record(z.string(), z.string())

/** What the scorer and aggregations read from a stored response. */
export interface FeedbackResponse {
  answers: NormalisedAnswers
}
