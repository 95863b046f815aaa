import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, isAbort } from '../../lib/client.ts';

export interface ApiQuery<T> {
  /** The latest answer; kept while a reload is on its way, so a table does not flash. */
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  /** Asks again (after a write, say). */
  reload: () => void;
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'CLIENT', error instanceof Error ? error.message : String(error));
}

/**
 * One read of the API for an island: starts when `deps` change, aborts the previous read
 * (so a slow old answer never replaces a newer one), and turns every failure into an
 * ApiError. `load` gets the abort signal to hand to the client.
 *
 *   const services = useApiQuery((signal) =>
 *     call(apiClient.GET('/staff/services', { signal })), []);
 */
export function useApiQuery<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
): ApiQuery<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  // The caller names what the read depends on (`deps`); `load` is a new closure every render.
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(controller.signal)
      .then((answer) => {
        setData(answer);
        setLoading(false);
      })
      .catch((caught: unknown) => {
        if (isAbort(caught)) return;
        setError(asApiError(caught));
        setLoading(false);
      });
    return () => controller.abort();
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload };
}
