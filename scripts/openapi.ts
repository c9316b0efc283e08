// `npm run openapi`: writes the OpenAPI document generated from the routes' zod schemas to openapi/openapi.json.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { projectRoot } from '../src/db/client.js'
import { generateOpenApiDocument } from '../src/http/openapi-document.js'

const file = path.join(projectRoot(), 'openapi', 'openapi.json')
await writeFile(file, await generateOpenApiDocument())
process.stdout.write(`Wrote ${path.relative(process.cwd(), file)}\n`)
