// Uploaded evidence files, received without holding them whole in memory (README: Assessments, evidence,
// decisions and awards): each is spooled to a private temporary file as it arrives, its type sniffed from the
// first bytes and its SHA-256 computed on the way; it is then read back EVIDENCE_CHUNK_BYTES at a time, each piece
// a row of evidence_file_chunks.
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileTypeFromBuffer } from 'file-type'
import { isAllowedEvidenceMediaType } from '../domain/evidence/file-types.js'

export interface ReceivedFile {
  filename: string
  /** What the content shows; undefined when no known signature matched. */
  detectedType: string | undefined
  sizeBytes: number
  sha256: string
  /** Cut off at the size limit: nothing of it may be stored. */
  tooLarge: boolean
  /** The content, a chunk at a time. */
  chunks: () => AsyncIterable<Uint8Array>
  /** Removes the temporary copy (a no-op for a file already in memory). */
  discard: () => Promise<void>
}

/** Why a received file may not be stored, or null when it may. */
export const refusalOf = (f: ReceivedFile): 'too_large' | 'type_not_allowed' | null =>
  f.tooLarge ? 'too_large' : isAllowedEvidenceMediaType(f.detectedType) ? null : 'type_not_allowed'

// file-type reads at most this many bytes to recognise a format.
const HEAD_BYTES = 4100
/** The size of the pieces a file is read and stored in (a few of them go to the database per statement). */
export const EVIDENCE_CHUNK_BYTES = 32 * 1024

/** A file already in memory (the demo's generated PDFs). */
export async function bufferedFile (filename: string, content: Buffer): Promise<ReceivedFile> {
  return {
    filename,
    detectedType: (await fileTypeFromBuffer(content))?.mime,
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    tooLarge: false,
    chunks: async function * () {
      for (let at = 0; at < content.length; at += EVIDENCE_CHUNK_BYTES) {
        yield content.subarray(at, at + EVIDENCE_CHUNK_BYTES)
      }
    },
    discard: async () => {}
  }
}

/**
 * Spools one uploaded file stream to disk. `truncated` says, once the stream has ended, whether the multipart
 * parser cut it off at its size limit.
 */
export async function spoolUpload (
  filename: string,
  stream: Readable,
  truncated: () => boolean
): Promise<ReceivedFile> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qm-upload-'))
  const file = path.join(dir, 'content')
  const hash = createHash('sha256')
  const head: Buffer[] = []
  let size = 0
  const tap = new Transform({
    transform (chunk: Buffer, _encoding, done) {
      if (size < HEAD_BYTES) head.push(chunk.subarray(0, HEAD_BYTES - size))
      size += chunk.length
      hash.update(chunk)
      done(null, chunk)
    }
  })
  const discard = async () => await rm(dir, { recursive: true, force: true })
  try {
    await pipeline(stream, tap, createWriteStream(file, { mode: 0o600 }))
  } catch (error) {
    await discard()
    throw error
  }
  const tooLarge = truncated()
  return {
    filename,
    detectedType: size === 0 ? undefined : (await fileTypeFromBuffer(Buffer.concat(head)))?.mime,
    sizeBytes: size,
    sha256: hash.digest('hex'),
    tooLarge,
    chunks: () => createReadStream(file, { highWaterMark: EVIDENCE_CHUNK_BYTES }),
    discard
  }
}
