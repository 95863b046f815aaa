import type { ComponentChildren } from 'preact';
import { Banner } from './status/Banner.tsx';
import { ActiveIncidents, MaintenanceNow } from './status/Notices.tsx';
import { ServiceGroups } from './status/Services.tsx';
import { type StatusDocument, useLiveStatus, useShownZone } from './status/use-live-status.ts';

export { POLL_INTERVAL_MS } from './status/use-live-status.ts';

/**
 * The live part of `/`: banner, active incidents, maintenance and each component's state.
 * Rendered at build time (complete without JavaScript), then kept current from
 * GET /api/v1/status (useLiveStatus). The 90-day bars are static HTML handed in as slots
 * (`bar0`, `bar1`, … in `barSlots` order), which this component places and never re-renders.
 */

interface Props {
  initial: StatusDocument;
  /** Service slug → the name of the slot holding its 90-day bar. */
  barSlots: Record<string, string>;
  /** What the bars' colours mean (static HTML). */
  legend?: unknown;
  [slot: string]: unknown;
}

export default function LiveStatus(props: Props) {
  const { status, live } = useLiveStatus(props.initial);
  const timeZone = useShownZone();
  const names = new Map(status.services.map((service) => [service.slug, service.name]));
  const nameOf = (slug: string) => names.get(slug) ?? slug;
  const barOf = (slug: string) => {
    const slot = props.barSlots[slug];
    return slot ? (props[slot] as ComponentChildren) : null;
  };
  return (
    <div
      class="live"
      data-live={'failedSince' in live ? 'failed' : 'checkedAt' in live ? 'ok' : 'idle'}
    >
      <Banner status={status} live={live} timeZone={timeZone} />
      <ActiveIncidents incidents={status.activeIncidents} nameOf={nameOf} timeZone={timeZone} />
      <MaintenanceNow
        maintenance={status.maintenance}
        names={(slugs) => slugs.map(nameOf).join(', ')}
        timeZone={timeZone}
      />
      <section aria-labelledby="components">
        <h2 id="components">Components</h2>
        {props.legend as ComponentChildren}
        <ServiceGroups status={status} barOf={barOf} timeZone={timeZone} />
      </section>
    </div>
  );
}
