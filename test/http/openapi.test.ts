// The OpenAPI document: valid OpenAPI 3.1, complete for every route, and the committed copy is current.
import { readFile } from 'node:fs/promises'
import t from 'tap'
import { Validator } from '@seriousme/openapi-schema-validator'
import { generateOpenApiDocument } from '../../src/http/openapi-document.js'

const generated = await generateOpenApiDocument()
const doc = JSON.parse(generated)

t.test('the committed openapi/openapi.json is what the code generates (run `npm run openapi`)', async (t) => {
  const committed = await readFile(new URL('../../openapi/openapi.json', import.meta.url), 'utf8')
  t.same(JSON.parse(committed), doc, 'openapi/openapi.json is stale: run `npm run openapi` and commit it')
})

t.test('the document passes an OpenAPI 3.1 validator', async (t) => {
  t.equal(doc.openapi, '3.1.0')
  const result = await new Validator().validate(doc)
  t.same(result.errors ?? [], [], 'no validation errors')
  t.ok(result.valid)
})

t.test('every operation has a summary, tags, security and its error answers', async (t) => {
  const problems: string[] = []
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const [method, op] of Object.entries(item)) {
      const where = `${method.toUpperCase()} ${path}`
      if (typeof op.summary !== 'string' || op.summary === '') problems.push(`${where}: no summary`)
      if (!Array.isArray(op.tags) || op.tags.length === 0) problems.push(`${where}: no tags`)
      if (!Array.isArray(op.security)) problems.push(`${where}: no security`)
      const responses = op.responses as Record<string, unknown>
      if (responses['500'] === undefined) problems.push(`${where}: no 500 answer`)
      // a 403 only where a role or a rule can refuse: GET /api/v1/me takes every role
      if ((op.security as unknown[]).length > 0 && responses['401'] === undefined) {
        problems.push(`${where}: secured but no 401`)
      }
    }
  }
  t.same(problems, [])
})

t.test('every operation lists the problem codes it can answer, each under its status with an example', async (t) => {
  const { isErrorCode } = await import('../../src/domain/errors.js')
  const { statusOfCode } = await import('../../src/http/plugins/problems.js')
  const problems: string[] = []
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Record<string, any>>>)) {
    for (const [method, op] of Object.entries(item)) {
      const where = `${method.toUpperCase()} ${path}`
      const codes: unknown[] = op['x-problem-codes'] ?? []
      if (codes.length === 0) problems.push(`${where}: no x-problem-codes`)
      for (const code of codes) {
        if (!isErrorCode(code)) problems.push(`${where}: ${String(code)} is not registered`)
        else if (doc.components.examples[code] === undefined) problems.push(`${where}: no example of ${code}`)
      }
      for (const [status, answer] of Object.entries(op.responses as Record<string, any>)) {
        if (Number(status) < 400) continue
        const examples = Object.keys(answer.content['application/problem+json'].examples)
        const listed = codes.filter((c) => isErrorCode(c) && String(statusOfCode(c)) === status)
        if (JSON.stringify(examples) !== JSON.stringify(listed)) {
          problems.push(`${where} ${status}: examples ${examples.join(', ')} but codes ${listed.join(', ')}`)
        }
        if (!answer.description.endsWith(`Codes: ${listed.join(', ')}`)) problems.push(`${where} ${status}: wording`)
      }
      for (const code of codes) {
        if (isErrorCode(code) && op.responses[String(statusOfCode(code))] === undefined) {
          problems.push(`${where}: ${code} has no ${statusOfCode(code)} answer`)
        }
      }
    }
  }
  t.same(problems, [])
})
