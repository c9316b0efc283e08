// The councils' public names, for the pages that list or name a council (src/use-cases/publication/public-councils.ts).
import { asc, eq } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { councils } from '../schema/index.js'

export interface CouncilSummary {
  slug: string
  name: string
  brandColour: string | null
}

const summary = { slug: councils.slug, name: councils.name, brandColour: councils.brandColour }

export async function selectCouncilSummaries (q: Queryable): Promise<CouncilSummary[]> {
  return await q.select(summary).from(councils).orderBy(asc(councils.name))
}

export async function selectCouncilSummary (q: Queryable, slug: string): Promise<CouncilSummary | null> {
  const [row] = await q.select(summary).from(councils).where(eq(councils.slug, slug))
  return row ?? null
}
