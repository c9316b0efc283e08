// GET /provider/award/certificate.pdf: the signed-in provider's Quality Mark certificate to print, with a QR code to
// the public verification page (README: For providers). A provider without a current mark gets a kind page instead.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { findCurrentCertificate } from '../../use-cases/certificates.js'
import type { Deps } from '../../use-cases/context.js'
import { longDate } from '../../use-cases/publication/public-award.js'
import { LEVEL_NAMES } from '../../use-cases/publication/vocabulary.js'
import { certificatePdf } from '../pdf/certificate.js'
import { sendPdf } from '../pdf/document.js'
import { messageView, useHtmlErrorPages } from '../plugin.js'
import { pageCtx, providerOrRedirect } from '../portal.js'

export const certificateRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)
  app.get('/certificate.pdf', { schema: { hide: true } }, async (request, reply) => {
    const me = await providerOrRedirect(request, reply)
    if (me === null) return reply
    const truth = await findCurrentCertificate(deps, pageCtx(deps, me, request))
    if (truth === null) {
      return await reply.page(404, 'message', messageView({
        title: 'You do not have a current Quality Mark',
        paragraphs: [
          'A certificate can be printed while your Quality Mark is current.',
          'If your mark is suspended or has ended, your award page says why and what to do next.'
        ]
      }))
    }
    const { listing, council } = truth
    const pdf = await certificatePdf({
      councilName: council.name,
      providerName: listing.name,
      levelName: LEVEL_NAMES[listing.award.level],
      validFrom: longDate(listing.award.validFrom),
      validUntil: longDate(listing.award.validTo),
      verifyUrl: `${deps.config.publicBaseUrl}/verify/${listing.award.id}`
    })
    return await sendPdf(reply, `quality-mark-certificate-${listing.award.validFrom}.pdf`, pdf)
  })
}
