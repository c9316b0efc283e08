// OpenAPI 3.1 generated from the routes' zod schemas, served at /openapi.json with Swagger UI at /docs.
// Every route gets the error answers any route can give (common-answers.ts) and, when authenticated, its
// security requirement here, in one place.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { declaredCodes, problemResponses } from '../schemas/problem.js'
import { commonAnswers } from './common-answers.js'
import { openapiTransform, problemExamples } from '../openapi-media.js'

export const openapiInfo = {
  title: 'Quality Mark',
  version: '1.0.0',
  description:
    "A council's gold / silver / bronze Quality Mark for care micro-enterprises: providers, scheme versions, " +
    'assessments, evidence, feedback, awards, and the public directory feeds. Errors are RFC 9457 problem details.'
}

export default fp(
  async function openapi (app: FastifyInstance, opts: { serverUrl: string }) {
    app.addHook('onRoute', (route) => {
      if (route.schema === undefined || route.schema.hide === true) return
      const answers = Object.entries(route.schema.response ?? {})
      const untold = answers.filter(([status, schema]) => Number(status) >= 400 && declaredCodes([schema]).length === 0)
      if (untold.length > 0) {
        const statuses = untold.map(([status]) => status).join(', ')
        throw new Error(`${route.url}: declare its error answers (${statuses}) by their codes with problemResponses`)
      }
      const own = declaredCodes(route.schema.response)
      const common = commonAnswers(route.url, [route.method].flat(), route.config?.roles)
      route.schema.response = {
        ...Object.fromEntries(answers.filter(([status]) => Number(status) < 400)),
        ...problemResponses(...own, ...common)
      }
      if (route.config?.roles !== undefined) route.schema.security = [{ bearerAuth: [] }]
      else route.schema.security ??= []
    })

    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: openapiInfo,
        servers: [{ url: opts.serverUrl }],
        components: {
          examples: problemExamples(),
          securitySchemes: {
            bearerAuth: {
              type: 'http',
              scheme: 'bearer',
              description: 'A token from `npm run create-token` or POST /api/v1/users/{id}/tokens'
            }
          }
        },
        tags: [
          { name: 'health', description: 'Liveness and readiness' },
          { name: 'admin', description: 'Councils, users and tokens' },
          { name: 'providers', description: 'The provider registry' },
          {
            name: 'schemes',
            description:
              'Scheme versions (checklist, feedback instrument, thresholds): drafts, publication, diff and the ' +
                'what-if scorer'
          },
          { name: 'audit', description: 'The audit trail' },
          {
            name: 'feedback',
            description: 'Feedback invitations, interview entry, moderation and anonymous aggregates'
          },
          {
            name: 'assessments',
            description: 'Assessments, evidence and decisions: from application to published award'
          },
          {
            name: 'awards',
            description: 'Awards and their lifecycle: suspension, reinstatement, revocation, withdrawal'
          },
          { name: 'concerns', description: 'Complaints and safeguarding matters about providers' },
          { name: 'appeals', description: 'Appeals against decisions, downgrades, suspensions and revocations' },
          { name: 'jobs', description: 'Scheduled monitoring: reminders, suspensions, renewals, expiry, erasure' },
          { name: 'notifications', description: 'Messages to providers and staff: delivery status, failures' },
          {
            name: 'open-referral',
            description: 'Open Referral UK (HSDS-UK 3.0) feed per council: public, no key, CORS open'
          },
          { name: 'public-feed', description: 'The native public change feed of awards, with ETag revalidation' },
          { name: 'webhooks', description: 'Signed pushes of award events to directories, with a delivery log' },
          { name: 'badges', description: "Badges and verification of a provider's mark" },
          {
            name: 'reports',
            description:
              'Outcomes by provider size, value for money and scheme operations: JSON, CSV and SVG charts for ' +
                'co-ordinators'
          }
        ]
      },
      transform: openapiTransform,
      transformObject: jsonSchemaTransformObject
    })
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true })
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  },
  { name: 'openapi' }
)
