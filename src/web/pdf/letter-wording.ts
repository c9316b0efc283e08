// The words of the printed feedback letter, plain and easy read, in one place (README: Feedback letters and
// interviews). Easy read: short sentences, one idea a line, larger print; both say the answers are anonymous, the
// link works once and until when, and what to do about a worry for someone's safety.
import type { RespondentType } from '../../domain/scheme/index.js'

export const LETTER_WORDINGS = ['plain', 'easy_read'] as const
export type LetterWording = (typeof LETTER_WORDINGS)[number]

/** The invitation's mode: an easy-read letter opens the easy-read form. */
export const MODE_OF_WORDING = { plain: 'self', easy_read: 'easy_read' } as const satisfies Record<
LetterWording,
'self' | 'easy_read'
>

export const WORDING_NAMES: Record<LetterWording, { name: string; hint: string }> = {
  plain: { name: 'Plain English', hint: 'For most people.' },
  easy_read: { name: 'Easy read', hint: 'Short sentences and larger print, for people who find reading hard.' }
}

export interface LetterFacts {
  councilName: string
  providerName: string
  respondentType: RespondentType
  /** e.g. "1 April 2026" */
  expiresOn: string
}

export interface LetterText {
  heading: string
  /** Before the QR code and the link. */
  opening: string[]
  /** Just above the link written out. */
  howToAnswer: string
  /** After the link. */
  closing: string[]
  headingSize: number
  bodySize: number
}

const whose = (t: RespondentType, provider: string): string =>
  t === 'carer'
    ? `the support ${provider} gives the person you care for`
    : t === 'proxy'
      ? `the support ${provider} gives the person you are answering for`
      : `the support you get from ${provider}`

function plain (f: LetterFacts): LetterText {
  return {
    heading: `Tell us what you think of ${f.providerName}`,
    opening: [
      `${f.councilName} runs a Quality Mark for local care and support services. We would like to know what you ` +
        `think of ${whose(f.respondentType, f.providerName)}. It takes about 5 minutes.`,
      'Your answers are anonymous. We do not ask for your name. The provider only sees totals from 3 or more ' +
        'people, never your own answers.'
    ],
    howToAnswer: 'Scan the QR code with your phone’s camera, or type this web address into a browser:',
    closing: [
      `This link is for one person and works once. It stops working on ${f.expiresOn}.`,
      'You can ask someone you trust to help you answer. If you would rather answer by talking to someone, ' +
        `contact ${f.councilName} and ask for the Quality Mark co-ordinator.`,
      `If you are worried about your safety or someone else’s, contact ${f.councilName}. ` +
        'If someone is in danger now, call 999.'
    ],
    headingSize: 20,
    bodySize: 12
  }
}

function easyRead (f: LetterFacts): LetterText {
  return {
    heading: 'Tell us about your support',
    opening: [
      `This letter is from ${f.councilName}.`,
      `We want to know what you think about ${f.providerName}.`,
      'We will not ask your name.'
    ],
    howToAnswer: 'Use your phone camera on the square. Or type this into a computer:',
    closing: [
      `You can use it once. It stops working on ${f.expiresOn}.`,
      'You can ask someone to help you.',
      'Are you worried about someone being hurt? Tell the council. If someone is in danger now, call 999.'
    ],
    headingSize: 26,
    bodySize: 17
  }
}

export const letterText = (wording: LetterWording, facts: LetterFacts): LetterText =>
  wording === 'easy_read' ? easyRead(facts) : plain(facts)
