// The SVG badge of one award: level, council and validity, or in plain words that the mark is no longer
// current; the whole badge links to the public verification page (src/domain/README.md: Badge).
import type { AwardState } from '../domain/workflow/index.js'
import type { AwardTruth } from '../use-cases/publication/award-truth.js'
import { isCurrentMark, longDate, publicStatusOf } from '../use-cases/publication/public-award.js'
import { LEVEL_NAMES } from '../use-cases/publication/vocabulary.js'
import { html, type Html } from './html.js'

// Dark text on every fill keeps a contrast ratio above 4.5:1 (WCAG 2.2 SC 1.4.3).
const FILLS = { gold: '#ffdd00', silver: '#d0d3d4', bronze: '#e0a370', lapsed: '#f3f2f1' } as const

/** "SUSPENDED", "EXPIRED"... for a mark that no longer counts; a live award of a provider who left reads WITHDRAWN. */
export const lapsedWord = (status: AwardState): string =>
  (publicStatusOf(status) === 'active' ? 'withdrawn' : publicStatusOf(status)).toUpperCase()

export function renderBadge (truth: AwardTruth, verifyUrl: string): Html {
  const { listing: l, council } = truth
  const current = isCurrentMark(l)
  const title = `${LEVEL_NAMES[l.award.level]} Quality Mark`
  const line3 = current
    ? `Valid until ${longDate(l.award.validTo)}`
    : `${lapsedWord(l.award.status)}: not a current mark`
  const label = `${title} from ${council.name} for ${l.name}. ${line3}. Check it at ${verifyUrl}`
  return html`<svg
    xmlns="http://www.w3.org/2000/svg"
    width="320"
    height="104"
    viewBox="0 0 320 104"
    role="img"
    aria-labelledby="badge-title"
  >
    <title id="badge-title">${label}</title>
    <a href="${verifyUrl}">
      <rect
        x="1"
        y="1"
        width="318"
        height="102"
        rx="6"
        fill="${current ? FILLS[l.award.level] : FILLS.lapsed}"
        stroke="#0b0c0c"
        stroke-width="2"
      />
      <text
        x="16"
        y="32"
        font-family="Arial, Helvetica, sans-serif"
        font-size="20"
        font-weight="700"
        fill="#0b0c0c"
        ${current ? '' : html` text-decoration="line-through"`}
      >
        ${title}
      </text>
      <text x="16" y="56" font-family="Arial, Helvetica, sans-serif" font-size="14" fill="#0b0c0c">
        ${council.name}
      </text>
      <text
        x="16"
        y="80"
        font-family="Arial, Helvetica, sans-serif"
        font-size="14"
        font-weight="${current ? '400' : '700'}"
        fill="${current ? '#0b0c0c' : '#b10e1e'}"
      >
        ${line3}
      </text>
      <text x="16" y="97" font-family="Arial, Helvetica, sans-serif" font-size="10" fill="#0b0c0c">
        Check this mark online
      </text>
    </a>
  </svg>`
}
