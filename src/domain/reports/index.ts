// The reports domain's public face: contingency tables, tests of independence, suppression and summaries.
export * from './contingency-table.js'
export * from './chi-square.js'
export * from './fisher-exact.js'
export * from './suppression.js'
export * from './distribution.js'
export * from './outcomes-by-size.js'
export * from './value-for-money.js'
