// What each notification says: plain English for everyone, and an easy-read version (short sentences, one idea a
// line) for people who asked for it. Pure: the delivery step passes in the facts and the links.
import { calendarDay, longDate as dateInWords } from '../date-words.js'

export const messageKinds = [
  'sign_in_link',
  'provider_invited',
  'staff_invited',
  'information_requested',
  'evidence_expiring',
  'decision_proposed',
  'award_published',
  'award_suspended',
  'award_reinstated',
  'award_revoked',
  'award_expired',
  'renewal_due',
  'appeal_acknowledged',
  'appeal_decided',
  'concern_received',
  'interest_received',
  'interest_declined'
] as const
export type MessageKind = (typeof messageKinds)[number]
export type MessageStyle = 'plain' | 'easy_read'

/** The facts a message may use; each kind reads the ones it needs. */
export interface MessageFacts {
  councilName: string
  /** the provider the message is about, when there is one */
  providerName?: string | undefined
  /** where to act: a sign-in link, or the page in the service */
  link: string
  /** minutes a sign-in link lasts */
  validMinutes?: number | undefined
  level?: string | undefined
  /** ISO dates */
  date?: string | undefined
  daysLeft?: number | undefined
  /** checklist items named, e.g. "Public liability insurance (INS_PL)" */
  items?: string[] | undefined
  note?: string | undefined
  outcome?: string | undefined
  urgent?: boolean | undefined
}

export interface ComposedMessage {
  subject: string
  body: string
}

/** "2026-03-02" → "2 March 2026" (src/domain/date-words.ts); "soon" when a message has no date to give. */
export function longDate (iso: string | undefined): string {
  return iso !== undefined && calendarDay(iso) !== null ? dateInWords(iso) : 'soon'
}

const levelWord = (level: string | undefined) => (level === undefined ? 'Quality Mark' : `${level} Quality Mark`)
const list = (items: string[] | undefined) => (items ?? []).map((i) => `* ${i}`).join('\n')
const about = (f: MessageFacts) => (f.providerName === undefined ? '' : ` for ${f.providerName}`)

type Composer = (f: MessageFacts) => { subject: string; plain: string[]; easy: string[] }

