// Which uploaded files evidence may carry, judged by the media type detected from their content
// (src/domain/README.md: "Files: size limit, allowed types checked by content").

/** Documents and photos a micro provider is likely to hold: scans, phone photos, word-processor files. */
export const EVIDENCE_MEDIA_TYPES: readonly string[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text'
]

/** `detected` is what the content shows (undefined when no signature matched); the declared type is never trusted. */
export const isAllowedEvidenceMediaType = (detected: string | undefined): detected is string =>
  detected !== undefined && EVIDENCE_MEDIA_TYPES.includes(detected)

// The file name extensions each allowed type is known by; the first is the one a download gets.
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'image/heic': ['heic'],
  'image/heif': ['heif'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.oasis.opendocument.text': ['odt']
}

/**
 * The name a download is offered under: the uploader's name with the extension of the type the content shows
 * (a PDF named report.html downloads as report.pdf, a PNG named certificate.pdf as certificate.png), so the
 * co-ordinator's computer opens it with the program for what it is.
 */
export function downloadName (filename: string, mediaType: string): string {
  const known = EXTENSIONS[mediaType]
  if (known === undefined) return filename
  const dot = filename.lastIndexOf('.')
  const stem = dot > 0 ? filename.slice(0, dot) : filename
  const ext = dot > 0 ? filename.slice(dot + 1).toLowerCase() : ''
  return known.includes(ext) ? filename : `${stem}.${known[0]}`
}
