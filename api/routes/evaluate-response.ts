import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import { countEvaluation } from '../services/evaluate-limit.ts';
import {
  evaluateResponseCase,
  parseResponseRequest,
  responseRequestSchema,
  responseResultSchema,
} from '../sla/index.ts';

export const EVALUATE_RESPONSE_PATH = '/sla/evaluate-response';

const evaluateResponse = defineRoute('public', {
  method: 'post',
  path: EVALUATE_RESPONSE_PATH,
  tags: ['SLA engine'],
  summary: 'Evaluate response times of one case, or an array of cases (sla-response.md §4)',
  description:
    'Takes and returns the same documents as `sla response`: a case gives a result, an array of cases gives an array of results in the same order. `asOf` is the case’s own (default: the period’s end). One invalid case fails the whole call; issues name the case index and field. Limited per client address, together with `POST /sla/evaluate`.',
  request: { body: jsonBody(responseRequestSchema) },
  responses: {
    200: jsonContent(
      z.union([responseResultSchema, z.array(responseResultSchema)]),
      'The response-time evaluation document(s)',
    ),
    ...errorResponses(400, 413, 415, 429),
  },
});

/** Counted before validation, in the same budget as `POST /sla/evaluate`. */
const limitPerAddress: MiddlewareHandler<AppEnv> = async (c, next) => {
  await countEvaluation(c.var.deps, c.var.clientAddress);
  await next();
};

export function registerEvaluateResponse(api: ApiApp): void {
  api.on('POST', EVALUATE_RESPONSE_PATH, limitPerAddress);
  api.openapi(
    evaluateResponse,
    (c) => {
      const input = c.req.valid('json');
      return c.json(
        Array.isArray(input) ? input.map(evaluateResponseCase) : evaluateResponseCase(input),
        200,
      );
    },
    (result) => {
      if (result.success || result.target !== 'json') return;
      // Re-read with the engine's parser, which names the case index of an array.
      // @hono/zod-validator hands the hook the raw input too; its types leave it out.
      const parsed = parseResponseRequest((result as { data?: unknown }).data);
      const issues = parsed.ok
        ? []
        : parsed.problems.map((problem) => ({
            path: [problem.caseIndex, problem.path]
              .filter((part) => part !== undefined && part !== '')
              .join('.'),
            message: problem.message,
          }));
      throw new ApiError('INVALID_INPUT', 'The evaluation case is not valid.', { issues });
    },
  );
}
