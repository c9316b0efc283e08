// A local stand-in for GOV.UK Notify's API (the real service is not reachable from here), speaking the endpoints
// notifications-node-client calls: POST /v2/notifications/email and /v2/notifications/sms, with Notify's JWT
// authentication (HS256 signed with the key's secret, iss = the service id, iat within 30 seconds) and its
// documented error shape ({ status_code, errors: [{ error, message }] }).
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface NotifyRequest {
  type: 'email' | 'sms'
  templateId: string
  to: string
  personalisation: Record<string, string>
  reference: string | undefined
}

export interface NotifyStandIn {
  url: string
  serviceId: string
  apiKey: string
  received: NotifyRequest[]
  /** answer the next request(s) for this address with this status */
  failFor: Map<string, number>
  close: () => Promise<void>
}

const b64url = (b: Buffer) => b.toString('base64url')

function verifyJwt (header: string | undefined, serviceId: string, secret: string): boolean {
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1]
  const [h, p, s] = token?.split('.') ?? []
  if (h === undefined || p === undefined || s === undefined) return false
  const expected = b64url(createHmac('sha256', secret).update(`${h}.${p}`).digest())
  if (expected.length !== s.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(s))) return false
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as { iss?: string; iat?: number }
  return claims.iss === serviceId && Math.abs(Date.now() / 1000 - (claims.iat ?? 0)) <= 30
}

async function bodyOf (req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>
}

export async function startNotifyStandIn (): Promise<NotifyStandIn> {
  const serviceId = randomUUID()
  const secret = randomUUID()
  const received: NotifyRequest[] = []
  const failFor = new Map<string, number>()
  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    const error = (status: number, kind: string, message: string) =>
      reply(status, { status_code: status, errors: [{ error: kind, message }] })
    const type = req.url === '/v2/notifications/email' ? 'email' : req.url === '/v2/notifications/sms' ? 'sms' : null
    if (req.method !== 'POST' || type === null) return error(404, 'NotFound', 'Not found')
    if (!verifyJwt(req.headers.authorization, serviceId, secret)) {
      return error(403, 'AuthError', 'Invalid token: signature, api token not found')
    }
    bodyOf(req)
      .then((b) => {
        const to = String(type === 'email' ? (b.email_address ?? '') : (b.phone_number ?? ''))
        if (typeof b.template_id !== 'string') {
          return error(400, 'ValidationError', 'template_id is a required property')
        }
        if (type === 'email' && !to.includes('@')) {
          return error(400, 'ValidationError', 'email_address Not a valid email address')
        }
        const forced = failFor.get(to)
        if (forced !== undefined) return error(forced, forced === 400 ? 'BadRequestError' : 'Exception', 'forced')
        const personalisation = (b.personalisation ?? {}) as Record<string, string>
        received.push({ type, templateId: b.template_id, to, personalisation, reference: b.reference as string })
        const id = randomUUID()
        reply(201, {
          id,
          reference: b.reference ?? null,
          content: { subject: personalisation.subject, body: personalisation.body, from_email: 'qm@notify.example' },
          uri: `https://api.notifications.service.gov.uk/v2/notifications/${id}`,
          template: { id: b.template_id, version: 1, uri: 'https://api.notifications.service.gov.uk/template' }
        })
      })
      .catch(() => error(400, 'BadRequestError', 'Invalid JSON'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    serviceId,
    apiKey: `qm_test-${serviceId}-${secret}`,
    received,
    failFor,
    close: async () => await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
