// Signing in through the pages in tests, as a browser would without JavaScript: a cookie jar, the CSRF token read
// from the form, and the email link read back from the demo mailbox (or any list of message bodies).
import { eq } from 'drizzle-orm'
import { users } from '../../src/db/schema/index.js'
import { listDemoMailbox } from '../../src/use-cases/notifications.js'
import type { TestApp } from './app.js'

export class CookieJar {
  readonly cookies = new Map<string, string>()
  take (setCookie: string | string[] | number | undefined): void {
    for (const line of [setCookie ?? []].flat().map(String)) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      const name = pair!.slice(0, eq)
      const value = pair!.slice(eq + 1)
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  header (): { cookie: string } | Record<string, never> {
    if (this.cookies.size === 0) return {}
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
  }
}

/** A browser-like client of the app under test. */
export function browserClient (h: TestApp) {
  const jar = new CookieJar()
  const request = async (method: 'GET' | 'POST', url: string, form?: Record<string, string>) => {
    const res = await h.app.inject({
      method,
      url,
      headers: {
        ...jar.header(),
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36',
        ...(form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' })
      },
      ...(form === undefined ? {} : { payload: new URLSearchParams(form).toString() })
    })
    jar.take(res.headers['set-cookie'])
    return res
  }
  return {
    jar,
    get: async (url: string) => await request('GET', url),
    post: async (url: string, form: Record<string, string> = {}) => await request('POST', url, form)
  }
}
export type BrowserClient = ReturnType<typeof browserClient>

export const csrfOf = (body: string): string => {
  const m = /name="_csrf" value="([^"]+)"/.exec(body)
  if (m === null) throw new Error('no CSRF field on the page')
  return m[1]!
}

export async function setEmail (h: TestApp, userId: string, email: string): Promise<void> {
  await h.db.db.update(users).set({ email }).where(eq(users.id, userId))
}

/** The ids of the sign-in messages the demo mailbox holds for an address. */
export async function mailboxIds (h: TestApp, address: string): Promise<Set<string>> {
  const all = await listDemoMailbox(h.app.deps, 500)
  return new Set(all.filter((m) => m.address === address).map((m) => m.id))
}

/** A sign-in link for the address that was not among `seen` (waits for the background send). */
export async function mailboxLink (h: TestApp, address: string, seen = new Set<string>()): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const fresh = (await listDemoMailbox(h.app.deps, 500)).find(
      (m) => m.address === address && m.kind === 'sign_in_link' && !seen.has(m.id)
    )
    if (fresh !== undefined) return linkIn(fresh.body)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`no new sign-in link for ${address}`)
}

export const linkIn = (body: string): string => {
  const m = /https?:\/\/\S+\/sign-in\/link\/\S+/.exec(body)
  if (m === null) throw new Error('no sign-in link in the message')
  return m[0]
}

/** Asks for a link and follows it to a signed-in session; returns the account page's response. */
export async function signInByEmail (h: TestApp, b: BrowserClient, address: string) {
  const before = await mailboxIds(h, address)
  const page = await b.get('/sign-in')
  await b.post('/sign-in', { email: address, _csrf: csrfOf(page.body) })
  const link = new URL(await mailboxLink(h, address, before))
  const landing = await b.get(link.pathname)
  await b.post('/sign-in/link', { token: link.pathname.split('/').pop()!, _csrf: csrfOf(landing.body) })
  return await b.get('/account')
}
