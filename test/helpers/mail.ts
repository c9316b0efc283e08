// A real SMTP server for tests (smtp-server) on a free port; every message is parsed back with mailparser.
// `refuse` makes the server answer RCPT TO for an address with a given SMTP code (e.g. 550 permanent, 451 transient).
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface TestSmtp {
  url: string
  messages: ParsedMail[]
  refuse: Map<string, number>
  /** resolves once `n` messages have arrived */
  waitFor: (n: number) => Promise<ParsedMail[]>
  /** resolves with the first message to `address` (with a subject matching `subject`) arriving after the call */
  nextTo: (address: string, subject?: RegExp) => Promise<ParsedMail>
  close: () => Promise<void>
}

export async function startSmtp (): Promise<TestSmtp> {
  const messages: ParsedMail[] = []
  const refuse = new Map<string, number>()
  const waiters: Array<{ n: number; resolve: (m: ParsedMail[]) => void }> = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo (address, _session, callback) {
      const code = refuse.get(address.address)
      if (code === undefined) return callback()
      callback(Object.assign(new Error(`refused for the test (${code})`), { responseCode: code }))
    },
    onData (stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail)
          for (const w of waiters.filter((x) => messages.length >= x.n)) w.resolve(messages)
          callback()
        })
        .catch(callback)
    }
  })
  const waitFor = async (n: number): Promise<ParsedMail[]> =>
    messages.length >= n ? messages : await new Promise((resolve) => waiters.push({ n, resolve }))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuse,
    waitFor,
    nextTo: async (address, subject = /./) => {
      const from = messages.length
      for (let n = from + 1; ; n++) {
        const mail = (await waitFor(n))[n - 1]
        const to = JSON.stringify(mail?.to ?? '')
        if (mail !== undefined && to.includes(address) && subject.test(mail.subject ?? '')) return mail
      }
    },
    close: async () => await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
