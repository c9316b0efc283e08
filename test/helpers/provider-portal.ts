// Driving the provider's portal in tests: a signed-in provider's browser client, multipart forms with fields and
// files (as a browser sends them without JavaScript), and reading a task's status off the task list.
import { deflateSync } from 'node:zlib'
import type { TestApp } from './app.js'
import { browserClient, csrfOf, setEmail, signInByEmail, type BrowserClient } from './sign-in.js'

/** A real 1×1 PNG: signature, IHDR, one IDAT row, IEND, with their CRCs. */
export function tinyPng (): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer) => {
    let c = 0xffffffff
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0))
  ])
}

export interface FormFile { field?: string; name: string; type: string; content: Buffer }

/** multipart/form-data with text fields first (as the form's order puts the CSRF token) and then the files. */
export function multipartForm (fields: Record<string, string>, files: FormFile[]) {
  const boundary = `----qmform${Math.random().toString(16).slice(2)}`
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  }
  for (const f of files) {
    parts.push(Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'files'}"; filename="${f.name}"\r\n` +
        `Content-Type: ${f.type}\r\n\r\n`
    ), f.content, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

/** A provider's person signed in through the email link, as a browser. */
export async function signedInProvider (h: TestApp, p: { userId: string }, email: string): Promise<BrowserClient> {
  await setEmail(h, p.userId, email)
  const b = browserClient(h)
  await signInByEmail(h, b, email)
  return b
}

/** Posts a multipart form as the signed-in browser, with the CSRF token of the page it came from. */
export async function postMultipart (
  h: TestApp,
  b: BrowserClient,
  url: string,
  page: string,
  fields: Record<string, string>,
  files: FormFile[]
) {
  const form = multipartForm({ _csrf: csrfOf(page), ...fields }, files)
  return await h.app.inject({
    method: 'POST',
    url,
    headers: { ...b.jar.header(), 'content-type': form.contentType },
    payload: form.payload
  })
}

const taskItem = (html: string, title: string): string | undefined => {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const m = new RegExp(`>\\s*${escaped}\\s*<`).exec(html)
  if (m === null) return undefined
  return html.slice(m.index, html.indexOf('</li>', m.index))
}

/** The status shown on the task list for the task titled `title`. */
export function taskStatusOf (html: string, title: string): string | undefined {
  const item = taskItem(html, title)
  return item === undefined
    ? undefined
    : /govuk-task-list__status[^>]*>\s*(?:<strong[^>]*>)?\s*([^<]+?)\s*</.exec(item)?.[1]
}

/** The hint shown under a task. */
export function taskHintOf (html: string, title: string): string | undefined {
  const item = taskItem(html, title)
  return item === undefined ? undefined : /govuk-task-list__hint[^>]*>\s*([^<]+?)\s*</.exec(item)?.[1]
}
