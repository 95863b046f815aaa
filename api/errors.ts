import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainError, ErrorIssue, FailureKind } from './domain-errors.ts';

/** The error codes of the shared error shape and their HTTP status. */
export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The status of each kind of domain failure (api/domain-errors.ts): one each, none left out. */
const FAILURE_STATUS = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unprocessable: 422,
  'rate-limited': 429,
  unavailable: 503,
} as const satisfies Record<FailureKind, ContentfulStatusCode>;

export function failureStatus(kind: FailureKind): ContentfulStatusCode {
  return FAILURE_STATUS[kind];
}

export interface ErrorBody {
  error: { code: string; message: string; requestId: string; issues?: ErrorIssue[] };
}

interface ApiErrorOptions {
  issues?: ErrorIssue[] | undefined;
  headers?: Record<string, string> | undefined;
}

/**
 * The HTTP layer's error: what a request's own checks refuse before any service runs (no
 * session, a cross-site request, malformed JSON), and what a domain failure becomes in
 * app.ts's error handler. Anything else thrown is a server fault: logged with the request id
 * and answered with a generic 500.
 *
 * `code` is either a generic code above, whose status it implies, or a specific one with its
 * status given: a specific code without a status does not type-check.
 */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly issues: ErrorIssue[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, options?: ApiErrorOptions);
  constructor(
    code: string,
    message: string,
    options: ApiErrorOptions & { status: ContentfulStatusCode },
  );
  constructor(
    code: string,
    message: string,
    options: ApiErrorOptions & { status?: ContentfulStatusCode } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    // The overloads leave a code outside ERROR_STATUS only with its status.
    this.status = options.status ?? ERROR_STATUS[code as ErrorCode];
    this.issues = options.issues;
    this.headers = options.headers;
  }
}

/** Whole seconds, at least one: a client told 0 would retry at once. */
function retryAfterSeconds(retryAfterMs: number): string {
  return String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
}

/** A domain failure as the HTTP layer answers it (app.ts's error handler). */
export function apiErrorOf(error: DomainError): ApiError {
  const { retryAfterMs } = error;
  return new ApiError(error.code, error.message, {
    status: failureStatus(error.kind),
    issues: error.issues,
    headers:
      retryAfterMs === undefined ? undefined : { 'Retry-After': retryAfterSeconds(retryAfterMs) },
  });
}

export function errorBody(error: ApiError, requestId: string): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      requestId,
      ...(error.issues && error.issues.length > 0 ? { issues: error.issues } : {}),
    },
  };
}
