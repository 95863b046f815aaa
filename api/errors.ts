import type { ContentfulStatusCode } from 'hono/utils/http-status';

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

export interface ErrorIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; requestId: string; issues?: ErrorIssue[] };
}

/**
 * The one error type of the API. Anything else thrown is a server fault: logged with the
 * request id and answered with a generic 500.
 *
 * `code` is either a generic code above or a specific one (e.g. CLAIM_DEADLINE_PASSED)
 * with an explicit status.
 */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly issues: ErrorIssue[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode | string,
    message: string,
    options: {
      status?: ContentfulStatusCode;
      issues?: ErrorIssue[];
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = options.status ?? ERROR_STATUS[code as ErrorCode] ?? 500;
    this.issues = options.issues;
    this.headers = options.headers;
  }
}

export const notFound = (what = 'Not found.') => new ApiError('NOT_FOUND', what);
export const conflict = (message: string, code = 'CONFLICT') =>
  new ApiError(code, message, { status: 409 });
export const unprocessable = (message: string, code = 'UNPROCESSABLE', issues?: ErrorIssue[]) =>
  new ApiError(code, message, { status: 422, ...(issues ? { issues } : {}) });
export const invalidInput = (message: string, issues?: ErrorIssue[]) =>
  new ApiError('INVALID_INPUT', message, issues ? { issues } : {});

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

/** Turns zod issues into the error shape's `issues` (dotted paths). */
export function zodIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string; keys?: readonly string[] }[],
): ErrorIssue[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map((part) => String(part));
    // An unknown field is named by its own path, so clients see which field to drop.
    if (issue.keys && issue.keys.length > 0) {
      return issue.keys.map((key) => ({
        path: [...path, key].join('.'),
        message: `Unknown field "${key}".`,
      }));
    }
    return [{ path: path.join('.'), message: issue.message }];
  });
}
