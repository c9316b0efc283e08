// The folder holding package.json, found from this file in src/ (tests run the TypeScript) or dist/src/ (built).
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export function projectRoot (): string {
  const src = path.dirname(fileURLToPath(import.meta.url))
  const root = path.dirname(src)
  return path.basename(root) === 'dist' ? path.dirname(root) : root
}
