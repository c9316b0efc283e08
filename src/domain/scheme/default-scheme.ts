// Default scheme version 1, loaded for every new council (src/domain/README.md: the default scheme, scoring,
// lifecycles).
import { DEFAULT_INSTRUMENT } from '../feedback/default-instrument.js'
import { DEFAULT_CATEGORIES, DEFAULT_CHECKLIST } from './default-checklist.js'
import type { SchemeDocument } from './scheme-document.js'
import { deepFreeze } from '../deep-freeze.js'

const DEFAULT_SCHEME_DOCUMENT: SchemeDocument = {
  title: 'Quality Mark for care micro-enterprises',
  categories: DEFAULT_CATEGORIES,
  checklist: DEFAULT_CHECKLIST,
  instrument: DEFAULT_INSTRUMENT,
  thresholds: {
    compliance: { goldWeightShare: 0.8 },
    feedback: {
      sampleMinimum: 2,
      bronze: { qMin: 50, gainAbove: null, itemMeanMinima: [], sampleFloor: 2, sampleShare: 0.5 },
      silver: {
        qMin: 70,
        gainAbove: null,
        itemMeanMinima: [{ item: 'SAFE', min: 2 }],
        sampleFloor: 3,
        sampleShare: 0.5
      },
      gold: {
        qMin: 85,
        gainAbove: 0,
        itemMeanMinima: [
          { item: 'SAFE', min: 2 },
          { item: 'DIGNITY', min: 2 }
        ],
        sampleFloor: 5,
        sampleShare: 0.6
      }
    }
  },
  settings: {
    awardValidityMonths: 12,
    gracePeriodDays: 14,
    factualAccuracyDays: 14,
    appealWindowDays: 28,
    renewalLeadDays: 60,
    evidenceReminderDays: [60, 30, 7],
    commentRetentionDays: 365
  },
  limiters: {
    openSafeguardingConcern: 'block',
    // "High-severity" includes safeguarding, the only triage level above high; partly upheld is left to the council.
    upheldConcern: { severities: ['high', 'safeguarding'], outcomes: ['upheld'], lookbackMonths: 12, cap: 'bronze' },
    cqcCaps: { inadequate: 'block', requires_improvement: 'bronze' }
  }
}

/** The shipped default, frozen: scoring may use it directly. */
export const DEFAULT_SCHEME: Readonly<SchemeDocument> = deepFreeze(DEFAULT_SCHEME_DOCUMENT)

/** A fresh, editable copy of the default scheme, e.g. to start a council's first draft. */
export const createDefaultSchemeDocument = (): SchemeDocument => structuredClone(DEFAULT_SCHEME_DOCUMENT)
