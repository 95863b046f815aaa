/**
 * What the browser's API client (api-client.ts) shares with the pages: the one error type
 * carrying the API's error shape, and the signal that the session ended. A 401 on anything
 * but a sign-in tells the page to show the sign-in form again. Calls themselves go through
 * the typed client generated from the OpenAPI document, never a hand-typed fetch.
 */

export const API_BASE = '/api/v1';

export interface ApiIssue {
  path: string;
  message: string;
}

/** An answer other than 2xx, or no answer at all (`status` 0, `code` NETWORK). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly issues: ApiIssue[];

  constructor(
    status: number,
    code: string,
    message: string,
    requestId: string | null = null,
    issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.issues = issues;
  }
}

type Listener = () => void;
const signedOutListeners = new Set<Listener>();

/** Called whenever the API says the session is gone (401). Returns an unsubscribe. */
export function onSignedOut(listener: Listener): () => void {
  signedOutListeners.add(listener);
  return () => {
    signedOutListeners.delete(listener);
  };
}

/** A wrong password also answers 401: that is a form error, not an ended session. */
const SIGN_IN_PATHS = new Set(['/auth/login', '/auth/invitations/accept']);

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; requestId?: unknown; issues?: unknown };
}

/** The API's error shape (or whatever came back) as an ApiError. */
export function errorFromBody(response: Response, body: unknown): ApiError {
  const error = (body as ErrorBody | null)?.error;
  const issues = Array.isArray(error?.issues)
    ? (error.issues as unknown[]).flatMap((issue) =>
        typeof issue === 'object' && issue !== null && 'message' in issue
          ? [
              {
                path: String((issue as { path?: unknown }).path ?? ''),
                message: String((issue as { message: unknown }).message),
              },
            ]
          : [],
      )
    : [];
  return new ApiError(
    response.status,
    typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`,
    typeof error?.message === 'string'
      ? error.message
      : `The portal answered ${response.status} ${response.statusText}.`.replace(' .', '.'),
    typeof error?.requestId === 'string' ? error.requestId : null,
    issues,
  );
}

/** Tells every listener the session is gone, unless the 401 answered a sign-in attempt. */
export function noteUnauthorized(status: number, path: string): void {
  if (status === 401 && !SIGN_IN_PATHS.has(path)) {
    for (const listener of signedOutListeners) listener();
  }
}

/** The error a failed fetch (no answer at all) becomes; an abort stays an abort. */
export function networkError(error: unknown): unknown {
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  return new ApiError(
    0,
    'NETWORK',
    'The portal could not be reached. Check your connection and try again.',
  );
}

/** `?a=1&b=x` from the defined, non-empty values (an empty string when there are none). */
export function query(params: Record<string, string | number | boolean | null | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** True for an aborted fetch (a newer request replaced it): not worth showing. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
