// A real OpenID provider for tests (the oidc-provider package) on a free port, with its development login and
// consent pages: any login name signs in, and the name is also the account's email claim.
import type { AddressInfo } from 'node:net'
import { createServer, type Server } from 'node:http'
import Provider from 'oidc-provider'

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
