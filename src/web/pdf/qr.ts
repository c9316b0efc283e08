// QR codes for printed pages: a PNG from `qrcode` placed on a pdfkit page. Error correction M (15 %) survives a
// smudged or folded letter; the 4-module quiet zone is the one ISO/IEC 18004 asks for.
import QRCode from 'qrcode'
import type { Pdf } from './document.js'

export async function qrPng (text: string): Promise<Buffer> {
  return await QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8 })
}

/** Draws the code `size` points wide with its top left at (x, y). */
export function drawQr (doc: Pdf, png: Buffer, x: number, y: number, size: number): void {
  doc.image(png, x, y, { width: size, height: size })
}
