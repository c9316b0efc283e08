// Feedback instrument version 1 in the council's own wording (src/domain/README.md: the feedback instrument).
// The outcome items follow ASCOT's structure (four levels, "now" and "without this support") but not its
// licensed wording: a council holding a licence may publish ASCOT's text as another instrument version.
import type { AnswerScale, AskedWhen, Instrument, InstrumentItem, Wording } from './instrument.js'

const w = (plain: string, easyRead: string): Wording => ({ plain, easyRead })

const scale = (code: string, answers: Array<[string, number | null, Wording]>): AnswerScale => ({
  code,
  answers: answers.map(([value, score, wording]) => ({ value, score, wording }))
})

const SCALES: AnswerScale[] = [
  scale('OCCUPATION', [
    [
      'as_i_want',
      3,
      w('Doing things I value and enjoy, as much as I want', 'I do the things I like as much as I want')
    ],
    ['enough', 2, w('Doing enough of the things I value and enjoy', 'I do enough things I like')],
    [
      'some_not_enough',
      1,
      w('Doing some things I value and enjoy, but not enough', 'I do some things I like, but not enough')
    ],
    ['nothing', 0, w('Doing nothing I value or enjoy', 'I do nothing I like')]
  ]),
  scale('CONTROL', [
    ['as_much_as_i_want', 3, w('As much control over my daily life as I want', 'I choose as much as I want')],
    ['adequate', 2, w('Enough control over my daily life', 'I choose enough things')],
    [
      'some_not_enough',
      1,
      w('Some control over my daily life, but not enough', 'I choose some things, but not enough')
    ],
    ['none', 0, w('No control over my daily life', 'Other people choose everything for me')]
  ]),
  scale('SAFETY', [
    ['as_safe_as_i_want', 3, w('As safe as I want', 'I feel very safe')],
    ['adequately', 2, w('Safe enough', 'I feel safe enough')],
    ['less_than_i_want', 1, w('Less safe than I want', 'I do not always feel safe')],
    ['not_at_all', 0, w('Not safe at all', 'I do not feel safe')]
  ]),
  scale('DIGNITY', [
    ['better_about_myself', 3, w('Better about myself', 'Good about me')],
    ['no_different', 2, w('No different about myself', 'The same as before')],
    ['sometimes_worse', 1, w('Sometimes worse about myself', 'Sometimes bad about me')],
    ['much_worse', 0, w('Much worse about myself', 'Very bad about me')]
  ]),
  scale('ALWAYS_RARELY', [
    ['always', 3, w('Always', 'Always')],
    ['usually', 2, w('Usually', 'Most of the time')],
    ['sometimes', 1, w('Sometimes', 'Sometimes')],
    ['rarely', 0, w('Rarely', 'Not often')]
  ]),
  scale('ALWAYS_NEVER', [
    ['always', 3, w('Always', 'Always')],
    ['usually', 2, w('Usually', 'Most of the time')],
    ['sometimes', 1, w('Sometimes', 'Sometimes')],
    ['never', 0, w('Never', 'Never')]
  ]),
  scale('RECOMMEND', [
    ['definitely', 3, w('Definitely', 'Yes, for sure')],
    ['probably', 2, w('Probably', 'Maybe yes')],
    ['not_sure', 1, w('Not sure', 'I do not know')],
    ['no', 0, w('No', 'No')]
  ]),
  scale('YES_NO', [
    ['yes', null, w('Yes', 'Yes')],
    ['no', null, w('No', 'No')]
  ])
]

const asked = (
  code: string,
  scaleCode: string,
  scored: boolean,
  wording: Wording,
  askedWhen: AskedWhen | null = null
): InstrumentItem => ({ kind: 'scale', code, scale: scaleCode, scored, wording, askedWhen })

const ITEMS: InstrumentItem[] = [
  asked(
    'OCC_NOW',
    'OCCUPATION',
    true,
    w('Thinking about how you spend your time, which is closest to your life now?', 'Do you do things you like?')
  ),
  asked(
    'OCC_AFFECT',
    'YES_NO',
    false,
    w(
      'Does the support from this provider make a difference to how you spend your time?',
      'Does their help change what you do with your time?'
    )
  ),
  asked(
    'OCC_WITHOUT',
    'OCCUPATION',
    false,
    w(
      'If you did not have support from this provider, how would you spend your time?',
      'If they did not help you, would you do things you like?'
    ),
    { item: 'OCC_AFFECT', answer: 'yes', otherwiseSameAs: 'OCC_NOW' }
  ),
  asked(
    'CTL_NOW',
    'CONTROL',
    true,
    w('How much control do you have over your daily life?', 'Do you choose what you do each day?')
  ),
  asked(
    'CTL_AFFECT',
    'YES_NO',
    false,
    w(
      'Does the support from this provider make a difference to how much control you have?',
      'Does their help change how much you choose?'
    )
  ),
  asked(
    'CTL_WITHOUT',
    'CONTROL',
    false,
    w(
      'If you did not have support from this provider, how much control would you have over your daily life?',
      'If they did not help you, would you choose what you do each day?'
    ),
    { item: 'CTL_AFFECT', answer: 'yes', otherwiseSameAs: 'CTL_NOW' }
  ),
  asked(
    'SAFE',
    'SAFETY',
    true,
    w('How safe do you feel when this provider supports you?', 'Do you feel safe when they help you?')
  ),
  asked(
    'DIGNITY',
    'DIGNITY',
    true,
    w('How does the way you are helped make you feel about yourself?', 'How does their help make you feel about you?')
  ),
  asked(
    'RELIABLE',
    'ALWAYS_RARELY',
    true,
    w('Do they come when agreed and do what was agreed?', 'Do they come when they say? Do they do what they say?')
  ),
  asked(
    'CHOICE',
    'ALWAYS_NEVER',
    true,
    w('Do you have a say in how your support is given?', 'Do you choose how they help you?')
  ),
  asked(
    'CONTINUITY_STAFF',
    'ALWAYS_RARELY',
    true,
    w('Do you see the same people?', 'Do the same people come to help you?')
  ),
  asked(
    'RECOMMEND',
    'RECOMMEND',
    true,
    w('Would you recommend this provider to someone who needs similar support?', 'Would you tell a friend to use them?')
  ),
  {
    kind: 'text',
    code: 'COMMENT',
    wording: w(
      'Is there anything else you would like to tell us about this provider?',
      'Is there anything else you want to tell us?'
    ),
    maxLength: 2000,
    moderated: true
  }
]

export const DEFAULT_INSTRUMENT: Instrument = {
  version: 1,
  title: 'Your views on your care and support',
  scales: SCALES,
  items: ITEMS,
  gainPairs: [
    { now: 'OCC_NOW', without: 'OCC_WITHOUT' },
    { now: 'CTL_NOW', without: 'CTL_WITHOUT' }
  ],
  minAnsweredScoredItems: 5,
  respondentTypes: ['person', 'carer', 'proxy'],
  modes: ['self', 'interview', 'assisted', 'easy_read']
}
