// A real OpenID provider for tests (the oidc-provider package) on a free port, with its development login and
// consent pages: any login name signs in, and the name is also the account's email claim.
import type { AddressInfo } from 'node:net'
import { createServer, type Server } from 'node:http'
import Provider from 'oidc-provider'
import type { Page } from 'playwright-core'
import type { TestApp } from './app.js'

export interface TestOidcProvider {
  issuer: string
  clientId: string
  clientSecret: string
  close: () => Promise<void>
}

export async function startOidcProvider (redirectUri: string): Promise<TestOidcProvider> {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const client = { client_id: 'quality-mark', client_secret: 'a-test-client-secret-of-enough-length' }
  const provider = new Provider(issuer, {
    clients: [
      { ...client, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }
    ],
    claims: { openid: ['sub'], email: ['email'] },
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, email: sub })
    })
  })
  server.on('request', provider.callback())
  return {
    issuer,
    clientId: client.client_id,
    clientSecret: client.client_secret,
    close: async () => await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

/** Makes the provider the council's staff single sign-on (as an admin would, through the API). */
export async function useForCouncilSso (h: TestApp, councilId: string, idp: TestOidcProvider) {
  return await h.app.inject({
    method: 'PUT',
    url: `/api/v1/councils/${councilId}/sso`,
    headers: h.auth(h.admin.token),
    payload: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret }
  })
}

/**
 * From the service's sign-in page, follows the council's single sign-on link, logs in at the provider as `login`
 * and passes its development consent page when it asks; leaves the page wherever the callback sent it.
 */
export async function signInWithSso (page: Page, base: string, idp: TestOidcProvider, link: string, login: string) {
  await page.goto(`${base}/sign-in`)
  await page.getByRole('link', { name: link }).click()
  await page.waitForURL(`${idp.issuer}/**`)
  await page.fill('input[name="login"]', login)
  await page.fill('input[name="password"]', 'anything')
  await page.click('button[type="submit"]')
  await page.waitForLoadState()
  if (page.url().startsWith(idp.issuer)) await page.locator('button[type="submit"]').first().click()
}
