// Pages rendered once per kept answer (README: For co-ordinators, speed). A use case that keeps its answer per
// council (src/use-cases/council-read-cache.ts) hands out the very same object until something it reads changes;
// a page that is a function of that answer and of its request's variant (the query as typed, say) is rendered
// the first time and sent again after, and forgotten with the answer. Rendering a page of GOV.UK markup costs
// more than the rest of such a request.

/** At most this many variants of one answer are kept (distinct ways of typing the same query). */
const VARIANTS_PER_ANSWER = 8

export interface KeptPages {
  /** `render()`'s HTML for this answer and variant: kept from an earlier call, or rendered now and kept. */
  html: (answer: object, variant: string, render: () => Promise<string>) => Promise<string>
}

export function keptPages (): KeptPages {
  const rendered = new WeakMap<object, Map<string, string>>()
  return {
    html: async (answer, variant, render) => {
      const variants = rendered.get(answer) ?? new Map<string, string>()
      const kept = variants.get(variant)
      if (kept !== undefined) return kept
      const html = await render()
      if (variants.size < VARIANTS_PER_ANSWER) variants.set(variant, html)
      rendered.set(answer, variants)
      return html
    }
  }
}
