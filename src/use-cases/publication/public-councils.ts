// The councils the public pages name: every council on the front page, and one by its slug (e.g. on the
// feedback thank-you page, where an unknown slug simply means no council is named).
import type { Queryable } from '../../db/client.js'
import {
  selectCouncilSummaries,
  selectCouncilSummary,
  type CouncilSummary
} from '../../db/stores/public-councils.js'

export type { CouncilSummary }

export const listPublicCouncils = async (q: Queryable): Promise<CouncilSummary[]> => await selectCouncilSummaries(q)

export const findPublicCouncil = async (q: Queryable, slug: string): Promise<CouncilSummary | null> =>
  await selectCouncilSummary(q, slug)
