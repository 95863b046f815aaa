/**
 * The failures a use case reports, in its own words and with no knowledge of HTTP
 * (docs/decisions/187): services, infrastructure and the auth checks throw these, so they
 * run the same from a route, the CLI, a worker or a test. Only app.ts's error handler turns
 * one into a status and the shared error shape (api/errors.ts), by its kind: every kind has
 * exactly one status there, so a failure can never become an unexplained 500.
 */

/** One field's problem, by its dotted path in the input. */
export interface ErrorIssue {
  path: string;
  message: string;
}

export type FailureKind =
  | 'invalid-input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'unprocessable'
  | 'rate-limited'
  | 'unavailable';

interface FailureDetail {
  /** A specific code for clients to branch on (e.g. CLAIM_DEADLINE_PASSED); the kind's own by default. */
  code?: string | undefined;
  issues?: ErrorIssue[] | undefined;
}

export abstract class DomainError extends Error {
  abstract readonly kind: FailureKind;
  readonly code: string;
  readonly issues: ErrorIssue[] | undefined;
  /** When another try may succeed (rate limits, a full queue); undefined: not by waiting. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    defaultCode: string,
    detail: FailureDetail & { retryAfterMs?: number | undefined },
  ) {
    super(message);
    this.name = new.target.name;
    this.code = detail.code ?? defaultCode;
    this.issues = detail.issues;
    this.retryAfterMs = detail.retryAfterMs;
  }
}

/** The input breaks a rule its schema cannot state, or names something that is not valid. */
export class InvalidInput extends DomainError {
  readonly kind = 'invalid-input';
  constructor(message: string, detail: FailureDetail = {}) {
    super(message, 'INVALID_INPUT', detail);
  }
}

/** Who is asking is not known, or their proof of identity was wrong. */
export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated';
  constructor(message: string, detail: FailureDetail = {}) {
    super(message, 'UNAUTHENTICATED', detail);
  }
}

/** Who is asking is known and may not do this. */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
  constructor(message: string, detail: FailureDetail = {}) {
    super(message, 'FORBIDDEN', detail);
  }
}

/** The thing named does not exist, or is not the asker's to see. */
export class NotFound extends DomainError {
  readonly kind = 'not-found';
  constructor(message = 'Not found.', detail: FailureDetail = {}) {
    super(message, 'NOT_FOUND', detail);
  }
}

/** The request clashes with the current state (a duplicate, a decided claim, a frozen period). */
export class Conflict extends DomainError {
  readonly kind = 'conflict';
  constructor(message: string, detail: FailureDetail = {}) {
    super(message, 'CONFLICT', detail);
  }
}

/** Well-formed, but a business rule refuses it (a deadline passed, a contrast too low). */
export class Unprocessable extends DomainError {
  readonly kind = 'unprocessable';
  constructor(message: string, detail: FailureDetail = {}) {
    super(message, 'UNPROCESSABLE', detail);
  }
}

/** The asker's budget is spent; another try succeeds after `retryAfterMs`. */
export class RateLimited extends DomainError {
  readonly kind = 'rate-limited';
  constructor(message: string, retryAfterMs: number, detail: FailureDetail = {}) {
    super(message, 'RATE_LIMITED', { ...detail, retryAfterMs });
  }
}

/** The portal is too busy for this now (a full queue); another try succeeds after `retryAfterMs`. */
export class Unavailable extends DomainError {
  readonly kind = 'unavailable';
  constructor(message: string, retryAfterMs: number, detail: FailureDetail = {}) {
    super(message, 'UNAVAILABLE', { ...detail, retryAfterMs });
  }
}

// The shorthands the services were written with.
export const notFound = (what = 'Not found.') => new NotFound(what);
export const conflict = (message: string, code = 'CONFLICT') => new Conflict(message, { code });
export const unprocessable = (message: string, code = 'UNPROCESSABLE', issues?: ErrorIssue[]) =>
  new Unprocessable(message, { code, issues });
export const invalidInput = (message: string, issues?: ErrorIssue[]) =>
  new InvalidInput(message, { issues });

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
