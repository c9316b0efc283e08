// The service's one error vocabulary, in the manner of Fastify core's lib/errors.js: every code a client can
// receive, with its kind (which src/http maps to a status), a title and a default message. DomainError is built
// only from a registered code, checked by the compiler and again at run time. Codes are SCREAMING_SNAKE and
// stable: clients may switch on them (README: The API).

export type DomainErrorKind =
  | 'bad_request' // 400: malformed or fails validation
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'method_not_allowed' // 405
  | 'not_acceptable' // 406
  | 'conflict' // 409: not allowed in the current state, or a concurrent edit
  | 'gone' // 410: expired or used up
  | 'precondition_failed' // 412: If-Match did not match
  | 'too_large' // 413
  | 'uri_too_long' // 414
  | 'unsupported_media_type' // 415
  | 'invalid' // 422: well-formed input the rules reject
  | 'precondition_required' // 428: If-Match missing where it is required
  | 'too_many_requests' // 429
  | 'internal' // 500: nothing internal is ever said
  | 'unavailable' // 503

export interface ErrorDefinition<K extends DomainErrorKind = DomainErrorKind> {
  readonly kind: K
  readonly title: string
  readonly message: string
}

const define = <K extends DomainErrorKind>(kind: K, title: string, message: string): ErrorDefinition<K> =>
  ({ kind, title, message })

