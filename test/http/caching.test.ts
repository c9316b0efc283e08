// Authenticated API answers carry personal or unpublished data: every one is Cache-Control: no-store, whatever
// its status; the public feeds stay cacheable (README: Security and privacy).
import { readFileSync } from 'node:fs'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { addAssessment } from '../helpers/feedback.js'

const h = await buildTestApp(t)
const [north] = h.councils
const staff = h.auth(north.coordinator.token)
const provider = await h.addProvider(north)
const assessmentId = await addAssessment(h, north, provider.id)

interface Operation { security?: unknown[]; parameters?: Array<{ in: string }> }
const doc = JSON.parse(readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>
}

t.test('every authenticated GET in the API answers no-store', async (t) => {
  const ids: Record<string, string> = { id: assessmentId }
  let checked = 0
  for (const [path, methods] of Object.entries(doc.paths)) {
    const op = methods.get
    if (op === undefined || (op.security ?? []).length === 0) continue
    const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? '00000000-0000-4000-8000-000000000000')
    for (const headers of [staff, h.auth(provider.token), {}]) {
      const res = await h.app.inject({ url, headers })
      t.match(res.headers['cache-control'], /\bno-store\b/, `${url} ${res.statusCode}`)
      checked++
    }
  }
  t.ok(checked > 30, `${checked} answers checked`)
  for (const url of ['/api/v1/concerns', `/api/v1/assessments/${assessmentId}/feedback-responses`, '/api/v1/me']) {
    const res = await h.app.inject({ url, headers: staff })
    t.equal(res.statusCode, 200, url)
    t.equal(res.headers['cache-control'], 'no-store', url)
  }
})

t.test('the public feeds stay cacheable', async (t) => {
  const res = await h.app.inject({ url: `/oruk/${north.slug}/services` })
  t.equal(res.statusCode, 200)
  t.match(res.headers['cache-control'], /^public/)
})
