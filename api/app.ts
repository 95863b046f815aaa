import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { DATABASE_RETRY_AFTER_SECONDS, type Database, isBusyError } from '../db/client.ts';
import { resolvePrincipal } from './auth/middleware.ts';
import type { Clock } from './clock.ts';
import { compressJson } from './compress.ts';
import type { AppConfig } from './config.ts';
import type { AppEnv, Deps } from './context.ts';
import { DomainError } from './domain-errors.ts';
import { ApiError, apiErrorOf, errorBody } from './errors.ts';
import { DOCS_CSP } from './http/docs-assets.ts';
import { faultsToConsole, type Logger, requestLog } from './log.ts';
import type { HostResolver } from './notify/targets.ts';
import { type ApiApp, createRouter } from './openapi.ts';
import { registerApiKeys } from './routes/api-keys.ts';
import { registerAuth } from './routes/auth.ts';
import { registerBrand } from './routes/brand.ts';
import { DOCS_PATH, registerDocs } from './routes/docs.ts';
import { registerEvaluate } from './routes/evaluate.ts';
import { EVALUATE_RESPONSE_PATH, registerEvaluateResponse } from './routes/evaluate-response.ts';
import { registerFeed } from './routes/feed.ts';
import { registerHealth } from './routes/health.ts';
import { registerIncidents } from './routes/incidents.ts';
import { INGEST_BATCH_PATH, registerIngest } from './routes/ingest.ts';
import { registerMe } from './routes/me.ts';
import { registerPublic } from './routes/public.ts';
import { registerStaffAgreements } from './routes/staff-agreements.ts';
import { registerStaffAudit } from './routes/staff-audit.ts';
import { registerStaffClaims } from './routes/staff-claims.ts';
import { registerStaffCustomers } from './routes/staff-customers.ts';
import { registerStaffIncidentTemplates } from './routes/staff-incident-templates.ts';
import { registerStaffIncidents } from './routes/staff-incidents.ts';
import { registerStaffMaintenance } from './routes/staff-maintenance.ts';
import { registerStaffNotifications } from './routes/staff-notifications.ts';
import { registerStaffPolicies } from './routes/staff-policies.ts';
import { registerStaffServices } from './routes/staff-services.ts';
import { registerStaffStatementRuns } from './routes/staff-statement-runs.ts';
import { registerStaffUsers } from './routes/staff-users.ts';
import { registerStaffVendors } from './routes/staff-vendors.ts';
import { registerStaffWindows } from './routes/staff-windows.ts';
import { registerStatements } from './routes/statements.ts';
import { registerSubscriptions } from './routes/subscriptions.ts';
import { registerSupport } from './routes/support.ts';
import { registerWebhooks } from './routes/webhooks.ts';
import { checkOrigin, requireJsonBody } from './security.ts';
import { LOGO_BODY_LIMIT_BYTES } from './services/brand.ts';
import { FEED_CSP } from './services/feed.ts';
import { MAIL_PREVIEW_CSP } from './services/notifications.ts';
import type { RunHooks } from './services/statement-runs.ts';
import { createStatusFastPath } from './status-fast-path.ts';

export const API_PREFIX = '/api/v1';

/** Each routes module adds its routes to the /api/v1 router. */
const ROUTE_MODULES: ((api: ApiApp) => void)[] = [
  registerPublic,
  registerAuth,
  registerApiKeys,
  registerStaffUsers,
  registerStaffServices,
  registerStaffCustomers,
  registerStaffPolicies,
  registerStaffAgreements,
  registerStaffAudit,
  registerEvaluate,
  registerEvaluateResponse,
  registerMe,
  registerStatements,
  registerStaffStatementRuns,
  registerStaffClaims,
  registerStaffVendors,
  registerIncidents,
  registerFeed,
  registerIngest,
  registerSupport,
  registerStaffIncidents,
  registerStaffIncidentTemplates,
  registerStaffMaintenance,
  registerStaffWindows,
  registerSubscriptions,
  registerStaffNotifications,
  registerWebhooks,
  registerBrand,
  registerDocs,
];

