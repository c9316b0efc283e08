// The standard's JSON Schemas (2020-12), vendored with their licence and source commits
// (test/fixtures/hsds-uk-3.0/README.md), compiled once for the Open Referral UK tests.
import { readFileSync } from 'node:fs'
import type { Test } from 'tap'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

const HSDS = new URL('../fixtures/hsds-uk-3.0/', import.meta.url)

// The validator's schemas use table-schema keywords (name, constraints, core...): allowed, not enforced.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv)

export const readHsds = (p: string) => JSON.parse(readFileSync(new URL(p, HSDS), 'utf8')) as Record<string, any>
/** A file of the validator's V3.0-UK schemas (OpenReferralApi/Schemas/V3.0-UK). */
export const validatorSchema = (file: string) => readHsds(`oruk-validator-schemas/V3.0-UK/${file}`)

/**
 * The page a list endpoint answers with, from the list file the validator names. Its *_list.json files nest the page
 * fields under a "Page" key inside allOf, which JSON Schema ignores: they are made to count. A list file that is
 * an item schema (organization_list.json) is the schema of each item of `contents`.
 */
export function pageSchemaOf (file: string) {
  const list = validatorSchema(file)
  const page = (list.allOf?.[0]?.Page ?? validatorSchema('empy_list_response.json').allOf[0].Page) as {
    properties: Record<string, unknown>
  }
  const contents = list.allOf?.[0]?.Page !== undefined ? list.properties.contents : { type: 'array', items: list }
  return {
    type: 'object',
    properties: { ...page.properties, contents },
    required: [...Object.keys(page.properties), 'contents']
  }
}

const compiled = new Map<string, ValidateFunction>()
/** Compiles (once) the schema in a vendored file, or the page schema of a validator list file. */
export function schemaOf (key: string): ValidateFunction {
  let v = compiled.get(key)
  if (v === undefined) {
    const [kind, file] = key.split(':') as ['page' | 'validator' | 'profile', string]
    const schema =
      kind === 'page'
        ? pageSchemaOf(file)
        : kind === 'validator'
          ? validatorSchema(file)
          : readHsds(`oruk-uk-profile-3.0/schema/compiled/${file}`)
    compiled.set(key, (v = ajv.compile(schema)))
  }
  return v
}

/** Asserts that a body passes a schema: `page:service_list.json`, `validator:service.json`, `profile:service.json`. */
export function validHsds (t: Test, key: string, body: unknown, label = key) {
  const validate = schemaOf(key)
  t.ok(validate(body), `valid ${label}`, { errors: validate.errors?.slice(0, 5) })
}
