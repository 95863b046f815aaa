import type { Context, MiddlewareHandler } from 'hono';
import { authorize } from '../auth/middleware.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import {
  type ApiApp,
  defineRoute,
  errorResponses,
  jsonBody,
  jsonContent,
  queryValues,
  rejectInvalid,
  z,
} from '../openapi.ts';
import { countEvaluation } from '../services/evaluate-limit.ts';
import { evaluate as runEvaluation } from '../services/evaluate-pool.ts';
import type { EvaluationOutcome } from '../services/evaluation-job.ts';
import { evaluationRequestSchema, evaluationResultSchema } from '../sla/index.ts';

const EVALUATE_PATH = '/sla/evaluate';

const EvaluateQuery = z.strictObject({
  days: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'true: add figures per local day (`days`)' }),
});

/** The outcome of an evaluation as the HTTP answer: its JSON, or the shared error shape. */
export function answerEvaluation<E extends AppEnv>(
  c: Context<E>,
  outcome: EvaluationOutcome,
): Response {
  if (outcome.ok) {
    return c.body(outcome.json, 200, { 'Content-Type': 'application/json' });
  }
  if (outcome.code === 'MALFORMED_JSON') {
    throw new ApiError('MALFORMED_JSON', 'The request body is not valid JSON.');
  }
  throw new ApiError('INVALID_INPUT', 'The evaluation case is not valid.', {
    issues: outcome.issues,
  });
}

/**
 * The query is checked first, and an invalid one answers 400 without counting. A call with
 * a valid query counts before its body is read, valid or not: parsing a large invalid body
 * costs as much as a valid one (docs/decisions/081-validation-errors-and-the-evaluate-limit.md).
 */
const limitPerCaller: MiddlewareHandler<AppEnv> = async (c, next) => {
  rejectInvalid(EvaluateQuery.safeParse(queryValues(c)));
  await countEvaluation(c.var.deps, c.var.principal, c.var.clientAddress);
  await next();
};

const evaluate = defineRoute('public', {
  method: 'post',
  path: EVALUATE_PATH,
  tags: ['SLA engine'],
  summary: 'Evaluate one case, or an array of cases (sla-accounting.md §5)',
  description:
    'Takes and returns the same documents as `sla evaluate`: a case gives a result, an array of cases gives an array of results in the same order. One invalid case fails the whole call; issues name the case index and field. Limited per caller: anonymous calls per client address, with a smaller body (256 KiB) and fewer calls a minute than signed-in people and API keys (4 MiB). A call counts once its query is valid (an invalid query answers 400 and costs nothing), whether or not its body is. 503 with Retry-After when too many large evaluations are waiting.',
  request: { query: EvaluateQuery, body: jsonBody(evaluationRequestSchema) },
  responses: {
    200: jsonContent(
      z.union([evaluationResultSchema, z.array(evaluationResultSchema)]),
      'The evaluation document(s)',
    ),
    ...errorResponses(400, 413, 415, 429, 503),
  },
});

/**
 * The evaluation routes are documented with their body schema but never validated by the
 * router: large bodies are read, validated and evaluated in a worker thread
 * (api/services/evaluate-pool.ts), where the router's validator would block the event loop.
 */
export function registerEvaluate(api: ApiApp): void {
  // As api.openapi() does: the route's middleware is not part of the document.
  const { middleware: _, ...documented } = evaluate;
  api.openAPIRegistry.registerPath(documented);
  api.post(EVALUATE_PATH, authorize('public'), limitPerCaller, async (c) => {
    const outcome = await runEvaluation(c.var.deps, {
      kind: 'availability',
      body: await c.req.text(),
      // limitPerCaller has validated the query.
      includeDays: c.req.query('days') === 'true',
    });
    return answerEvaluation(c, outcome);
  });
}
