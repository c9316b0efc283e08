// ESLint flat config: neostandard (the Fastify ecosystem's style) with TypeScript, 120-character lines.
// Lives in scripts/ to keep the repository's top level to the folders the README lists; `npm run lint` points at it.
import neostandard from 'neostandard'

export default [
  ...neostandard({ ts: true, ignores: ['dist/**', 'data/**', 'coverage/**', '.tap/**', 'node_modules/**'] }),
  {
    rules: {
      '@stylistic/max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }]
    }
  }
]
