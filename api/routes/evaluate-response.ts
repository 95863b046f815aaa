import type { MiddlewareHandler } from 'hono';
import { authorize } from '../auth/middleware.ts';
import type { AppEnv } from '../context.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import { countEvaluation } from '../services/evaluate-limit.ts';
import { evaluate as runEvaluation } from '../services/evaluate-pool.ts';
import { responseRequestSchema, responseResultSchema } from '../sla/index.ts';
import { answerEvaluation } from './evaluate.ts';

export const EVALUATE_RESPONSE_PATH = '/sla/evaluate-response';

const evaluateResponse = defineRoute('public', {
  method: 'post',
  path: EVALUATE_RESPONSE_PATH,
  tags: ['SLA engine'],
  summary: 'Evaluate response times of one case, or an array of cases (sla-response.md §4)',
  description:
    'Takes and returns the same documents as `sla response`: a case gives a result, an array of cases gives an array of results in the same order. `asOf` is the case’s own (default: the period’s end). One invalid case fails the whole call; issues name the case index and field. Limited per caller together with `POST /sla/evaluate`, with the same body limits.',
  request: { body: jsonBody(responseRequestSchema) },
  responses: {
    200: jsonContent(
      z.union([responseResultSchema, z.array(responseResultSchema)]),
      'The response-time evaluation document(s)',
    ),
    ...errorResponses(400, 413, 415, 429, 503),
  },
});

/** Counted before the body is read, in the same budget as `POST /sla/evaluate`. */
const limitPerCaller: MiddlewareHandler<AppEnv> = async (c, next) => {
  await countEvaluation(c.var.deps, c.var.principal, c.var.clientAddress);
  await next();
};

/** Documented with its body schema, validated in the evaluation (see registerEvaluate). */
export function registerEvaluateResponse(api: ApiApp): void {
  // As api.openapi() does: the route's middleware is not part of the document.
  const { middleware: _, ...documented } = evaluateResponse;
  api.openAPIRegistry.registerPath(documented);
  api.post(EVALUATE_RESPONSE_PATH, authorize('public'), limitPerCaller, async (c) => {
    const outcome = await runEvaluation(c.var.deps, {
      kind: 'response',
      body: await c.req.text(),
      includeDays: false,
    });
    return answerEvaluation(c, outcome);
  });
}
