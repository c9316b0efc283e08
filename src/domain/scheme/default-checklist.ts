// Default scheme version 1: the checklist exactly as src/domain/README.md ("The default scheme") lists it.
import type { EvidenceKind, ExpiryWaiver, OfferingFlag, Tier } from './enums.js'
import type { Category, ChecklistItem } from './scheme-document.js'

export const DEFAULT_CATEGORIES: Category[] = [
  { code: 'eligibility', title: 'Eligibility & legal' },
  { code: 'insurance', title: 'Insurance' },
  { code: 'safe_recruitment', title: 'Safe recruitment' },
  { code: 'safeguarding', title: 'Safeguarding' },
  { code: 'policies', title: 'Policies & practice' },
  { code: 'continuity', title: 'Continuity' },
  { code: 'training', title: 'Training' },
  { code: 'person_centred', title: 'Person-centred practice' },
  { code: 'quality', title: 'Quality & improvement' }
]

interface ItemOptions {
  when?: OfferingFlag
  validityMonths?: number
  limiter?: boolean
  waivedBy?: ExpiryWaiver
  kinds: EvidenceKind[]
}

const item = (
  category: string,
  code: string,
  tier: Tier,
  title: string,
  guidance: string,
  o: ItemOptions
): ChecklistItem => ({
  code,
  category,
  title,
  guidance,
  tier,
  appliesWhen: { allOf: o.when === undefined ? [] : [o.when], anyOf: [] },
  weight: 1,
  validityMonths: o.validityMonths ?? null,
  expiryWaivedBy: o.waivedBy ?? null,
  limiter: o.limiter ?? false,
  evidenceKinds: o.kinds
})

const DOC: EvidenceKind[] = ['document']

