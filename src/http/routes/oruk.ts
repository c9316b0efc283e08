// Open Referral UK (HSDS-UK 3.0) feed per council at /oruk/{council}/ (registered with prefix /oruk): public, no key,
// CORS open to any origin
// (src/domain/README.md: Publication). Bodies are cached by the council's publication version; ETag and 304 on every
// read.
import cors from '@fastify/cors'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { PublicCouncil } from '../../use-cases/publication/listings.js'
import {
  getOrukService,
  getOrukTaxonomy,
  getOrukTerm,
  listOrukServices,
  listOrukTaxonomies,
  listOrukTerms,
  ORUK_API_DETAILS
} from '../../use-cases/publication/oruk-feed.js'
import {
  getOrukOrganization,
  getOrukServiceAtLocation,
  listOrukOrganizations,
  listOrukServiceAtLocations
} from '../../use-cases/publication/oruk-places.js'
import {
  orukApiDetailsSchema,
  orukOrganizationPageSchema,
  orukOrganizationQuery,
  orukOrganizationSchema,
  orukOrganizationsQuery,
  orukServiceAtLocationPageSchema,
  orukServiceAtLocationSchema,
  orukServiceAtLocationsQuery,
  orukCouncilParams,
  orukIdParams,
  orukListQuery,
  orukServicePageSchema,
  orukServiceSchema,
  orukServicesQuery,
  orukTaxonomyPageSchema,
  orukTaxonomySchema,
  orukTermPageSchema,
  orukTermSchema
} from '../schemas/oruk.js'
import { problemResponses } from '../schemas/problem.js'
import { publicViewServer, type PublicFeedOptions } from './feed.js'

const tags = ['open-referral']

export const orukRoutes: FastifyPluginAsyncZod<PublicFeedOptions> = async (app, { deps, publication }) => {
  // Registered inside this encapsulated plugin, so only the open feed answers cross-origin requests.
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'OPTIONS'],
    exposedHeaders: ['ETag'],
    maxAge: 86_400
  })
  const serve = publicViewServer(app, publication)
  const baseOf = (council: PublicCouncil) => `${deps.config.publicBaseUrl}/oruk/${council.slug}`

  app.get(
    '/:council',
    {
      schema: {
        tags,
        summary: 'About this feed: the HSDS-UK version and profile it follows',
        params: orukCouncilParams,
        response: { 200: orukApiDetailsSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => {
      await publication.source(request.params.council)
      return ORUK_API_DETAILS
    }
  )

  app.get(
    '/:council/services',
    {
      schema: {
        tags,
        summary: 'Quality-marked services, fully nested, with filters combined with AND',
        params: orukCouncilParams,
        querystring: orukServicesQuery,
        response: { 200: orukServicePageSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) =>
      await serve(
        request,
        reply,
        request.params.council,
        `services:${JSON.stringify(request.query)}`,
        async (council, db) => await listOrukServices(db, council, baseOf(council), request.query)
      )
  )

  app.get(
    '/:council/services/:id',
    {
      schema: {
        tags,
        summary: 'One service, fully nested',
        params: orukIdParams,
        response: { 200: orukServiceSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) =>
      await serve(
        request,
        reply,
        request.params.council,
        `service:${request.params.id}`,
        async (council, db) => await getOrukService(db, council, baseOf(council), request.params.id)
      )
  )

  app.get(
    '/:council/taxonomies',
    {
      schema: {
        tags,
        summary: 'The Quality Mark, service type and client group taxonomies',
        params: orukCouncilParams,
        querystring: orukListQuery,
        response: { 200: orukTaxonomyPageSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) =>
      await serve(request, reply, request.params.council, `taxonomies:${JSON.stringify(request.query)}`, (council) =>
        listOrukTaxonomies(council, baseOf(council), request.query)
      )
  )

  app.get(
    '/:council/taxonomies/:id',
    {
      schema: {
        tags,
        summary: 'One taxonomy',
        params: orukIdParams,
        response: { 200: orukTaxonomySchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) =>
      await serve(request, reply, request.params.council, `taxonomy:${request.params.id}`, (council) =>
        getOrukTaxonomy(council, baseOf(council), request.params.id)
      )
  )

  app.get(
    '/:council/taxonomy_terms',
    {
      schema: {
        tags,
        summary: 'Every taxonomy term: Quality Mark levels, service types, client groups',
        params: orukCouncilParams,
        querystring: orukListQuery,
        response: { 200: orukTermPageSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) =>
      await serve(request, reply, request.params.council, `terms:${JSON.stringify(request.query)}`, (council) =>
        listOrukTerms(council, baseOf(council), request.query)
      )
  )

  app.get(
    '/:council/taxonomy_terms/:id',
    {
      schema: {
        tags,
        summary: 'One taxonomy term',
        params: orukIdParams,
        response: { 200: orukTermSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) =>
      await serve(request, reply, request.params.council, `term:${request.params.id}`, (council) =>
        getOrukTerm(council, baseOf(council), request.params.id)
      )
  )

  app.get(
    '/:council/service_at_locations',
    {
      schema: {
        tags,
        summary: 'Services at their locations; near a postcode (nearest first), within `proximity` metres',
        params: orukCouncilParams,
        querystring: orukServiceAtLocationsQuery,
        response: {
          200: orukServiceAtLocationPageSchema,
          ...problemResponses('NOT_FOUND', 'POSTCODE_LOOKUP_UNAVAILABLE')
        }
      }
    },
    async (request, reply) =>
      await serve(
        request,
        reply,
        request.params.council,
        `service_at_locations:${JSON.stringify(request.query)}`,
        async (council, db) => await listOrukServiceAtLocations(deps, db, council, baseOf(council), request.query)
      )
  )

  app.get(
    '/:council/service_at_locations/:id',
    {
      schema: {
        tags,
        summary: 'One service at its location, the service fully nested',
        params: orukIdParams,
        response: { 200: orukServiceAtLocationSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) =>
      await serve(
        request,
        reply,
        request.params.council,
        `service_at_location:${request.params.id}`,
        async (council, db) => await getOrukServiceAtLocation(db, council, baseOf(council), request.params.id)
      )
  )

  app.get(
    '/:council/organizations',
    {
      schema: {
        tags,
        summary: 'The organizations running marked services, with their charity and company numbers',
        params: orukCouncilParams,
        querystring: orukOrganizationsQuery,
        response: { 200: orukOrganizationPageSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) =>
      await serve(
        request,
        reply,
        request.params.council,
        `organizations:${JSON.stringify(request.query)}`,
        async (council, db) => await listOrukOrganizations(db, council, baseOf(council), request.query)
      )
  )

  app.get(
    '/:council/organizations/:id',
    {
      schema: {
        tags,
        summary: 'One organization with its services',
        params: orukIdParams,
        querystring: orukOrganizationQuery,
        response: { 200: orukOrganizationSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) =>
      await serve(
        request,
        reply,
        request.params.council,
        `organization:${request.params.id}:${request.query.full_service === true}`,
        async (council, db) => {
          const fullService = request.query.full_service === true
          return await getOrukOrganization(db, council, baseOf(council), request.params.id, fullService)
        }
      )
  )
}
