// ESLint flat config: neostandard (the Fastify ecosystem's style) with TypeScript, 120-character lines.
// Lives in scripts/ to keep the repository's top level to the folders the README lists; `npm run lint` points at it.
import neostandard from 'neostandard'

export default [
  ...neostandard({ ts: true, ignores: ['dist/**', 'data/**', 'coverage/**', '.tap/**', 'node_modules/**'] }),
  {
    rules: {
      '@stylistic/max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }]
    }
  },
  {
    // A zod schema and its inferred type share a name (`const AssessmentState = z.enum(...)` and
    // `type AssessmentState`). tsc already refuses real redeclarations, which is why typescript-eslint
    // does not recommend this rule for TypeScript (https://typescript-eslint.io/rules/no-redeclare).
    files: ['**/*.ts'],
    rules: { '@typescript-eslint/no-redeclare': 'off' }
  }
]
