// Drives an assessment through the API for tests: open, submit, review, evidence for every applicable item of a tier,
// feedback responses inserted directly (the feedback API is another module's), and the decision.
import { randomBytes } from 'node:crypto'
import { feedbackResponses } from '../../src/db/schema/index.js'
import {
  DEFAULT_SCHEME,
  isItemApplicable,
  type ChecklistItem,
  type OfferingFlags
} from '../../src/domain/scheme/index.js'
import type { TestApp } from './app.js'

/** The smallest file each detector recognises as PDF (magic bytes %PDF-). */
export const tinyPdf = () => Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
/** A PDF (by its signature) of exactly `bytes` bytes, random after the signature. */
export const pdfOf = (bytes: number) => Buffer.concat([tinyPdf(), randomBytes(bytes)]).subarray(0, bytes)

/** A multipart/form-data body with the given files, built by hand so the declared type can lie. */
export function multipartBody (files: Array<{ name: string; type: string; content: Buffer }>) {
  const boundary = `----qm${Math.random().toString(16).slice(2)}`
  const parts = files.flatMap((f) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\n` +
        `Content-Type: ${f.type}\r\n\r\n`
    ),
    f.content,
    Buffer.from('\r\n')
  ])
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`
  }
}

export function assessmentDriver (h: TestApp) {
  const post = async (token: string, url: string, payload: unknown = {}, headers: Record<string, string> = {}) =>
    await h.app.inject({ method: 'POST', url, headers: { ...h.auth(token), ...headers }, payload: payload as object })

  /** Opens and submits; starts the review as the co-ordinator. */
  async function openUnderReview (providerToken: string, staffToken: string, kind = 'initial') {
    const opened = await post(providerToken, '/api/v1/assessments', { kind })
    if (opened.statusCode !== 201) throw new Error(`open: ${opened.body}`)
    const id = opened.json().id as string
    await post(providerToken, `/api/v1/assessments/${id}/submit`)
    const review = await post(staffToken, `/api/v1/assessments/${id}/start-review`)
    if (review.statusCode !== 200) throw new Error(`start review: ${review.body}`)
    return id
  }

  /**
   * Gives the easiest accepted evidence for one item (a declaration, a narrative or a PDF), returning its id;
   * with `pdf`, that file as a document.
   */
  async function giveEvidence (id: string, item: ChecklistItem, token: string, issuedOn: string, pdf?: Buffer) {
    const kind = pdf !== undefined
      ? 'document'
      : item.evidenceKinds.find((k) => k === 'declaration' || k === 'narrative') ?? 'document'
    const dated = item.validityMonths !== null ? { issuedOn } : {}
    const res = await post(token, `/api/v1/assessments/${id}/evidence`, {
      itemCode: item.code,
      kind,
      ...(kind === 'document' ? {} : { narrative: `We meet ${item.code}` }),
      ...dated
    })
    if (res.statusCode !== 201) throw new Error(`evidence ${item.code}: ${res.body}`)
    const evidenceId = res.json().id as string
    if (kind === 'document') {
      const body = multipartBody([{ name: `${item.code}.pdf`, type: 'application/pdf', content: pdf ?? tinyPdf() }])
      const up = await h.app.inject({
        method: 'POST',
        url: `/api/v1/assessments/${id}/evidence/${evidenceId}/files`,
        headers: { ...h.auth(token), 'content-type': body.contentType },
        payload: body.payload
      })
      if (up.statusCode !== 201) throw new Error(`upload ${item.code}: ${up.body}`)
    }
    return evidenceId
  }

  /**
   * Evidence for every applicable item up to the tier (B: bronze, S: silver, G: gold), the files in `pdfs` (by item
   * code) as documents; returns each piece's id by item code.
   */
  async function giveItems (
    id: string,
    flags: OfferingFlags,
    upTo: 'B' | 'S' | 'G',
    providerToken: string,
    pdfs: Record<string, Buffer> = {}
  ) {
    const tiers = { B: ['B'], S: ['B', 'S'], G: ['B', 'S', 'G'] }[upTo]
    const today = h.clock.now.toISOString().slice(0, 10)
    const given = new Map<string, string>()
    for (const item of DEFAULT_SCHEME.checklist) {
      if (!tiers.includes(item.tier) || !isItemApplicable(item, flags)) continue
      given.set(item.code, await giveEvidence(id, item, providerToken, today, pdfs[item.code]))
    }
    return given
  }

  /** Evidence for, and verification of, every applicable item up to the tier. */
  async function meetItems (
    id: string,
    flags: OfferingFlags,
    upTo: 'B' | 'S' | 'G',
    providerToken: string,
    staffToken: string
  ) {
    for (const [code, evidenceId] of await giveItems(id, flags, upTo, providerToken)) {
      const v = await post(staffToken, `/api/v1/assessments/${id}/evidence/${evidenceId}/verify`)
      if (v.statusCode !== 200) throw new Error(`verify ${code}: ${v.body}`)
    }
  }

  /** n responses, all at the top of every scale, with support making a difference (Q 100, G > 0). */
  async function addGlowingFeedback (assessmentId: string, councilId: string, providerId: string, n: number) {
    const answers = {
      OCC_NOW: 'as_i_want',
      OCC_AFFECT: 'yes',
      OCC_WITHOUT: 'some_not_enough',
      CTL_NOW: 'as_much_as_i_want',
      CTL_AFFECT: 'yes',
      CTL_WITHOUT: 'some_not_enough',
      SAFE: 'as_safe_as_i_want',
      DIGNITY: 'better_about_myself',
      RELIABLE: 'always',
      CHOICE: 'always',
      CONTINUITY_STAFF: 'always',
      RECOMMEND: 'definitely'
    }
    const today = h.clock.now.toISOString().slice(0, 10)
    await h.db.db.insert(feedbackResponses).values(
      Array.from({ length: n }, () => ({
        councilId,
        assessmentId,
        providerId,
        respondentType: 'person' as const,
        mode: 'self' as const,
        instrumentVersion: 1,
        sizeBand: 'micro' as const,
        answers,
        receivedOn: today
      }))
    )
  }

  /**
   * From review to a proposal the provider has accepted, ready to publish: items up to the tier verified,
   * n glowing responses, marked ready, the level proposed.
   */
  async function proposeAccepted (
    id: string,
    p: { id: string; token: string },
    councilId: string,
    staffToken: string,
    o: { flags: OfferingFlags; tier: 'B' | 'S' | 'G'; level: string; responses: number }
  ) {
    await meetItems(id, o.flags, o.tier, p.token, staffToken)
    await addGlowingFeedback(id, councilId, p.id, o.responses)
    await post(staffToken, `/api/v1/assessments/${id}/mark-ready`)
    const proposed = await post(staffToken, `/api/v1/assessments/${id}/propose-decision`, { level: o.level })
    if (proposed.statusCode !== 200) throw new Error(`propose: ${proposed.body}`)
    await post(p.token, `/api/v1/assessments/${id}/accept-decision`)
  }

  return { post, openUnderReview, giveEvidence, giveItems, meetItems, addGlowingFeedback, proposeAccepted }
}
