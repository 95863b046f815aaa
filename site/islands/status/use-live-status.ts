import { useEffect, useState } from 'preact/hooks';
import type { components } from '../../lib/api-client.ts';
import { onZoneChange, shownZone } from '../../lib/time-zone-choice.ts';

export type StatusDocument = components['schemas']['Status'];

/** How often the open page asks for the status; the API caches it for 10 s anyway. */
export const POLL_INTERVAL_MS = 20_000;

/** Not asked yet, last answered at `checkedAt`, or unanswered since `failedSince`. */
export type Live = { idle: true } | { checkedAt: number } | { failedSince: number };

/**
 * The status document, kept current from GET /api/v1/status with conditional requests
 * (a 304 keeps the document and confirms it), paused while the tab is hidden and asked
 * again as it shows.
 */
export function useLiveStatus(initial: StatusDocument): { status: StatusDocument; live: Live } {
  const [status, setStatus] = useState(initial);
  const [live, setLive] = useState<Live>({ idle: true });
  useEffect(() => {
    let etag: string | null = null;
    let inFlight = false;
    const poll = async () => {
      if (document.hidden || inFlight) return;
      inFlight = true;
      try {
        const response = await fetch('/api/v1/status', {
          headers: etag ? { 'If-None-Match': etag } : {},
          cache: 'no-store',
        });
        if (response.status === 200) {
          etag = response.headers.get('ETag');
          setStatus((await response.json()) as StatusDocument);
        } else if (response.status !== 304) {
          throw new Error(`status ${response.status}`);
        }
        setLive({ checkedAt: Date.now() });
      } catch {
        setLive((previous) => ('failedSince' in previous ? previous : { failedSince: Date.now() }));
      } finally {
        inFlight = false;
      }
    };
    const onVisibility = () => {
      if (!document.hidden) void poll();
    };
    void poll();
    const timer = setInterval(poll, POLL_INTERVAL_MS);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
  return { status, live };
}

/**
 * The zone the page shows its times in: UTC as built (so hydration matches the static
 * HTML), then the visitor's choice (site/lib/time-zone-choice.ts), following its changes.
 */
export function useShownZone(): string {
  const [timeZone, setTimeZone] = useState('UTC');
  useEffect(() => {
    setTimeZone(shownZone());
    return onZoneChange(setTimeZone);
  }, []);
  return timeZone;
}
