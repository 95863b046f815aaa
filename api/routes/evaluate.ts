import type { MiddlewareHandler } from 'hono';
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
import {
  evaluateCase,
  evaluationRequestSchema,
  evaluationResultSchema,
  parseEvaluationRequest,
} from '../sla/index.ts';

const EVALUATE_PATH = '/sla/evaluate';

const EvaluateQuery = z.strictObject({
  days: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'true: add figures per local day (`days`)' }),
});

/**
 * The query is checked first, and an invalid one answers 400 without counting. A call with
 * a valid query counts before its body is read, valid or not: parsing a large invalid body
 * costs as much as a valid one (docs/decisions/081-validation-errors-and-the-evaluate-limit.md).
 */
const limitPerAddress: MiddlewareHandler<AppEnv> = async (c, next) => {
  rejectInvalid(EvaluateQuery.safeParse(queryValues(c)));
  await countEvaluation(c.var.deps, c.var.clientAddress);
  await next();
};

const evaluate = defineRoute('public', {
  method: 'post',
  path: EVALUATE_PATH,
  tags: ['SLA engine'],
  summary: 'Evaluate one case, or an array of cases (sla-accounting.md §5)',
  description:
    'Takes and returns the same documents as `sla evaluate`: a case gives a result, an array of cases gives an array of results in the same order. One invalid case fails the whole call; issues name the case index and field. Limited per client address: a call counts once its query is valid (an invalid query answers 400 and costs nothing), whether or not its body is.',
  request: { query: EvaluateQuery, body: jsonBody(evaluationRequestSchema) },
  responses: {
    200: jsonContent(
      z.union([evaluationResultSchema, z.array(evaluationResultSchema)]),
      'The evaluation document(s)',
    ),
    ...errorResponses(400, 413, 415, 429),
  },
});

export function registerEvaluate(api: ApiApp): void {
  api.on('POST', EVALUATE_PATH, limitPerAddress);
  api.openapi(
    evaluate,
    (c) => {
      const includeDays = c.req.valid('query').days === 'true';
      const input = c.req.valid('json');
      return c.json(
        Array.isArray(input)
          ? input.map((item) => evaluateCase(item, { includeDays }))
          : evaluateCase(input, { includeDays }),
        200,
      );
    },
    (result) => {
      if (result.target !== 'json') {
        rejectInvalid(result);
        return;
      }
      if (result.success) return;
      // Re-read with the engine's parser, which names the case index of an array.
      // @hono/zod-validator hands the hook the raw input too; its types leave it out.
      const parsed = parseEvaluationRequest((result as { data?: unknown }).data);
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
