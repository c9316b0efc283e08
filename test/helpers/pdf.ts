// Reads the PDFs the service makes, as a viewer would need to: the pages in order, the text each page shows and
// the images it draws, decoded to pixels, so a test can scan a page's QR code with a real decoder (jsQR). Handles what
// pdfkit writes (Flate streams, RGB images with a grey soft mask, hex-encoded text), nothing more.
import { inflateSync } from 'node:zlib'
import jsqrModule from 'jsqr'

// jsQR's bundle sets module.exports to the function while its types declare an ES default: take whichever is there.
const jsQR = typeof jsqrModule === 'function' ? jsqrModule : jsqrModule.default

interface PdfObject {
  dict: string
  stream: Buffer | null
}

export interface PdfPage {
  /** The text the page shows, one line per text operation. */
  text: string
  /** What each QR code drawn on the page holds (null for an image that is not a readable code). */
  qrCodes: Array<string | null>
}

/** The dictionary that starts at `from` ("<<"), nested ones included. */
function dictAt (s: string, from: number): string {
  let depth = 0
  for (let i = from; i < s.length - 1; i++) {
    if (s.startsWith('<<', i)) {
      depth++
      i++
    } else if (s.startsWith('>>', i)) {
      depth--
      i++
      if (depth === 0) return s.slice(from, i + 1)
    }
  }
  throw new Error('unterminated dictionary')
}

function readObjects (pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1')
  const objects = new Map<number, PdfObject>()
  for (const m of s.matchAll(/(\d+) 0 obj\s*/g)) {
    const start = m.index + m[0].length
    if (!s.startsWith('<<', start)) {
      objects.set(Number(m[1]), { dict: s.slice(start, s.indexOf('endobj', start)).trim(), stream: null })
      continue
    }
    const dict = dictAt(s, start)
    const after = s.slice(start + dict.length, start + dict.length + 12)
    const streamAt = /^\s*stream\r?\n/.exec(after)
    let stream: Buffer | null = null
    if (streamAt !== null) {
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1])
      const from = start + dict.length + streamAt[0].length
      const raw = pdf.subarray(from, from + length)
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw
    }
    objects.set(Number(m[1]), { dict, stream })
  }
  return objects
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict)
  return m === null ? null : Number(m[1])
}

function textOf (content: string): string {
  const lines: string[] = []
  for (const m of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[\s\d.-])*)\]\s*TJ/g)) {
    const hex = [...m[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1'))
    lines.push(hex.join(''))
  }
  return lines.join('\n')
}

/** An RGB image with its grey soft mask, as RGBA over white. */
function rgbaOf (objects: Map<number, PdfObject>, image: PdfObject) {
  const width = Number(/\/Width (\d+)/.exec(image.dict)?.[1])
  const height = Number(/\/Height (\d+)/.exec(image.dict)?.[1])
  const rgb = /\/DeviceGray/.test(image.dict) ? 1 : 3
  const maskId = ref(image.dict, 'SMask')
  const mask = maskId === null ? null : objects.get(maskId)?.stream ?? null
  const pixels = image.stream!
  const out = new Uint8ClampedArray(width * height * 4)
  for (let i = 0; i < width * height; i++) {
    const alpha = mask === null ? 255 : mask[i]!
    for (let c = 0; c < 3; c++) {
      const v = pixels[i * rgb + (rgb === 1 ? 0 : c)]!
      out[i * 4 + c] = Math.round((v * alpha + 255 * (255 - alpha)) / 255)
    }
    out[i * 4 + 3] = 255
  }
  return { width, height, out }
}

export function readPdf (pdf: Buffer): PdfPage[] {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF')
  const objects = readObjects(pdf)
  const root = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict))
  if (root === undefined) throw new Error('no page tree')
  const kids = [.../\/Kids \[([^\]]*)\]/.exec(root.dict)![1]!.matchAll(/(\d+) 0 R/g)].map((k) => Number(k[1]))
  return kids.map((id) => {
    const page = objects.get(id)!
    const content = objects.get(ref(page.dict, 'Contents')!)!.stream!.toString('latin1')
    const resources = objects.get(ref(page.dict, 'Resources')!)!.dict
    const xobjects = /\/XObject <<([^>]*)>>/.exec(resources)?.[1] ?? ''
    const drawn = [...content.matchAll(/\/(\w+) Do/g)].map((d) => d[1]!)
    const qrCodes = drawn.map((name) => {
      const image = objects.get(ref(xobjects, name)!)!
      const { width, height, out } = rgbaOf(objects, image)
      return jsQR(out, width, height)?.data ?? null
    })
    return { text: textOf(content), qrCodes }
  })
}
