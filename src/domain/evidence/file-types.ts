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
