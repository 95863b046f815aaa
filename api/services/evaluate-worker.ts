// The worker thread of api/services/evaluate-pool.ts: piscina calls the default export with
// each job. Only the pure engine is loaded here: no database, no clock, no configuration.
// The API's validation messages in words, exactly as on the main thread: same answers either way.
import '../validation-messages.ts';
import { type EvaluationJob, type EvaluationOutcome, runEvaluationJob } from './evaluation-job.ts';

export default function evaluate(job: EvaluationJob): EvaluationOutcome {
  return runEvaluationJob(job);
}
