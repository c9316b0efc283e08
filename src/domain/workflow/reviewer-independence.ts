// An appeal is heard by a reviewer who did not make the decision under appeal (src/domain/README.md: Glossary, Appeal).
import { DomainError, err, ok, type Result } from '../errors.js'

export function checkReviewerIndependence (reviewerId: string, decisionMakerIds: readonly string[]): Result<void> {
  if (!decisionMakerIds.includes(reviewerId)) return ok(undefined)
  return err(
    new DomainError(
      'REVIEWER_NOT_INDEPENDENT',
      'forbidden',
      'This reviewer took part in the decision under appeal; another reviewer must hear it',
      {
        details: { reviewerId }
      }
    )
  )
}