export const DEFAULT_CHECKLIST: ChecklistItem[] = [
  item(
    'eligibility',
    'SIZE_DECL',
    'B',
    'Size and independence declaration',
    'Declare how many full-time-equivalent staff you have and that you are independent of a larger provider.',
    { kinds: ['declaration'] }
  ),
  item(
    'eligibility',
    'TRADING',
    'B',
    'Trading status proof',
    'Show how you trade: for example your Companies House or Charity Commission number, or HMRC self-employment ' +
      'registration.',
    { kinds: ['document', 'observation'] }
  ),
  item(
    'eligibility',
    'CQC_REG',
    'B',
    'Registration with the Care Quality Commission',
    'If you give personal care you must be registered with the CQC. Tell us your CQC location ID; we check the ' +
      'register.',
    { when: 'personalCare', limiter: true, kinds: ['document', 'observation'] }
  ),
  item(
    'eligibility',
    'ICO_FEE',
    'S',
    'Data protection fee registration',
    "Give your registration number with the Information Commissioner's Office.",
    { kinds: ['document', 'observation'] }
  ),
  item(
    'eligibility',
    'CCJ_DECL',
    'B',
    'No county court judgements declaration',
    'Declare that you have no unpaid county court judgements.',
    { kinds: ['declaration'] }
  ),

  item(
    'insurance',
    'INS_PL',
    'B',
    'Public liability insurance of at least £5m',
    'Upload your current certificate; we record its expiry date and remind you before it runs out.',
    { validityMonths: 12, limiter: true, kinds: DOC }
  ),
  item(
    'insurance',
    'INS_EL',
    'B',
    "Employers' liability insurance",
    'If you employ anyone, upload your current certificate.',
    { when: 'employsStaff', validityMonths: 12, limiter: true, kinds: DOC }
  ),
  item(
    'insurance',
    'INS_PI',
    'S',
    'Professional indemnity insurance',
    'Upload your current certificate or the page of your policy that shows professional indemnity cover.',
    { validityMonths: 12, kinds: DOC }
  ),
  item(
    'insurance',
    'INS_MOTOR',
    'B',
    'Business motor cover',
    'If you drive people, your motor insurance must cover business use. Upload the certificate.',
    { when: 'transport', validityMonths: 12, kinds: DOC }
  ),

  item(
    'safe_recruitment',
    'DBS_ENH',
    'B',
    'Enhanced DBS check with adult barred list',
    'For the owner and every worker who supports people one to one. Checks are valid for 3 years, or for as long ' +
      'as the person is on the DBS update service.',
    // src/domain/README.md: expires after 3 years unless on the update service.
    { validityMonths: 36, waivedBy: 'dbs_update_service', limiter: true, kinds: ['document', 'observation'] }
  ),
  item(
    'safe_recruitment',
    'REFS',
    'S',
    'References and right to work',
    'For each worker: two references and a right to work check. A list with dates is enough; we may ask to see one.',
    { when: 'employsStaff', kinds: ['document', 'declaration'] }
  ),

  item(
    'safeguarding',
    'SG_POLICY',
    'B',
    'Safeguarding adults policy',
    "A short policy that says how you recognise abuse and how you report it to the council's adult safeguarding team.",
    { kinds: DOC }
  ),
  item(
    'safeguarding',
    'SG_TRAIN',
    'B',
    'Safeguarding training in date',
    'A certificate or record of safeguarding adults training for you and each worker.',
    { validityMonths: 36, kinds: ['document', 'observation'] }
  ),
  item(
    'safeguarding',
    'WHISTLE',
    'S',
    'Whistleblowing',
    'How workers can raise concerns about practice, inside and outside your business.',
    { when: 'employsStaff', kinds: ['document', 'declaration'] }
  ),
  item(
    'safeguarding',
    'MCA',
    'S',
    'Mental Capacity Act awareness',
    'Show how you support people to make their own decisions: a training record or a short account of what you do.',
    { kinds: ['document', 'narrative', 'observation'] }
  ),

  item(
    'policies',
    'COMPLAINTS',
    'B',
    'Complaints procedure given to customers',
    'How people can complain to you and to the council, and how you give this to them (a leaflet or a page in your ' +
      'agreement).',
    { kinds: ['document', 'photos'] }
  ),
  item(
    'policies',
    'DATA_PROT',
    'B',
    'Data protection and records',
    "How you keep people's records safe and private, and for how long.",
    { kinds: ['document', 'declaration'] }
  ),
  item(
    'policies',
    'HS_RISK',
    'B',
    'Health and safety policy and general risk assessment',
    'Your health and safety statement and a general risk assessment of your work.',
    { kinds: DOC }
  ),
  item(
    'policies',
    'IND_RISK',
    'S',
    'Individual risk assessments',
    'An anonymised example of a risk assessment for one person you support.',
    { kinds: DOC }
  ),
  item(
    'policies',
    'LONE_WORK',
    'S',
    'Lone working',
    'How you or your workers stay safe when working alone, and who knows where you are.',
    { when: 'loneWorking', kinds: ['document', 'narrative'] }
  ),
  item(
    'policies',
    'IPC',
    'B',
    'Infection prevention and control',
    'How you prevent infection when giving personal care: hand hygiene, protective equipment, waste.',
    { when: 'personalCare', kinds: ['document', 'narrative'] }
  ),
  item(
    'policies',
    'MEDS',
    'B',
    'Medication policy and training',
    'If you help with medicines: your policy and a record of medication training.',
    { when: 'medication', limiter: true, kinds: DOC }
  ),
  item(
    'policies',
    'FOOD_HYG',
    'B',
    'Food hygiene level 2',
    'If you prepare food: a level 2 food hygiene certificate for each person who does.',
    { when: 'foodPreparation', validityMonths: 36, kinds: DOC }
  ),
  item(
    'policies',
    'MONEY',
    'S',
    'Gifts and money handling',
    "If you handle people's money: how you record it and your rule on gifts.",
    { when: 'handlesMoney', kinds: ['document', 'narrative'] }
  ),
  item(
    'policies',
    'INCIDENTS',
    'S',
    'Accident and incident log',
    'A log (paper or digital) of accidents and incidents; a photo of a blank page is enough if nothing has happened.',
    { kinds: ['document', 'photos'] }
  ),
  item(
    'policies',
    'EQUALITY',
    'S',
    'Equality and diversity',
    'How you make sure everyone is treated fairly and their culture and beliefs respected.',
    { kinds: ['document', 'narrative'] }
  ),

  item(
    'continuity',
    'CONTINUITY',
    'S',
    'Cover plan for illness and holidays',
    'What happens when you are ill or on holiday, and how people are told.',
    { kinds: ['document', 'narrative'] }
  ),
  item('continuity', 'EMERGENCY', 'S', 'Emergency contacts', "How you keep and use each person's emergency contacts.", {
    kinds: ['document', 'declaration']
  }),

  item('training', 'FIRST_AID', 'S', 'First aid', 'A first aid certificate for you and each worker.', {
    validityMonths: 36,
    kinds: DOC
  }),
  item(
    'training',
    'MOVING',
    'B',
    'Moving and handling',
    'If you give personal care: moving and handling training, refreshed every year.',
    { when: 'personalCare', validityMonths: 12, kinds: DOC }
  ),
  item(
    'training',
    'CARE_CERT',
    'S',
    'Care certificate standards',
    'If you give personal care: evidence that you and your workers meet the care certificate standards.',
    { when: 'personalCare', kinds: ['document', 'observation'] }
  ),
  item(
    'training',
    'CPD',
    'G',
    'Refresher training in the last 12 months',
    'Any refresher training or learning you or your workers did in the last 12 months.',
    { kinds: ['document', 'narrative'] }
  ),

  item(
    'person_centred',
    'AGREEMENT',
    'S',
    'Written agreement',
    'Your written agreement with people, showing prices, hours and cancellation terms.',
    { kinds: DOC }
  ),
  item(
    'person_centred',
    'SUPPORT_PLAN',
    'S',
    'Person-centred support plan',
    'An anonymised support plan that shows what matters to the person and how they want to be supported.',
    { kinds: DOC }
  ),
  item(
    'person_centred',
    'REVIEWS',
    'G',
    'Support reviewed at least yearly',
    "Show that each person's support is reviewed with them at least once a year.",
    { kinds: ['document', 'declaration', 'observation'] }
  ),

  item(
    'quality',
    'COMPLAINT_LOG',
    'S',
    'Complaints log with what changed',
    'Your log of complaints and compliments, and what you changed as a result.',
    { kinds: ['document', 'narrative'] }
  ),
  item(
    'quality',
    'OWN_FEEDBACK',
    'S',
    'Your own feedback mechanism',
    'How you ask people what they think of your support: a form, a chat, a card.',
    { kinds: ['document', 'narrative', 'photos'] }
  ),
  item(
    'quality',
    'STORY',
    'G',
    'Outcomes, innovation or co-production story',
    'A 300-word story, a short video or photos about the difference you make, something new you tried, or work you ' +
      'designed with people.',
    { kinds: ['narrative', 'photos'] }
  ),
  item(
    'quality',
    'PEER_NETWORK',
    'G',
    'Takes part in a peer network or training',
    'Tell us which peer network, forum or shared training you take part in.',
    { kinds: ['document', 'declaration', 'narrative'] }
  )
]
