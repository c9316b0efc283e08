// Every table, for drizzle's relational queries and drizzle-kit's migration generator.
export * from './councils.js'
export * from './providers.js'
export * from './audit.js'
export * from './outbox.js'
export * from './schemes.js'
export * from './assessments.js'
export * from './awards.js'
export * from './feedback.js'
