import { Time } from '../../components/Time.tsx';
import type { Live, StatusDocument } from './use-live-status.ts';

/** The overall state, and how current it is (or since when live updates fail). */
export function Banner(props: { status: StatusDocument; live: Live; timeZone: string }) {
  const { status, live, timeZone } = props;
  // A 304 confirms the status is unchanged: it is then as of that check.
  const asOf = 'checkedAt' in live ? live.checkedAt : Date.parse(status.generatedAt);
  return (
    <section class={`banner banner-${status.overall.state}`} aria-labelledby="overall">
      <h1 id="overall">{status.overall.description}</h1>
      <p class="as-of">
        {'failedSince' in live ? (
          <span class="live-failed" role="status">
            Live updates unavailable since{' '}
            <Time at={live.failedSince} format="time" timeZone={timeZone} />; showing the status as
            of <Time at={status.generatedAt} format="time" timeZone={timeZone} />.
          </span>
        ) : (
          <span>
            Status as of <Time at={asOf} format="time" timeZone={timeZone} />
          </span>
        )}
      </p>
    </section>
  );
}
