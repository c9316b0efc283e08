// How a live score reads on the review page: the level, what it rests on, and every reason a higher level was
// not reached, in the engine's own words ("INS_PI not verified", "Q 72 < 85", "n 3 < 5").
import type { AwardLevel } from '../../domain/scheme/enums.js'
import type { ScoringResult } from '../../domain/scoring/index.js'
import { row, type Row, type Tag } from './forms.js'
import { levelName, levelTag, tagHtml } from './tags.js'

export interface ScoreView {
  level: Tag
  rows: Row[]
  /** For each level above the computed one, lowest first, what stands in its way. */
  reasons: Array<{ level: string; items: string[] }>
}

const orNone = (v: number | null) => (v === null ? 'none yet' : String(v))

export function scoreView (s: ScoringResult): ScoreView {
  const tag = levelTag(s.computedLevel)
  const f = s.feedback
  const limiters = s.limitersApplied.map((l) => l.message).join('; ')
  const byLevel = new Map<AwardLevel, string[]>()
  for (const r of s.reasons) byLevel.set(r.level, [...(byLevel.get(r.level) ?? []), r.message])
  return {
    level: tag,
    rows: [
      { key: { text: 'Level now' }, value: { html: tagHtml(tag) } },
      row('Checklist', `${levelName(s.complianceLevel)} (${s.compliancePercent}% of the applicable weight met)`),
      row('Feedback', `${levelName(f.feedbackLevel)}: Q ${orNone(f.q)}, G ${orNone(f.g)}, ` +
        `n ${f.n} counted of ${f.responses} received`),
      row('Limits', limiters === '' ? 'None apply' : limiters),
      row('Scored on', s.decisionDate)
    ],
    reasons: [...byLevel].map(([level, items]) => ({ level: levelName(level), items }))
  }
}
