// Reading what was thrown or answered without claiming more than it is: drivers, sockets and fetch answers are
// `unknown` until their properties are looked at one by one (README: Architecture).

/** A property of any value, or undefined when the value has none (or is not an object). */
export const propertyOf = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined

/** A string property, or undefined. */
export function stringPropertyOf (value: unknown, key: string): string | undefined {
  const found = propertyOf(value, key)
  return typeof found === 'string' ? found : undefined
}
