import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { type DestinationStream, type Logger, pino } from 'pino';
import { isBusyError } from '../db/client.ts';
import type { Principal } from './context.ts';
import { DomainError } from './domain-errors.ts';
import { ApiError } from './errors.ts';

export type { Logger };

/**
 * Lines to a file descriptor or path (stdout for `npm start`), written together at the end of
 * each event-loop turn: one write for every line the turn made, instead of a write each
 * (docs/decisions/211). Nothing waits longer than the turn, so a quiet portal's lines appear
 * as at once; the lines of a turn still unwritten are written when the process exits.
 */
export function turnBufferedDestination(dest: number | string = 1): DestinationStream {
  // sonic-boom writes (synchronously: a line is out before the next turn begins, and at exit),
  // retrying a busy pipe and a partial write; the turn's lines are handed to it as one string.
  const boom = pino.destination({ dest, sync: true });
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    const text = lines.join('');
    lines = [];
    boom.write(text);
  };
  process.once('exit', flush);
  return {
    write(line: string) {
      if (lines.length === 0) setImmediate(flush);
      lines.push(line);
    },
  };
}

/**
 * The portal's logger: one JSON line per event (docs/decisions/118). `destination` is where
 * lines go: stdout for `npm start` (turnBufferedDestination), a capturing stream in tests.
 */
export function createLogger(
  options: { destination?: DestinationStream; level?: pino.LevelWithSilent } = {},
): Logger {
  const settings = {
    level: options.level ?? 'info',
    base: null,
    // The error of a failed request: never pino's default, which copies every own field
    // (a failed query's `params`, which may hold an email or a key hash).
    serializers: { err: serializeError },
  };
  return pino(settings, options.destination ?? turnBufferedDestination());
}

/**
 * When the caller gives no logger (tests, scripts): only faults, through console.error, so
 * a test that meets an unexpected 5xx fails (tests/helpers/setup.ts) and a passing one
 * stays quiet.
 */
export function faultsToConsole(): Logger {
  return createLogger({
    level: 'error',
    destination: { write: (line: string) => console.error(line.trimEnd()) },
  });
}

interface SerializedError {
  type: string;
  message: string;
  stack: string | undefined;
  code?: string;
  cause?: SerializedError;
}

/** A failed query's message and stack carry its parameter values after `params:`. */
const QUERY_PARAMS = /\nparams: [^\n]*/g;
const withoutParams = (text: string) => text.replace(QUERY_PARAMS, '\nparams: [not logged]');

/** Type, message, stack and code of an error and its causes, without query parameters. */
export function serializeError(error: unknown, depth = 0): SerializedError | undefined {
  if (!(error instanceof Error)) {
    return error === undefined ? undefined : { type: typeof error, message: '', stack: undefined };
  }
  const code = (error as { code?: unknown }).code;
  const cause = depth < 5 ? serializeError(error.cause, depth + 1) : undefined;
  return {
    type: error.name,
    message: withoutParams(error.message),
    stack: error.stack === undefined ? undefined : withoutParams(error.stack),
    ...(typeof code === 'string' ? { code } : {}),
    ...(cause ? { cause } : {}),
  };
}

/** What the request log reads: the id from hono's requestId(), the principal once known. */
export interface LoggedEnv {
  Variables: { requestId: string; principal?: Principal };
}

/** Who called, as a kind: never who exactly, never their credentials. */
export function principalKind(principal: Principal | undefined): string {
  if (principal === undefined || principal.kind === 'anonymous') return 'anonymous';
  return principal.kind === 'user' ? principal.user.role : 'key';
}

/**
 * The pattern of the route that answered (`/api/v1/staff/claims/:id`), never the path
 * itself: paths carry ids, and a client may put anything in them. Null when no route
 * matched (a 404 for an unknown path).
 */
function routeOf(c: Context): string | null {
  const routes = matchedRoutes(c).filter((route) => route.method !== 'ALL');
  return routes.at(-1)?.path ?? null;
}

/**
 * One line per request, written when the answer is ready: request id, method, route
 * pattern, status, duration and the caller's kind. Nothing from the request's headers,
 * query or body is logged. A 5xx is logged at error level with its cause. `route` names
 * the route of an app whose routes are not patterns (the static site).
 */
export function requestLog(
  logger: Logger,
  options: { route?: string } = {},
): MiddlewareHandler<LoggedEnv> {
  return async (c, next) => {
    // Real elapsed time, not the portal's clock (which tests stop).
    const startedMs = performance.now();
    await next();
    const line = {
      requestId: c.var.requestId,
      method: c.req.method,
      route: options.route ?? routeOf(c),
      status: c.res.status,
      durationMs: Math.round((performance.now() - startedMs) * 10) / 10,
      principal: principalKind(c.var.principal),
    };
    if (c.res.status < 500) logger.info(line, 'request');
    // A 503 the portal chose (busy database, full evaluation queue) is load, not a fault:
    // a warning with its reason. Anything else at 5xx is a fault, logged with its cause.
    else if (
      c.error instanceof ApiError ||
      c.error instanceof DomainError ||
      isBusyError(c.error)
    ) {
      logger.warn({ ...line, err: c.error }, 'request refused');
    } else logger.error({ ...line, err: c.error }, 'request failed');
  };
}
