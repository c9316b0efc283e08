// The demo council loaded by `npm start` on an empty embedded database, so a newcomer has something to see.
import {
  findCouncilBySlug,
  findFirstUserIn,
  hasAnyCouncil,
  insertUser,
  revokeTokensLabelled
} from '../db/stores/councils.js'
import type { ProviderCreate } from './provider-input.js'
import { createCouncil, createUser } from './admin.js'
import type { Ctx, Deps, Principal } from './context.js'
import { createProvider } from './providers.js'
import { issueToken } from './tokens.js'
import { issueSignInLink } from './sign-in-links.js'
import { upsertPostcodeLocations } from '../db/stores/postcodes.js'
import { demoPostcodeLocations } from './demo-postcodes.js'

export const DEMO_SLUG = 'demo'

export interface DemoInfo {
  councilName: string
  councilSlug: string
  coordinatorToken: string | null
  links: string[]
}

/**
 * Further demo content (assessments, feedback, awards), given to seedDemoIfEmpty and run after the providers.
 * It may return lines to print once (a single-use feedback link can only be shown when it is made).
 */
export type DemoStep = (
  deps: Deps,
  ctx: Ctx,
  seed: { councilId: string; providerIds: string[] }
) => Promise<string[] | void>

const none = {
  personalCare: false,
  medication: false,
  foodPreparation: false,
  transport: false,
  loneWorking: false,
  handlesMoney: false,
  employsStaff: false
}

