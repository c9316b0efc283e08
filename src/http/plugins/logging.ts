// pino options: a request id on every line; no tokens, cookies, IP addresses or feedback links in logs.
import type { FastifyServerOptions } from 'fastify'
import type { Config } from '../../config.js'

// Paths that carry a secret (single-use feedback links, badge/verification ids are public and fine).
const secretInPath = /^(\/feedback\/)[^/?#]+/

export function redactUrl (url: string): string {
  return url.replace(secretInPath, '$1[redacted]').replace(/([?&](?:token|secret)=)[^&#]*/gi, '$1[redacted]')
}

export function loggerOptions (config: Config, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: config.LOG_LEVEL,
    ...(stream !== undefined ? { stream } : {}),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]'
    },
    serializers: {
      // Only what is needed to trace a request: no remote address (personal data), no headers.
      req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode })
    }
  }
}
