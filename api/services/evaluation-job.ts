import type { ErrorIssue } from '../domain-errors.ts';
import {
  evaluateCase,
  evaluateResponseCase,
  parseEvaluationRequest,
  parseResponseRequest,
  type RequestProblem,
} from '../sla/index.ts';

/**
 * One public evaluation as plain data in and out, so that it runs the same on the event
 * loop (small bodies) and in a worker thread (large ones, api/services/evaluate-pool.ts):
 * reading the JSON, validating it and evaluating it are all the work there is.
 */
export type EvaluationKind = 'availability' | 'response';

export interface EvaluationJob {
  kind: EvaluationKind;
  /** The request body as received. */
  body: string;
  /** Availability only: add figures per local day. */
  includeDays: boolean;
}

export type EvaluationOutcome =
  | { ok: true; json: string }
  | { ok: false; code: 'MALFORMED_JSON' }
  | { ok: false; code: 'INVALID_INPUT'; issues: ErrorIssue[] };

/** The engine's problems as the error shape's issues: `1.policy.targetPercent`. */
function issuesOf(problems: readonly RequestProblem[]): ErrorIssue[] {
  return problems.map((problem) => ({
    path: [problem.caseIndex, problem.path]
      .filter((part) => part !== undefined && part !== '')
      .join('.'),
    message: problem.message,
  }));
}

export function runEvaluationJob(job: EvaluationJob): EvaluationOutcome {
  let input: unknown;
  try {
    input = JSON.parse(job.body);
  } catch {
    return { ok: false, code: 'MALFORMED_JSON' };
  }
  if (job.kind === 'availability') {
    const parsed = parseEvaluationRequest(input);
    if (!parsed.ok) return { ok: false, code: 'INVALID_INPUT', issues: issuesOf(parsed.problems) };
    const results = parsed.cases.map((item) =>
      evaluateCase(item, { includeDays: job.includeDays }),
    );
    return { ok: true, json: JSON.stringify(parsed.isArray ? results : results[0]) };
  }
  const parsed = parseResponseRequest(input);
  if (!parsed.ok) return { ok: false, code: 'INVALID_INPUT', issues: issuesOf(parsed.problems) };
  const results = parsed.cases.map(evaluateResponseCase);
  return { ok: true, json: JSON.stringify(parsed.isArray ? results : results[0]) };
}
