// Pages rendered once per kept answer (README: For co-ordinators, speed). A use case that keeps its answer per
// council (src/use-cases/council-read-cache.ts) hands out the very same object until something it reads changes;
// a page that is a function of that answer and of its request's variant (the query as typed, say) is rendered
// the first time and sent again after, and forgotten with the answer. Rendering a page of GOV.UK markup costs
// more than the rest of such a request.
import { randomUUID } from 'node:crypto'

/** At most this many variants of one answer are kept (distinct ways of typing the same query). */
const VARIANTS_PER_ANSWER = 8

// A form's CSRF token is new on every page (@fastify/csrf-protection salts each one). A page with forms is kept
// with this process's own random stand-in where the token goes, and the request's token put in its place: a
// token is letters, digits, '-' and '_', which need no escaping in an attribute, and anything else is rendered
// afresh.
const TOKEN_STAND_IN = `qm-token-${randomUUID()}`
const TOKEN = /^[\w-]+$/

export interface KeptPages {
  /** `render()`'s HTML for this answer and variant: kept from an earlier call, or rendered now and kept. */
  html: (answer: object, variant: string, render: () => Promise<string>) => Promise<string>
  /** The same for a page with forms: `render(csrf)` is kept with a stand-in, and `token` sent in its place. */
  withToken: (
    answer: object,
    variant: string,
    token: string,
    render: (csrf: string) => Promise<string>
  ) => Promise<string>
}

export function keptPages (): KeptPages {
  const rendered = new WeakMap<object, Map<string, string>>()
  const html: KeptPages['html'] = async (answer, variant, render) => {
    const variants = rendered.get(answer) ?? new Map<string, string>()
    const kept = variants.get(variant)
    if (kept !== undefined) return kept
    const page = await render()
    if (variants.size < VARIANTS_PER_ANSWER) variants.set(variant, page)
    rendered.set(answer, variants)
    return page
  }
  return {
    html,
    withToken: async (answer, variant, token, render) => {
      if (!TOKEN.test(token)) return await render(token)
      const page = await html(answer, variant, async () => await render(TOKEN_STAND_IN))
      return page.replaceAll(TOKEN_STAND_IN, token)
    }
  }
}
