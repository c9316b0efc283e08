// Feedback letters for people without email (README: Feedback letters and interviews): one A4 page per
// single-use link, with a QR code of the link and the link written out to type, in plain or easy-read wording.
import type { Pdf } from './document.js'
import { renderPdf } from './document.js'
import { letterText, type LetterFacts, type LetterWording } from './letter-wording.js'
import { drawQr, qrPng } from './qr.js'

export interface LettersInput extends Omit<LetterFacts, 'expiresOn'> {
  wording: LetterWording
  expiresOn: string
  links: readonly string[]
}

const LINK_FONT = 'Courier-Bold'

/** The link cut into lines that fit `width`, after a "/" where it can be, so no character is lost to wrapping. */
export function linkLines (doc: Pdf, link: string, width: number): string[] {
  const lines: string[] = []
  let rest = link
  while (doc.widthOfString(rest) > width) {
    let cut = rest.length
    while (cut > 1 && doc.widthOfString(rest.slice(0, cut)) > width) cut--
    const slash = rest.lastIndexOf('/', cut - 1)
    if (slash > 8) cut = slash + 1
    lines.push(rest.slice(0, cut))
    rest = rest.slice(cut)
  }
  return [...lines, rest]
}

function drawLetter (doc: Pdf, input: LettersInput, link: string, qr: Buffer): void {
  const text = letterText(input.wording, input)
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  const gap = text.bodySize * 0.6
  doc.font('Helvetica-Bold').fontSize(11).fillColor('#505a5f').text(input.councilName, left, doc.page.margins.top)
  doc.moveDown(1.5).fillColor('#0b0c0c')
  doc.font('Helvetica-Bold').fontSize(text.headingSize).text(text.heading, { width })
  doc.moveDown(0.6).font('Helvetica').fontSize(text.bodySize)
  for (const p of text.opening) doc.text(p, { width, paragraphGap: gap })
  doc.moveDown(0.5)
  const size = input.wording === 'easy_read' ? 190 : 160
  drawQr(doc, qr, left, doc.y, size)
  doc.y += size + 12
  doc.font('Helvetica').fontSize(text.bodySize).text(text.howToAnswer, left, doc.y, { width, paragraphGap: 4 })
  doc.font(LINK_FONT).fontSize(input.wording === 'easy_read' ? 14 : 12)
  for (const line of linkLines(doc, link, width)) doc.text(line, { width, lineBreak: false })
  doc.moveDown(0.8).font('Helvetica').fontSize(text.bodySize)
  for (const p of text.closing) doc.text(p, left, doc.y, { width, paragraphGap: gap })
}

export async function feedbackLettersPdf (input: LettersInput): Promise<Buffer> {
  const codes = await Promise.all(input.links.map(qrPng))
  return await renderPdf(
    { title: `Feedback letters: ${input.providerName}`, author: input.councilName },
    (doc) => {
      input.links.forEach((link, i) => {
        if (i > 0) doc.addPage()
        drawLetter(doc, input, link, codes[i]!)
      })
    }
  )
}
