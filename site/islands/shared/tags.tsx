import type { EvaluationResult } from './types.ts';

/** A claim status as a coloured tag whose text says it (colour is never the only cue). */
export function StatusTag(props: { status: string; label: string }) {
  return <span class={`status status-${props.status}`}>{props.label}</span>;
}

/** Met or missed a target, in words and colour; "No data" for a month nobody measured. */
export function MetTag(props: { met: boolean | null; status?: EvaluationResult['status'] }) {
  if (props.status === 'not-monitored') return <span class="status status-none">No data</span>;
  if (props.met === null) return <span class="status status-none">No figure</span>;
  return props.met ? (
    <span class="status status-met">Target met</span>
  ) : (
    <span class="status status-missed">Target missed</span>
  );
}
