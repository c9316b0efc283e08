// Stable identifiers for the Open Referral feed: name-based UUIDs (v5) derived from our own ids, so the same
// provider always yields the same organization, location and attribute ids in every response and instance.
import { v5 as uuidv5 } from 'uuid'

// Our own namespace, itself derived from the URL namespace (RFC 9562 §5.5), fixed forever once published.
const NAMESPACE = uuidv5('urn:qualitymark:open-referral', uuidv5.URL)

/** The UUID of one published entity: `kind` names the HSDS table, `parts` our ids it belongs to. */
export const stableId = (kind: string, ...parts: string[]): string => uuidv5(`${kind}:${parts.join(':')}`, NAMESPACE)

export const organizationIdOf = (providerId: string): string => stableId('organization', providerId)