function mapHttpException(error: HTTPException): ApiError {
  switch (error.status) {
    case 400:
      return new ApiError('MALFORMED_JSON', 'The request body is not valid JSON.');
    case 413:
      return new ApiError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
    case 415:
      return new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON.');
    default:
      return new ApiError(error.status >= 500 ? 'INTERNAL' : 'INVALID_INPUT', error.message, {
        status: error.status,
      });
  }
}

/** Another process held the database's write lock past the retry budget (db/client.ts). */
function databaseBusy(): ApiError {
  return new ApiError('UNAVAILABLE', 'The database is busy. Try again in a moment.', {
    headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
  });
}

/**
 * The security headers of the API's answers (the docs, the feed and mail previews, which are
 * documents, differ below and keep Hono's whole set). Those OWASP's REST Security Cheat Sheet
 * asks of every API response (CSP frame-ancestors, HSTS, nosniff, X-Frame-Options), with CSP
 * default-src 'none', Referrer-Policy and CORP as defence in depth; not the ones that act only
 * on an HTML document or on retired browsers and plug-ins, which every status poll would
 * otherwise carry (docs/decisions/216).
 */
export const API_SECURITY_HEADERS = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  crossOriginResourcePolicy: 'same-site',
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

/**
 * The portal's HTTP app. Everything with a side effect comes in through `deps`, so tests
 * build one app per test and call `app.request()`.
 */
