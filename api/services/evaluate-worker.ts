// The worker thread of api/services/evaluate-pool.ts: piscina calls the default export with
// each job. Only the pure engine is loaded here: no database, no clock, no configuration.
import { type EvaluationJob, type EvaluationOutcome, runEvaluationJob } from './evaluation-job.ts';

export default function evaluate(job: EvaluationJob): EvaluationOutcome {
  return runEvaluationJob(job);
}
