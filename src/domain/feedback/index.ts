// Public surface of the feedback module: the instrument schema, instrument v1, normalisation and aggregation.
export * from './instrument.js'
export { DEFAULT_INSTRUMENT } from './default-instrument.js'
