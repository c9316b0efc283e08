// How a file goes out, from the API and the pages alike (README: Security and privacy): its type and name, never
// sniffed into another type, never kept by a shared cache; a download unless it is something the browser may show
// in place.
import type { Readable } from 'node:stream'
import { create as contentDisposition } from 'content-disposition'
import type { FastifyReply } from 'fastify'
import { downloadName } from '../domain/evidence/file-types.js'

export interface FileHead {
  type: string
  filename: string
  /** shown in the page (a chart, an image) rather than saved */
  inline?: boolean
  /** Content-Length, where the size is known before the content is sent */
  size?: number
}

export async function sendFile (reply: FastifyReply, head: FileHead, content: Readable | Buffer | string) {
  reply
    .type(head.type)
    .header('content-disposition', contentDisposition(head.filename, { type: head.inline ? 'inline' : 'attachment' }))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
  if (head.size !== undefined) reply.header('content-length', head.size)
  return await reply.send(content)
}

/** An evidence file as uploaded, under the extension of the type its content shows, its chunks read as it is sent. */
export async function sendEvidenceFile (
  reply: FastifyReply,
  file: { mediaType: string; filename: string; sizeBytes: number; content: () => Readable },
  inline = false
) {
  const head = { type: file.mediaType, filename: downloadName(file.filename, file.mediaType), size: file.sizeBytes }
  return await sendFile(reply, { ...head, inline }, file.content())
}
