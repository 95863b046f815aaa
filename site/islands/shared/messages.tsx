import { useEffect, useRef } from 'preact/hooks';
import { ApiError } from '../../lib/client.ts';
import { pageBrand } from './page-brand.ts';

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'CLIENT', error instanceof Error ? error.message : String(error));
}

/** An API error in words, with its field problems and the request id support can look up. */
export function ErrorMessage(props: { error: ApiError; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.focus) ref.current?.focus();
  }, [props.error, props.focus]);
  const { error } = props;
  return (
    <div class="alert" role="alert" tabIndex={-1} ref={ref}>
      <p>{error.message}</p>
      {error.issues.length > 0 && (
        <ul>
          {error.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path ? `${issue.path}: ` : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      {error.requestId && <p class="meta">Reference for support: {error.requestId}</p>}
      {(error.status === 0 || error.status >= 500) && <SupportLine />}
    </div>
  );
}
/** "If this goes on, contact support", when the brand names a support contact. */
function SupportLine() {
  const { support } = pageBrand();
  if (support === null) return null;
  return (
    <p class="meta">
      If this goes on, contact support: <a href={support.href}>{support.label}</a>
    </p>
  );
}

export function Loading(props: { what: string }) {
  return (
    <p class="loading" role="status">
      {props.what}…
    </p>
  );
}