// A dozen providers covering every size band, service type, client group and offering flag.
export const demoProviders: ProviderCreate[] = [
  {
    name: "Ann's Home Help",
    legalForm: 'sole_trader',
    description: 'Help at home for older people in Otley: shopping, cleaning, company.',
    fte: 1,
    activeClients: 6,
    serviceTypes: ['support_in_home'],
    flags: { ...none, loneWorking: true, handlesMoney: true },
    clientGroups: ['older_people'],
    area: 'Otley',
    postcode: 'LS21 3AA',
    hourlyPricePence: 1800,
    cqcLocationId: null,
    charityNumber: null,
    companyNumber: null,
    cqcRating: null,
    contact: { phone: '01943 000001', route: 'Ring Ann and leave a message' }
  },
  {
    name: 'Wharfe Valley Care',
    legalForm: 'company',
    description: 'Personal care at home, mornings and evenings.',
    fte: 4.5,
    activeClients: 14,
    serviceTypes: ['domiciliary_care'],
    flags: { ...none, personalCare: true, medication: true, loneWorking: true, employsStaff: true },
    clientGroups: ['older_people', 'physical_disability'],
    area: 'Ilkley',
    postcode: 'LS29 8AB',
    hourlyPricePence: 2350,
    cqcLocationId: '1-100000001',
    charityNumber: null,
    companyNumber: '09000002',
    cqcRating: 'good',
    contact: { email: 'hello@wharfe-care.example', phone: '01943 000002' }
  },
  {
    name: 'Allotment Days',
    legalForm: 'cic',
    description: 'Gardening and cooking days for adults with learning disabilities.',
    fte: 3,
    activeClients: 10,
    serviceTypes: ['day_activities'],
    flags: { ...none, foodPreparation: true, transport: true, employsStaff: true },
    clientGroups: ['learning_disability', 'autism'],
    area: 'Headingley',
    postcode: 'LS6 3HN',
    hourlyPricePence: 1500,
    cqcLocationId: null,
    charityNumber: null,
    companyNumber: '09000003',
    cqcRating: null,
    contact: { website: 'https://allotment-days.example', route: 'Email or drop in on a Tuesday' }
  },
  {
    name: 'Shared Lives with Maya',
    legalForm: 'sole_trader',
    description: 'A room in a family home with day-to-day support.',
    fte: 1,
    activeClients: 2,
    serviceTypes: ['accommodation'],
    flags: { ...none, personalCare: true, medication: true, foodPreparation: true, handlesMoney: true },
    clientGroups: ['learning_disability'],
    area: 'Armley',
    postcode: 'LS12 1AA',
    hourlyPricePence: 1200,
    cqcLocationId: '1-100000004',
    charityNumber: null,
    companyNumber: null,
    cqcRating: 'outstanding',
    contact: { phone: '0113 000 0004' }
  },
  {
    name: 'Calm Minds Walking Group',
    legalForm: 'charity',
    description: 'Walks and peer support for people living with mental ill health.',
    fte: 2,
    activeClients: 18,
    serviceTypes: ['day_activities'],
    flags: { ...none, loneWorking: true, employsStaff: true },
    clientGroups: ['mental_health'],
    area: 'Roundhay',
    postcode: 'LS8 2HH',
    hourlyPricePence: 900,
    cqcLocationId: null,
    charityNumber: '1190005',
    companyNumber: null,
    cqcRating: null,
    contact: { email: 'walks@calm-minds.example' }
  },
  {
    name: "Carers' Breaks Partnership",
    legalForm: 'partnership',
    description: 'Sitting services so unpaid carers can take a break.',
    fte: 2.5,
    activeClients: 9,
    serviceTypes: ['support_in_home'],
    flags: { ...none, loneWorking: true, employsStaff: true },
    clientGroups: ['carers', 'older_people'],
    area: 'Morley',
    postcode: 'LS27 9AA',
    hourlyPricePence: 1650,
    cqcLocationId: null,
    charityNumber: null,
    companyNumber: null,
    cqcRating: null,
    contact: { phone: '0113 000 0006' }
  },
  {
    name: 'Independent Steps',
    legalForm: 'company',
    description: 'Support for autistic adults to live independently.',
    fte: 5,
    activeClients: 7,
    serviceTypes: ['support_in_home'],
    flags: { ...none, transport: true, handlesMoney: true, employsStaff: true, loneWorking: true },
    clientGroups: ['autism', 'learning_disability'],
    area: 'Pudsey',
    postcode: 'LS28 7AA',
    hourlyPricePence: 2100,
    cqcLocationId: null,
    charityNumber: null,
    companyNumber: '09000007',
    cqcRating: null,
    contact: { email: 'team@independent-steps.example' }
  },
  {
    name: 'Bramley Community Care',
    legalForm: 'company',
    description: 'Home care across west Leeds.',
    fte: 22,
    activeClients: 60,
    serviceTypes: ['domiciliary_care'],
    flags: { ...none, personalCare: true, medication: true, employsStaff: true, loneWorking: true },
    clientGroups: ['older_people', 'physical_disability'],
    area: 'Bramley',
    postcode: 'LS13 2AA',
    hourlyPricePence: 2450,
    cqcLocationId: '1-100000008',
    charityNumber: null,
    companyNumber: '09000008',
    cqcRating: 'requires_improvement',
    contact: { phone: '0113 000 0008' }
  },
  {
    name: 'Moortown Day Centre',
    legalForm: 'charity',
    description: 'A day centre with lunch, activities and transport.',
    fte: 12,
    activeClients: 40,
    serviceTypes: ['day_activities'],
    flags: { ...none, foodPreparation: true, transport: true, employsStaff: true, personalCare: true },
    clientGroups: ['older_people'],
    area: 'Moortown',
    postcode: 'LS17 6AA',
    hourlyPricePence: 1400,
    cqcLocationId: '1-100000009',
    charityNumber: '1190009',
    companyNumber: null,
    cqcRating: 'good',
    contact: { website: 'https://moortown-day.example' }
  },
  {
    name: 'Yorkshire Supported Living',
    legalForm: 'company',
    description: 'Supported living houses across the county.',
    fte: 120,
    activeClients: 150,
    serviceTypes: ['accommodation', 'support_in_home'],
    flags: {
      ...none,
      personalCare: true,
      medication: true,
      foodPreparation: true,
      handlesMoney: true,
      employsStaff: true
    },
    clientGroups: ['learning_disability', 'autism', 'mental_health'],
    area: 'Leeds',
    postcode: 'LS1 4AP',
    hourlyPricePence: 2600,
    cqcLocationId: '1-100000010',
    charityNumber: null,
    companyNumber: '09000010',
    cqcRating: 'good',
    contact: { phone: '0113 000 0010' }
  },
  {
    name: 'Northern Homecare Group',
    legalForm: 'company',
    description: 'A large home care company.',
    fte: 400,
    activeClients: 900,
    serviceTypes: ['domiciliary_care'],
    flags: { ...none, personalCare: true, medication: true, loneWorking: true, employsStaff: true, transport: true },
    clientGroups: ['older_people', 'physical_disability'],
    area: 'Leeds',
    postcode: 'LS11 5AA',
    hourlyPricePence: 2550,
    cqcLocationId: '1-100000011',
    charityNumber: null,
    companyNumber: '09000011',
    cqcRating: 'good',
    contact: { email: 'enquiries@northern-homecare.example' }
  },
  {
    name: "Tom's Trips",
    legalForm: 'sole_trader',
    description: 'Days out and driving to appointments.',
    fte: 0.5,
    activeClients: 5,
    serviceTypes: ['day_activities'],
    flags: { ...none, transport: true, loneWorking: true },
    clientGroups: ['older_people', 'physical_disability', 'carers'],
    area: 'Garforth',
    postcode: 'LS25 1AA',
    hourlyPricePence: 1600,
    cqcLocationId: null,
    charityNumber: null,
    companyNumber: null,
    cqcRating: null,
    contact: { phone: '07700 900012' }
  }
]

