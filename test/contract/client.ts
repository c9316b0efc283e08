// A small API client written only against the types openapi-typescript generates from the committed
// openapi/openapi.json (test/contract/openapi.d.ts): if the document stops describing an upload, a CSV report,
// a chart, a file download or the ORUK feed, this file no longer compiles (`npm run typecheck`).
import type { paths } from './openapi.js'

type Upload = paths['/api/v1/assessments/{id}/evidence/{evidenceId}/files']['post']
type Download = paths['/api/v1/assessments/{id}/evidence/{evidenceId}/files/{fileId}']['get']
type Report = paths['/api/v1/reports/operations']['get']
type Chart = paths['/api/v1/reports/operations/chart.svg']['get']
type OrukServices = paths['/oruk/{council}/services']['get']
type Problem = Upload['responses'][404]['content']['application/problem+json']

/** The upload body as the document describes it: files under the part name "file". */
export type UploadBody = Upload['requestBody']['content']['multipart/form-data']
export type UploadedFiles = Upload['responses'][201]['content']['application/json']
export type PdfDownload = Download['responses'][200]['content']['application/pdf']
export type OperationsCsv = Report['responses'][200]['content']['text/csv']
export type OperationsJson = Report['responses'][200]['content']['application/json']
export type ChartSvg = Chart['responses'][200]['content']['image/svg+xml']
export type OrukServicePage = OrukServices['responses'][200]['content']['application/json']
export type OrukQuery = NonNullable<OrukServices['parameters']['query']>
export type ProblemCode = NonNullable<Problem['code']>

/** A failed call: the problem the service answered, with its registered code. */
export class ApiProblem extends Error {
  constructor (readonly status: number, readonly problem: Problem) {
    super(`${status} ${problem.code ?? ''}: ${problem.detail ?? problem.title}`)
  }
}

export interface Client {
  uploadFiles: (
    assessmentId: string,
    evidenceId: string,
    files: Array<{ name: string; blob: Blob }>
  ) => Promise<UploadedFiles>
  downloadPdf: (assessmentId: string, evidenceId: string, fileId: string) => Promise<PdfDownload>
  operationsCsv: () => Promise<OperationsCsv>
  operationsJson: () => Promise<OperationsJson>
  operationsChart: () => Promise<ChartSvg>
  orukServices: (council: string, query: OrukQuery) => Promise<OrukServicePage>
  /** Every service of a council's ORUK feed, page after page until the last. */
  walkOruk: (council: string, perPage: number) => Promise<OrukServicePage['contents']>
}

export function createClient (baseUrl: string, token: string): Client {
  const auth = { authorization: `Bearer ${token}` }

  async function call (path: string, init: RequestInit & { accept: string }): Promise<Response> {
    const headers = { ...auth, accept: init.accept, ...init.headers }
    const res = await fetch(new URL(path, baseUrl), { ...init, headers })
    if (res.ok) return res
    throw new ApiProblem(res.status, (await res.json()) as Problem)
  }

  async function orukServices (council: string, query: OrukQuery): Promise<OrukServicePage> {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))
    const res = await call(`/oruk/${council}/services?${search.toString()}`, { accept: 'application/json' })
    return (await res.json()) as OrukServicePage
  }

  return {
    async uploadFiles (assessmentId, evidenceId, files) {
      const parts: Record<keyof UploadBody, Blob[]> = { file: files.map((f) => f.blob) }
      const form = new FormData()
      for (const [i, blob] of parts.file.entries()) form.append('file', blob, files[i]?.name)
      const res = await call(`/api/v1/assessments/${assessmentId}/evidence/${evidenceId}/files`, {
        method: 'POST',
        body: form,
        accept: 'application/json'
      })
      return (await res.json()) as UploadedFiles
    },
    async downloadPdf (assessmentId, evidenceId, fileId) {
      const url = `/api/v1/assessments/${assessmentId}/evidence/${evidenceId}/files/${fileId}`
      const res = await call(url, { accept: 'application/pdf' })
      // the document types a binary body as a string of bytes
      return Buffer.from(await res.arrayBuffer()).toString('latin1')
    },
    async operationsCsv () {
      return await (await call('/api/v1/reports/operations', { accept: 'text/csv' })).text()
    },
    async operationsJson () {
      return (await (await call('/api/v1/reports/operations', { accept: 'application/json' })).json()) as OperationsJson
    },
    async operationsChart () {
      return await (await call('/api/v1/reports/operations/chart.svg', { accept: 'image/svg+xml' })).text()
    },
    orukServices,
    async walkOruk (council, perPage) {
      const all: OrukServicePage['contents'] = []
      for (let page = 1; ; page++) {
        const body = await orukServices(council, { page, per_page: perPage })
        all.push(...body.contents)
        if (body.last_page || body.empty) return all
      }
    }
  }
}
