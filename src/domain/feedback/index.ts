// Public surface of the feedback module: the instrument schema, instrument v1, normalisation and aggregation.
export * from './instrument.js'
export { DEFAULT_INSTRUMENT } from './default-instrument.js'
export { compileInstrument, type CompiledInstrument } from './compile-instrument.js'
export {
  feedbackQualityOf,
  measureFeedbackQuality,
  roundScore,
  type FeedbackQuality,
  type FeedbackQualityTally
} from './feedback-quality.js'
export { normaliseFeedbackAnswers } from './normalise-answers.js'
export { aggregateFeedback, type FeedbackAggregate, type ItemAggregate } from './aggregate-feedback.js'