/**
 * Loads the demo council once (when no council exists), and on every start issues a fresh demo
 * co-ordinator token — tokens are stored only as hashes, so an old one cannot be shown again.
 */
export async function seedDemoIfEmpty (deps: Deps, demoSteps: readonly DemoStep[] = []): Promise<DemoInfo> {
  const now = deps.clock()
  let council = await findCouncilBySlug(deps.db, DEMO_SLUG)
  if (council === undefined && (await hasAnyCouncil(deps.db))) {
    return {
      councilName: '(demo not loaded: the database has councils)',
      councilSlug: '-',
      coordinatorToken: null,
      links: []
    }
  }
  const shownOnce: string[] = []
  if (council === undefined) {
    // The demo is set up by a real, inactive admin user so every audit event names an actor that exists.
    const setup = await insertUser(deps.db, { role: 'admin', name: 'Demo set-up', active: false })
    const system: Principal = {
      kind: 'user',
      userId: setup.id,
      role: 'admin',
      councilId: null,
      providerId: null,
      tokenId: 'demo'
    }
    const adminCtx: Ctx = { actor: system, now }
    council = await createCouncil(deps, adminCtx, {
      slug: DEMO_SLUG,
      name: 'Demo Borough Council',
      contactEmail: 'quality.mark@demo-borough.example'
    })
    const coordinator = await createUser(deps, adminCtx, {
      councilId: council.id,
      role: 'coordinator',
      name: 'Demo Co-ordinator'
    })
    await createUser(deps, adminCtx, { councilId: council.id, role: 'reviewer', name: 'Demo Reviewer' })
    const ctx: Ctx = {
      actor: {
        kind: 'user',
        userId: coordinator.id,
        role: 'coordinator',
        councilId: council.id,
        providerId: null,
        tokenId: 'demo'
      },
      now
    }
    await upsertPostcodeLocations(deps.db, demoPostcodeLocations)
    const providerIds: string[] = []
    for (const p of demoProviders) providerIds.push((await createProvider(deps, ctx, p)).id)
    for (const step of demoSteps) {
      shownOnce.push(...((await step(deps, ctx, { councilId: council.id, providerIds })) ?? []))
    }
  }
  const coordinator = await findFirstUserIn(deps.db, council.id, 'coordinator')
  if (coordinator === undefined) throw new Error('the demo council has no active co-ordinator')
  await revokeTokensLabelled(deps.db, coordinator.id, 'demo start', now)
  const { token } = await issueToken(deps.db, coordinator.id, `demo start ${now.toISOString()}`)
  // One-time sign-in links beside the token (README: Sign-in and sessions), made afresh on every start.
  const providerUser = await findFirstUserIn(deps.db, council.id, 'provider')
  const minutes = deps.config.SIGN_IN_LINK_MINUTES
  const signIn = [`Sign in as the demo co-ordinator (works once, for ${minutes} minutes): ` +
    (await issueSignInLink(deps, coordinator.id, council.id))]
  if (providerUser !== undefined) {
    signIn.push(`Sign in as ${providerUser.name}, a demo provider (works once): ` +
      (await issueSignInLink(deps, providerUser.id, council.id)))
  }
  signIn.push(`Demo mailbox (the emails the demo would have sent): ${deps.config.publicBaseUrl}/demo-mailbox`)
  return {
    councilName: council.name,
    councilSlug: council.slug,
    coordinatorToken: token,
    links: [
      `Try: curl -H "Authorization: Bearer ${token}" ${deps.config.publicBaseUrl}/api/v1/providers`,
      `Directory: ${deps.config.publicBaseUrl}/directory/${council.slug}`,
      `Open Referral UK feed: ${deps.config.publicBaseUrl}/oruk/${council.slug}/services`,
      ...signIn,
      ...shownOnce
    ]
  }
}
