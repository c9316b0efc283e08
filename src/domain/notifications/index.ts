// Notifications: what each message says, and when a failed one is tried again (pure).
export * from './messages.js'
export * from './retry.js'
