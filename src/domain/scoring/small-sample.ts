// Small-sample flag for the directory (src/domain/README.md: "Small samples are shown as such in the directory").
import type { ComputedLevel } from '../scheme/enums.js'
import type { Thresholds } from '../scheme/scheme-document.js'

/**
 * A level is only reached with n ≥ n_min(level), and n_min shrinks with the people a provider supports; the
 * sample is "small" when the award rests on fewer responses than the level's floor (e.g. gold on 2 of 3 people).
 */
export const isSmallSample = (thresholds: Thresholds, level: ComputedLevel, n: number): boolean =>
  level !== 'none' && n < thresholds.feedback[level].sampleFloor
