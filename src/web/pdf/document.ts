// Builds a PDF in memory with pdfkit (A4, the standard Helvetica fonts, so no font files are shipped) and sends it
// as a download (src/http/file-reply.ts: attachment, private, no-store), since a letter's links are shown once and a
// certificate is the provider's own (README: Feedback letters and interviews).
import type { FastifyReply } from 'fastify'
import { sendFile } from '../../http/file-reply.js'

export type Pdf = PDFKit.PDFDocument

export interface PdfInfo {
  title: string
  author: string
  layout?: 'portrait' | 'landscape'
}

/** A4 with 20 mm margins; `draw` lays out every page itself (it adds pages with doc.addPage()). */
export async function renderPdf (info: PdfInfo, draw: (doc: Pdf) => void): Promise<Buffer> {
  // pdfkit and its font engine are loaded with the first PDF, not by every server at start (README: Reliability).
  const { default: PDFDocument } = await import('pdfkit')
  const doc = new PDFDocument({
    size: 'A4',
    layout: info.layout ?? 'portrait',
    margin: 57,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: info.title, Author: info.author }
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  draw(doc)
  doc.end()
  await ended
  return Buffer.concat(chunks)
}

export async function sendPdf (reply: FastifyReply, filename: string, pdf: Buffer): Promise<FastifyReply> {
  return await sendFile(reply.code(200), { type: 'application/pdf', filename }, pdf)
}
