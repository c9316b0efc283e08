// What the OpenAPI document says beyond the zod schemas: the problem codes each operation can answer
// (x-problem-codes), its error answers as application/problem+json naming their codes (with an example each),
// non-JSON answers (CSV, SVG, binary files) as what they are, and the multipart body of an upload. Runs after
// fastify-type-provider-zod's transform, for the document only.
import { jsonSchemaTransform } from 'fastify-type-provider-zod'
import { ERRORS, isErrorCode, type ErrorCode } from '../domain/errors.js'
import { PROBLEM_CODES } from './schemas/problem.js'
import { problemTypeOf, statusOfCode } from './plugins/problems.js'

type Transform = typeof jsonSchemaTransform
type JsonObject = Record<string, unknown>

const PROBLEM_TYPE = 'application/problem+json'
const CODES = Object.keys(ERRORS).filter(isErrorCode)

// The transform sees JSON Schema as plain data: these read it without claiming more than it holds.
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)
const stringsOf = (v: unknown): string[] => Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
const objectsOf = (v: unknown): Record<string, JsonObject> => Object.fromEntries(
  Object.entries(isObject(v) ? v : {}).filter((e): e is [string, JsonObject] => isObject(e[1]))
)

/** One example problem per registered code, for the document's components.examples. */
export const problemExamples = (): Record<string, { summary: string; value: JsonObject }> =>
  Object.fromEntries(CODES.map((code) => [code, {
    summary: ERRORS[code].title,
    value: {
      type: problemTypeOf(code),
      title: ERRORS[code].title,
      status: statusOfCode(code),
      detail: ERRORS[code].message,
      instance: '/api/v1/…',
      code
    }
  }]))

/** The codes an error answer stands for, as src/http/schemas/problem.ts keeps them on its schema. */
function codesOf (schema: JsonObject): ErrorCode[] {
  const codes = schema[PROBLEM_CODES]
  return Array.isArray(codes) ? codes.filter(isErrorCode) : []
}

/** An error answer: the codes its operation declared for this status in the description, with an example each. */
function problemResponse (schema: JsonObject): JsonObject {
  const { [PROBLEM_CODES]: _codes, ...problem } = schema
  const codes = codesOf(schema)
  const description = typeof problem.description === 'string' ? problem.description : 'Problem'
  return {
    description: `${description}. Codes: ${codes.join(', ')}`,
    content: {
      [PROBLEM_TYPE]: {
        schema: problem,
        examples: Object.fromEntries(codes.map((code) => [code, { $ref: `#/components/examples/${code}` }]))
      }
    }
  }
}

const isText = (type: string) => type.startsWith('text/') || type === 'image/svg+xml'
const isJson = (type: string) => type === 'application/json' || type.endsWith('+json')

/** A success answer in each produced media type: JSON keeps its schema; text is a string; anything else binary. */
function successResponse (schema: JsonObject, produces: readonly string[]): JsonObject {
  const content: JsonObject = {}
  for (const type of produces.length > 0 ? produces : ['application/json']) {
    if (isJson(type)) content[type] = { schema }
    else if (type === 'text/csv') {
      content[type] = {
        schema: { type: 'string', description: 'CSV (RFC 4180): a header row, then one row per group' }
      }
    } else content[type] = { schema: isText(type) ? { type: 'string' } : { type: 'string', format: 'binary' } }
  }
  const description = typeof schema.description === 'string' ? schema.description : 'Default Response'
  return { description, content }
}

const MULTIPART_FILES = {
  type: 'object',
  properties: {
    file: {
      type: 'array',
      items: { type: 'string', format: 'binary' },
      description: 'One or more files, each sent as a part named "file"'
    }
  },
  required: ['file']
}

export const openapiTransform: Transform = (input) => {
  const out = jsonSchemaTransform(input)
  const schema: unknown = out.schema
  if (!isObject(schema) || schema.hide === true) return out
  const produces = stringsOf(schema.produces)
  const consumes = stringsOf(schema.consumes)
  if (consumes.includes('multipart/form-data') && schema.body === undefined) schema.body = MULTIPART_FILES
  const response = objectsOf(schema.response)
  const binary = produces.length > 0 && !produces.some(isJson)
  if (binary && response['200'] === undefined) response['200'] = { description: 'Default Response' }
  // Every code the operation can answer, in one list (@fastify/swagger keeps an operation's x- keys)
  schema[PROBLEM_CODES] = Object.entries(response)
    .flatMap(([status, value]) => (Number(status) >= 400 ? codesOf(value) : []))
  for (const [status, value] of Object.entries(response)) {
    if (Number(status) >= 400) response[status] = problemResponse(value)
    else if (produces.length > 0 && value.content === undefined && Number(status) !== 204) {
      response[status] = successResponse(value, produces)
    }
  }
  schema.response = response
  // @fastify/swagger writes `produces` onto every answer without its own content; each answer now has its own
  delete schema.produces
  return out
}