export function createApp(deps: {
  db: Database;
  clock: Clock;
  config: AppConfig;
  /** The request log; without one, only faults are logged, through console.error. */
  logger?: Logger;
  /** How webhook hosts are resolved; the system resolver when absent. */
  resolveHost?: HostResolver;
  /** Where tests hold a statement run (api/services/statement-runs.ts). */
  statementRunHooks?: RunHooks;
}) {
  const app = createRouter();
  const { logger, ...rest } = deps;
  const fullDeps: Deps = rest;

  const log = logger ?? faultsToConsole();
  // First: a cached public status (or its 304) is sent before anything below runs.
  app.use(
    '*',
    createStatusFastPath({ deps: fullDeps, logger: log, securityHeaders: API_SECURITY_HEADERS })
      .middleware,
  );
  app.use('*', requestId());
  app.use('*', requestLog(log));
  // JSON answers are compressed for clients that take it (docs/decisions/172).
  app.use('*', compressJson());
  app.use('*', async (c, next) => {
    c.set('deps', fullDeps);
    await next();
  });
  // The reference page runs swagger-ui from this origin: scripts and styles, still nothing inline.
  const docsHeaders = secureHeaders({
    contentSecurityPolicy: DOCS_CSP,
    crossOriginResourcePolicy: 'same-origin',
  });
  // A browser opening the feed applies its XSLT (a script, to CSP) and CSS from this origin.
  const feedHeaders = secureHeaders({
    contentSecurityPolicy: FEED_CSP,
    crossOriginResourcePolicy: 'same-origin',
  });
  // A message's HTML shown to staff: its own inline styles and images, nothing that runs.
  const mailPreviewHeaders = secureHeaders({
    contentSecurityPolicy: MAIL_PREVIEW_CSP,
    crossOriginResourcePolicy: 'same-origin',
  });
  const docsPrefix = `${API_PREFIX}${DOCS_PATH}`;
  const feedPath = `${API_PREFIX}/feed.atom`;
  const mailPreview = new RegExp(`^${API_PREFIX}/staff/notifications/outbox/[1-9][0-9]*/html$`);
  app.use('*', (c, next) =>
    c.req.path === docsPrefix || c.req.path.startsWith(`${docsPrefix}/`)
      ? docsHeaders(c, next)
      : c.req.path === feedPath
        ? feedHeaders(c, next)
        : mailPreview.test(c.req.path)
          ? mailPreviewHeaders(c, next)
          : API_SECURITY_HEADERS(c, next),
  );

  app.onError((error, c) => {
    // The one place a domain failure becomes a status (docs/decisions/187).
    const apiError =
      error instanceof ApiError
        ? error
        : error instanceof DomainError
          ? apiErrorOf(error)
          : error instanceof HTTPException
            ? mapHttpException(error)
            : isBusyError(error)
              ? databaseBusy()
              : null;
    if (apiError === null) {
      // A real fault: the request log keeps the detail (requestLog), the client gets only
      // the request id.
      return c.json(
        errorBody(new ApiError('INTERNAL', 'Something went wrong on our side.'), c.var.requestId),
        500,
      );
    }
    for (const [name, value] of Object.entries(apiError.headers ?? {})) c.header(name, value);
    return c.json(errorBody(apiError, c.var.requestId), apiError.status);
  });

  app.notFound((c) =>
    c.json(errorBody(new ApiError('NOT_FOUND', 'No such resource.'), c.var.requestId), 404),
  );

  registerHealth(app);

  const api = createRouter();
  const tooLarge = () => {
    throw new ApiError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
  };
  const limitOf = (maxSize: number) => bodyLimit({ maxSize, onError: tooLarge });
  const defaultLimit = limitOf(deps.config.bodyLimitBytes);
  const evaluateLimit = limitOf(deps.config.evaluateBodyLimitBytes);
  const anonymousEvaluateLimit = limitOf(deps.config.evaluateAnonymousBodyLimitBytes);
  // Evaluation cases may carry thousands of windows or requests.
  const evaluatePaths = new Set([
    `${API_PREFIX}/sla/evaluate`,
    `${API_PREFIX}${EVALUATE_RESPONSE_PATH}`,
  ]);
  // A logo comes as base64 in JSON, over the default limit.
  const logoLimit = bodyLimit({ maxSize: LOGO_BODY_LIMIT_BYTES, onError: tooLarge });
  const logoPath = `${API_PREFIX}/staff/brand/logo`;
  // A batch of windows carries up to a thousand of them.
  const batchLimit = limitOf(deps.config.ingestBatchBodyLimitBytes);
  const batchPath = `${API_PREFIX}${INGEST_BATCH_PATH}`;
  api.use('*', requireJsonBody, checkOrigin, resolvePrincipal);
  // After the principal, which reads headers only: the limit depends on who is calling
  // (docs/decisions/112). The body is read later, through the limit, so never unbounded.
  api.use('*', (c, next) => {
    // A GET or HEAD has no body to limit; checking would build the whole request object.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (c.req.path === logoPath) return logoLimit(c, next);
    if (c.req.path === batchPath) return batchLimit(c, next);
    if (!evaluatePaths.has(c.req.path)) return defaultLimit(c, next);
    return c.var.principal.kind === 'anonymous'
      ? anonymousEvaluateLimit(c, next)
      : evaluateLimit(c, next);
  });
  api.use('*', async (c, next) => {
    await next();
    // Customer and staff data must never sit in a shared cache.
    if (!c.res.headers.has('cache-control')) c.header('Cache-Control', 'private, no-store');
  });
  for (const register of ROUTE_MODULES) register(api);

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Status and SLA-credits portal API',
      version: '1',
      description: [
        'Public status, customer availability against SLA targets, credit claims and their review.',
        '',
        'From a terminal, sign in once and keep the session in a cookie jar; signed-in writes ' +
          'must also name the portal (its origin, `PORTAL_ORIGIN`), or they are refused with 403:',
        '',
        '    curl -c cookies.txt -H "Origin: https://status.example.com" \\',
        '      -H "Content-Type: application/json" \\',
        '      -d \'{"email":"you@example.com","password":"…"}\' https://status.example.com/api/v1/auth/login',
        '    curl -b cookies.txt -c cookies.txt -H "Origin: https://status.example.com" …',
        '',
        'The curl command this reference shows after “Execute” carries both already. ' +
          'Monitors and scripts use an API key instead: `Authorization: Bearer <key>`.',
      ].join('\n'),
    },
    servers: [{ url: API_PREFIX }],
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'portal_session',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
  });

  app.route(API_PREFIX, api);
  return app;
}

export type App = ReturnType<typeof createApp>;
export type { AppEnv };