export const ERRORS = {
  // The request itself: answered by the router, the body parsers and the HTTP plugins
  BAD_REQUEST: define('bad_request', 'Bad request', 'The request cannot be read'),
  BAD_URL: define('bad_request', 'Malformed URL', 'The URL is not validly percent-encoded'),
  VALIDATION_FAILED: define('bad_request', 'Validation failed', 'Some fields are missing or invalid'),
  CTP_INVALID_JSON_BODY: define('bad_request', 'Malformed JSON', 'The body is not valid JSON'),
  CTP_EMPTY_JSON_BODY: define('bad_request', 'Empty JSON body', 'The body is empty but declared as JSON'),
  CTP_INVALID_CONTENT_LENGTH: define('bad_request', 'Wrong Content-Length', 'The body does not match its length'),
  MP_PREMATURE_CLOSE: define('bad_request', 'Upload interrupted', 'The upload ended before it was complete'),
  PROTO_VIOLATION: define('bad_request', 'Forbidden field name', 'A form field name is not allowed'),
  UNAUTHENTICATED: define('unauthenticated', 'Not signed in', 'A valid bearer token or session is needed'),
  // @fastify/csrf-protection's answers (FST_CSRF_*): a change sent with a session needs the form's token
  CSRF_MISSING_SECRET: define('forbidden', 'Form expired', 'Reload the page and send the form again'),
  CSRF_INVALID_TOKEN: define('forbidden', 'Form expired', 'Reload the page and send the form again'),
  CROSS_SITE_REQUEST: define('forbidden', 'Cross-site request', 'Changes may only be sent from this service'),
  ROLE_NOT_ALLOWED: define('forbidden', 'Role not allowed', 'Your role may not do this'),
  FORBIDDEN: define('forbidden', 'Forbidden', 'You may not do this'),
  NOT_FOUND: define('not_found', 'Not found', 'The record does not exist or is not yours to see'),
  ROUTE_NOT_FOUND: define('not_found', 'No such resource', 'Nothing is served at this address'),
  METHOD_NOT_ALLOWED: define('method_not_allowed', 'Method not allowed', 'This address does not take that method'),
  NOT_ACCEPTABLE: define('not_acceptable', 'Not acceptable', 'The request cannot be answered as asked'),
  INVALID_MULTIPART_CONTENT_TYPE: define('not_acceptable', 'Not multipart', 'Send the files as multipart/form-data'),
  PAYLOAD_TOO_LARGE: define('too_large', 'Too large', 'The request is too large'),
  CTP_BODY_TOO_LARGE: define('too_large', 'Body too large', 'The body exceeds the size limit'),
  UPLOAD_TOO_LARGE: define('too_large', 'Upload too large', 'The files exceed the size limit'),
  REQ_FILE_TOO_LARGE: define('too_large', 'File too large', 'A file exceeds the size limit'),
  FILES_LIMIT: define('too_large', 'Too many files', 'The request carries too many files'),
  PARTS_LIMIT: define('too_large', 'Too many parts', 'The request carries too many parts'),
  FIELDS_LIMIT: define('too_large', 'Too many fields', 'The request carries too many form fields'),
  MAX_PARAM_LENGTH: define('uri_too_long', 'Path parameter too long', 'A part of the path is too long'),
  UNSUPPORTED_MEDIA_TYPE: define('unsupported_media_type', 'Unsupported media type', 'The body type is not accepted'),
  CTP_INVALID_MEDIA_TYPE: define('unsupported_media_type', 'Unsupported media type', 'The body type is not accepted'),
  MULTIPART_REQUIRED: define('unsupported_media_type', 'Multipart required', 'Send the files as multipart/form-data'),
  FILE_TYPE_NOT_ALLOWED: define('unsupported_media_type', 'File type not allowed', 'The file type is not accepted'),
  RATE_LIMITED: define('too_many_requests', 'Too many requests', 'Too many requests; try again later'),
  INTERNAL_ERROR: define('internal', 'Internal error', 'Something went wrong on our side. It has been logged.'),
  UNDER_PRESSURE: define('unavailable', 'Busy', 'The service is busy; try again shortly'),
  SERVICE_UNAVAILABLE: define('unavailable', 'Unavailable', 'The service is unavailable; try again shortly'),
  DATABASE_UNREACHABLE: define('unavailable', 'Database unreachable', 'The database does not answer'),

  // Versions of editable records (If-Match)
  IF_MATCH_INVALID: define('precondition_failed', 'Malformed If-Match', 'If-Match is not an ETag of this record'),
  VERSION_MISMATCH: define('precondition_failed', 'Changed meanwhile', 'The record has changed since you read it'),
  IF_MATCH_REQUIRED: define('precondition_required', 'If-Match required', 'Send the ETag you read in If-Match'),

  // Councils, users and providers
  COUNCIL_SLUG_TAKEN: define('conflict', 'Slug taken', 'A council with this slug exists already'),
  COUNCIL_REQUIRED: define('invalid', 'Council required', 'This user needs a council'),
  ADMIN_HAS_NO_COUNCIL: define('invalid', 'Admins have no council', 'An admin belongs to no council'),
  PROVIDER_ID_MISMATCH: define('invalid', 'Provider mismatch', 'Only provider users carry a provider'),
  PROVIDER_REQUIRED: define('invalid', 'Provider required', 'Name the provider'),
  PEOPLE_LIMIT_REACHED: define('conflict', 'Too many people', 'A micro-enterprise has no more people to add'),
  PERSON_IS_YOU: define('conflict', 'That is you', 'You cannot take away your own access'),
  NOT_MICRO: define('invalid', 'Not a micro-enterprise', 'The Quality Mark is for micro-enterprises'),
  INTEREST_ALREADY_ANSWERED: define('conflict', 'Already answered', 'This request to join was already answered'),
  PROVIDER_CASE_OPEN: define('conflict', 'Case open', 'An appeal or concern about the provider is still open'),
  PROVIDER_ALREADY_ERASED: define('conflict', 'Already erased', "The provider's personal data has been erased"),
  ERASURE_NOT_CONFIRMED: define('invalid', 'Erasure not confirmed', "Confirm the erasure with the provider's name"),
  SIZE_BOUNDS_INCONSISTENT: define('invalid', 'Size bounds inconsistent', 'The size bands must grow'),
  BRAND_COLOUR_TOO_LIGHT: define('invalid', 'Brand colour too light', 'White text on the colour must be readable'),
  USER_INACTIVE: define('conflict', 'User inactive', 'The user is deactivated'),
  WEBHOOK_URL_NOT_ALLOWED: define('invalid', 'Webhook address not allowed', 'Webhooks go to https addresses'),
  WEBHOOK_LIMIT_REACHED: define('invalid', 'Too many webhooks', 'The council holds as many webhooks as it may'),
  TOKEN_FOR_PROVIDER_REFUSED: define('forbidden', 'Provider token refused', 'Staff may not issue a provider token'),
  INVALID_CURSOR: define('invalid', 'Invalid cursor', 'The cursor is not one this feed gave'),
  UNKNOWN_POSTCODE: define('invalid', 'Unknown postcode', 'The postcode is not in the postcode directory'),
  POSTCODE_LOOKUP_UNAVAILABLE: define('unavailable', 'Postcode lookup unavailable', 'Postcodes cannot be placed now'),
  INVALID_CALENDAR_DATE: define('invalid', 'Invalid date', 'The date is not a calendar date (YYYY-MM-DD)'),

  // Scheme versions
  SCHEME_DOCUMENT_INVALID: define('invalid', 'Scheme document invalid', 'The scheme document breaks its rules'),
  SCHEME_VERSION_PUBLISHED: define('conflict', 'Version published', 'A published scheme version never changes'),
  SCHEME_NOT_PUBLISHED: define('conflict', 'No published scheme', 'The council has no published scheme version'),
  SCHEME_DRAFT_EXISTS: define('conflict', 'Draft exists', 'The council has a draft already'),
  SCHEME_DIFF_BASE_REQUIRED: define('invalid', 'Diff base required', 'Say which version to compare with'),
  WHAT_IF_INPUT_INVALID: define('invalid', 'What-if input invalid', 'The hypothetical provider is not valid'),
  REPORT_ITEM_UNKNOWN: define('invalid', 'Unknown question', 'The instrument has no such question'),

  // Assessments, evidence and decisions
  ASSESSMENT_TRANSITION_NOT_ALLOWED: define('conflict', 'Action not allowed', 'The assessment does not allow this'),
  ASSESSMENT_ALREADY_OPEN: define('conflict', 'Assessment open', 'The provider has an open assessment'),
  NO_LIVE_AWARD: define('conflict', 'No live award', 'A renewal or upgrade needs a live award'),
  ITEM_UNKNOWN: define('invalid', 'Unknown item', 'The scheme has no such checklist item'),
  ITEM_NOT_APPLICABLE: define('invalid', 'Item does not apply', 'The item does not apply to this provider'),
  EVIDENCE_KIND_NOT_ACCEPTED: define('invalid', 'Kind not accepted', 'The item does not take this kind of evidence'),
  OBSERVATION_BY_STAFF_ONLY: define('invalid', 'Observation by staff', 'Only a co-ordinator records an observation'),
  EVIDENCE_TEXT_REQUIRED: define('invalid', 'Text required', 'This evidence needs its text'),
  EXPIRY_WAIVER_NOT_ALLOWED: define('invalid', 'No expiry waiver', 'The item has no expiry waiver'),
  EVIDENCE_DATES_INVERTED: define('invalid', 'Dates inverted', 'The expiry is before the issue date'),
  EVIDENCE_DATE_REQUIRED: define('invalid', 'Date required', 'Give the issue or expiry date'),
  EVIDENCE_TRANSITION_NOT_ALLOWED: define('conflict', 'Action not allowed', 'The evidence does not allow this'),
  EVIDENCE_TAKES_NO_FILES: define('conflict', 'No files here', 'Only documents and photos take files'),
  EVIDENCE_ALREADY_REVIEWED: define('conflict', 'Already reviewed', 'The evidence has been reviewed'),
  EVIDENCE_HAS_NO_FILES: define('conflict', 'No files', 'The evidence has no file to verify'),
  FILE_REQUIRED: define('invalid', 'File required', 'Attach at least one file'),
  DECISION_ABOVE_COMPUTED: define('invalid', 'Above the computed level', 'Never above the computed level'),
  DECISION_REASON_REQUIRED: define('invalid', 'Reason required', 'A level below the computed one needs a reason'),
  DECISION_NO_LONGER_SUPPORTED: define('conflict', 'Level no longer supported', 'The evidence no longer supports it'),
  FACTUAL_ACCURACY_WINDOW_OPEN: define('conflict', 'Comment window open', 'The provider may still comment'),
  FACTUAL_ACCURACY_WINDOW_CLOSED: define('conflict', 'Comment window closed', 'The comment window has closed'),

  // Awards, concerns and appeals
  AWARD_TRANSITION_NOT_ALLOWED: define('conflict', 'Action not allowed', 'The award does not allow this'),
  AWARD_VALIDITY_OUT_OF_RANGE: define('invalid', 'Validity out of range', 'The award validity is out of range'),
  CONCERN_TRANSITION_NOT_ALLOWED: define('conflict', 'Action not allowed', 'The concern does not allow this'),
  SAFEGUARDING_CONCERN_OPEN: define('conflict', 'Safeguarding concern open', 'A safeguarding concern is open'),
  CONCERN_NOT_CLOSED: define('conflict', 'Concern not closed', 'The concern is not closed'),
  CONCERN_SUSPENDED_NO_AWARD: define('conflict', 'No award suspended', 'The concern suspended no award'),
  APPEAL_TRANSITION_NOT_ALLOWED: define('conflict', 'Action not allowed', 'The appeal does not allow this'),
  APPEAL_SUBJECT_UNKNOWN: define('conflict', 'Nothing to appeal', 'There is no record of what is appealed'),
  APPEAL_SUBJECT_INVALID: define('conflict', 'Cannot be appealed', 'This cannot be appealed'),
  APPEAL_ALREADY_OPEN: define('conflict', 'Appeal open', 'An appeal against this is open already'),
  APPEAL_BEFORE_SUBJECT: define('invalid', 'Before its subject', 'An appeal cannot predate what it appeals'),
  APPEAL_WINDOW_CLOSED: define('invalid', 'Appeal window closed', 'The appeal window has closed'),
  APPEAL_LEVEL_NOT_APPLICABLE: define('invalid', 'Level not applicable', 'This outcome takes no level'),
  APPEAL_LEVEL_ABOVE_COMPUTED: define('invalid', 'Above the computed level', 'Never above the computed level'),
  REVIEWER_NOT_INDEPENDENT: define('forbidden', 'Reviewer not independent', 'The reviewer took part in the decision'),

  // Feedback
  FEEDBACK_CLOSED: define('conflict', 'Feedback closed', 'The assessment no longer collects feedback'),
  FEEDBACK_ANSWERS_INVALID: define('invalid', 'Answers invalid', 'Some answers are not valid'),
  FEEDBACK_INVITATION_INVALID: define('invalid', 'Invitation invalid', 'The instrument does not allow this'),
  FEEDBACK_INVITATION_USED: define('conflict', 'Invitation used', 'The invitation has been used'),
  FEEDBACK_LINK_USED: define('gone', 'Link used', 'This feedback link has been used'),
  FEEDBACK_LINK_EXPIRED: define('gone', 'Link expired', 'This feedback link has expired'),
  FEEDBACK_LINK_REVOKED: define('gone', 'Link revoked', 'This feedback link has been revoked'),
  FEEDBACK_LINK_CLOSED: define('gone', 'Feedback closed', "This provider's assessment no longer collects feedback"),
  FEEDBACK_NO_COMMENT: define('conflict', 'No comment', 'The response has no comment to moderate')
} as const satisfies Record<string, ErrorDefinition>