const composers: Record<MessageKind, Composer> = {
  sign_in_link: (f) => ({
    subject: `Sign in to the ${f.councilName} Quality Mark`,
    plain: [
      'Use this link to sign in:',
      f.link,
      `The link works once and stops working after ${f.validMinutes ?? 15} minutes.`,
      'If you did not ask to sign in, you can ignore this email. Nobody can sign in without the link.'
    ],
    easy: [
      'Click this link to sign in:',
      f.link,
      'You can use the link one time.',
      `It stops working after ${f.validMinutes ?? 15} minutes.`,
      'Did you not ask for this? Then do nothing.'
    ]
  }),
  provider_invited: (f) => ({
    subject: `You have been invited to the ${f.councilName} Quality Mark`,
    plain: [
      `${f.councilName} has invited you to apply for its Quality Mark${about(f)}.`,
      'The Quality Mark shows people that a small care service has been checked and that the people it supports ' +
        'are happy with it.',
      'Sign in to start:',
      f.link
    ],
    easy: [
      `${f.councilName} wants you to join the Quality Mark${about(f)}.`,
      'The Quality Mark tells people your service is good.',
      'Click this link to start:',
      f.link
    ]
  }),
  staff_invited: (f) => ({
    subject: `You have been added to the ${f.councilName} Quality Mark`,
    plain: [
      `${f.councilName} has added you to the staff who run its Quality Mark.`,
      'Sign in with this email address to start:',
      f.link
    ],
    easy: [
      `${f.councilName} has added you to the Quality Mark team.`,
      'Click this link to start:',
      f.link
    ]
  }),
  information_requested: (f) => ({
    subject: 'We need more information for your Quality Mark',
    plain: [
      `Your co-ordinator at ${f.councilName} has asked for more information${about(f)}.`,
      ...(f.note === undefined ? [] : ['They said:', f.note]),
      'Sign in to answer:',
      f.link
    ],
    easy: [
      'We need some more information from you.',
      ...(f.note === undefined ? [] : ['Your co-ordinator said:', f.note]),
      'Click this link to answer:',
      f.link
    ]
  }),
  evidence_expiring: (f) => ({
    subject: `Evidence for your Quality Mark runs out on ${longDate(f.date)}`,
    plain: [
      `This evidence${about(f)} runs out on ${longDate(f.date)} (in ${f.daysLeft ?? 0} days):`,
      list(f.items),
      'Send the new document before then so your Quality Mark stays in place.',
      f.link
    ],
    easy: [
      `Some of your papers run out on ${longDate(f.date)}.`,
      list(f.items),
      'Please send new papers before then.',
      'If you do not, you could lose your Quality Mark.',
      f.link
    ]
  }),
  decision_proposed: (f) => ({
    subject: `Your proposed Quality Mark: ${levelWord(f.level)}`,
    plain: [
      `${f.councilName} proposes a ${levelWord(f.level)}${about(f)}.`,
      `You can read the reasons and tell us about anything that is factually wrong until ${longDate(f.date)}.`,
      'After that date the decision is published.',
      f.link
    ],
    easy: [
      `We think you should get a ${levelWord(f.level)}.`,
      `Is something wrong? Tell us by ${longDate(f.date)}.`,
      f.link
    ]
  }),
  award_published: (f) => ({
    subject: `You have a ${levelWord(f.level)}`,
    plain: [
      `${f.councilName} has awarded a ${levelWord(f.level)}${about(f)}, valid until ${longDate(f.date)}.`,
      'It now shows in the council’s directory. You can download your certificate and badge:',
      f.link
    ],
    easy: [`Well done. You have a ${levelWord(f.level)}.`, `It lasts until ${longDate(f.date)}.`, f.link]
  }),
  award_suspended: (f) => ({
    subject: 'Your Quality Mark has been suspended',
    plain: [
      `Your ${levelWord(f.level)}${about(f)} has been suspended. The directory shows it as suspended.`,
      ...(f.items === undefined || f.items.length === 0 ? [] : ['What has lapsed:', list(f.items)]),
      'Sign in to see what to do, or contact your co-ordinator.',
      f.link
    ],
    easy: [
      'Your Quality Mark is stopped for now.',
      ...(f.items === undefined || f.items.length === 0 ? [] : ['These papers ran out:', list(f.items)]),
      'Click this link to find out what to do:',
      f.link
    ]
  }),
  award_reinstated: (f) => ({
    subject: 'Your Quality Mark is back in place',
    plain: [`Your ${levelWord(f.level)}${about(f)} is in place again and shows in the directory.`, f.link],
    easy: ['Good news. Your Quality Mark is back.', f.link]
  }),
  award_revoked: (f) => ({
    subject: 'Your Quality Mark has been taken away',
    plain: [
      `${f.councilName} has revoked the ${levelWord(f.level)}${about(f)}.`,
      'You can appeal within 28 days. Sign in to see why and how to appeal:',
      f.link
    ],
    easy: [
      'We have taken away your Quality Mark.',
      'You can ask us to think again. You have 28 days.',
      f.link
    ]
  }),
  award_expired: (f) => ({
    subject: 'Your Quality Mark has ended',
    plain: [
      `The ${levelWord(f.level)}${about(f)} ended on ${longDate(f.date)} and no longer shows in the directory.`,
      'You can apply again at any time:',
      f.link
    ],
    easy: ['Your Quality Mark has ended.', 'You can ask for a new one.', f.link]
  }),
  renewal_due: (f) => ({
    subject: 'It is time to renew your Quality Mark',
    plain: [
      `The ${levelWord(f.level)}${about(f)} ends on ${longDate(f.date)}. Your renewal is open.`,
      'Check your evidence is up to date and send anything new:',
      f.link
    ],
    easy: [`Your Quality Mark ends on ${longDate(f.date)}.`, 'Please renew it now.', f.link]
  }),
  appeal_acknowledged: (f) => ({
    subject: 'We have your appeal',
    plain: [
      `${f.councilName} has received your appeal${about(f)}.`,
      'A reviewer who was not part of the decision will look at it. We will tell you the outcome.',
      f.link
    ],
    easy: ['We got your appeal.', 'A different person will look at it.', 'We will tell you what they decide.']
  }),
  appeal_decided: (f) => ({
    subject: 'The outcome of your appeal',
    plain: [
      `Your appeal${about(f)} has been decided: ${(f.outcome ?? 'decided').replaceAll('_', ' ')}.`,
      'Sign in to read the reasons:',
      f.link
    ],
    easy: [
      `We have looked at your appeal. The answer is: ${(f.outcome ?? 'decided').replaceAll('_', ' ')}.`,
      f.link
    ]
  }),
  concern_received: (f) => ({
    subject: f.urgent === true ? `Urgent: a concern about ${f.providerName ?? 'a provider'}` : 'A new concern',
    plain: [
      `A concern has been raised about ${f.providerName ?? 'a provider'}.`,
      f.urgent === true ? 'It may be about someone’s safety: triage it today.' : 'Triage it when you can.',
      f.link
    ],
    easy: [`Someone is worried about ${f.providerName ?? 'a provider'}.`, f.link]
  }),
  interest_received: (f) => ({
    subject: `We have your request to join the ${f.councilName} Quality Mark`,
    plain: [
      `Thank you for asking to join the Quality Mark${about(f)}.`,
      'A co-ordinator will look at your request and email you, usually within 10 working days.',
      'If we can go ahead, the email will have a link to sign in and start your application.',
      `What the Quality Mark is and what you will need: ${f.link}`
    ],
    easy: [
      'Thank you for asking to join the Quality Mark.',
      'Someone from the council will email you.',
      'This is usually within 2 weeks.',
      `Read about the Quality Mark here: ${f.link}`
    ]
  }),
  interest_declined: (f) => ({
    subject: `Your request to join the ${f.councilName} Quality Mark`,
    plain: [
      `Thank you for asking to join the Quality Mark${about(f)}. We cannot go ahead with it.`,
      ...(f.note === undefined ? [] : ['The co-ordinator said:', f.note]),
      `If anything changes you can ask again at ${f.link}`
    ],
    easy: [
      'Thank you for asking to join the Quality Mark.',
      'We cannot say yes this time.',
      ...(f.note === undefined ? [] : ['This is why:', f.note]),
      `You can ask again here: ${f.link}`
    ]
  })
}

/** The subject and body of a message, in the style the person asked for. */
export function composeMessage (kind: MessageKind, facts: MessageFacts, style: MessageStyle): ComposedMessage {
  const c = composers[kind](facts)
  const lines = style === 'easy_read' ? c.easy : c.plain
  const signOff = `${facts.councilName} Quality Mark`
  return { subject: c.subject, body: [...lines.filter((l) => l !== ''), '', signOff].join('\n\n') }
}

/** A text message: the body without the blank lines an email needs. */
export function asTextMessage (m: ComposedMessage): string {
  return m.body.replace(/\n\n+/g, '\n')
}
