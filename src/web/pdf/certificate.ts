// The provider's Quality Mark certificate (README: For providers): one landscape A4 page with the council, the
// provider, the level, the dates and a QR code to the public verification page, so anyone can check it is current.
import { renderPdf } from './document.js'
import { drawQr, qrPng } from './qr.js'

export interface CertificateInput {
  councilName: string
  providerName: string
  /** e.g. "Gold" */
  levelName: string
  /** e.g. "2 March 2026" */
  validFrom: string
  validUntil: string
  verifyUrl: string
}

export async function certificatePdf (c: CertificateInput): Promise<Buffer> {
  const qr = await qrPng(c.verifyUrl)
  const title = `${c.levelName} Quality Mark: ${c.providerName}`
  const info = { title, author: c.councilName, layout: 'landscape' as const }
  return await renderPdf(info, (doc) => {
    const left = doc.page.margins.left
    const width = doc.page.width - left - doc.page.margins.right
    doc.lineWidth(3).rect(28, 28, doc.page.width - 56, doc.page.height - 56).stroke('#0b0c0c')
    doc.font('Helvetica-Bold').fontSize(16).fillColor('#505a5f')
    doc.text(c.councilName, left, 70, { width, align: 'center' })
    doc.moveDown(0.8).fillColor('#0b0c0c').fontSize(36)
    doc.text(`${c.levelName} Quality Mark`, { width, align: 'center' })
    doc.moveDown(0.6).font('Helvetica').fontSize(16).text('awarded to', { width, align: 'center' })
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(28).text(c.providerName, { width, align: 'center' })
    doc.moveDown(0.8).font('Helvetica').fontSize(16)
    doc.text(`Valid from ${c.validFrom} until ${c.validUntil}`, { width, align: 'center' })
    const size = 120
    const top = doc.page.height - doc.page.margins.bottom - size
    drawQr(doc, qr, left, top, size)
    const textLeft = left + size + 20
    doc.fontSize(12).text('Check this Quality Mark is current: scan the code or go to', textLeft, top + 30, {
      width: width - size - 20
    })
    doc.font('Courier').fontSize(11).text(c.verifyUrl, { width: width - size - 20 })
  })
}