export type ErrorCode = keyof typeof ERRORS
export type KindOf<C extends ErrorCode> = (typeof ERRORS)[C]['kind']
/** The codes of one kind, e.g. CodeOfKind<'invalid'> for a 422. */
export type CodeOfKind<K extends DomainErrorKind> = { [C in ErrorCode]: KindOf<C> extends K ? C : never }[ErrorCode]

export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && Object.hasOwn(ERRORS, code)

export interface FieldProblem {
  /** JSON pointer-ish path to the field, e.g. "checklist/3/code" or "body.weight" */
  path: string
  message: string
}

export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C
  readonly kind: KindOf<C>
  readonly errors: FieldProblem[] | undefined
  readonly details: Record<string, unknown> | undefined

  /** `kind` repeats the registry's so a call site reads as its status; the compiler checks they agree. */
  constructor (
    code: C,
    kind: KindOf<C>,
    message?: string,
    extra: { errors?: FieldProblem[]; details?: Record<string, unknown> } = {}
  ) {
    // A cast or a code built at run time gets past the compiler, never past this.
    if (!isErrorCode(code) || ERRORS[code].kind !== kind) {
      throw new TypeError(`${String(code)} (${String(kind)}) is not a registered error code in src/domain/errors.ts`)
    }
    super(message ?? ERRORS[code].message)
    this.name = 'DomainError'
    this.code = code
    this.kind = kind
    this.errors = extra.errors
    this.details = extra.details
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError

/** A result type for pure functions that prefer returning errors to throwing them. */
export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E }
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value })
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error })
