// Freezing a value all the way down: for data shared by every caller (the shipped default scheme, the published
// scheme versions kept in memory), so a change in place throws instead of leaking into others' results.

/** `value`, with every object inside it frozen; parts already frozen are left as they are. */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
