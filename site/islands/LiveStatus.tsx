import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { IncidentCard } from '../components/IncidentCard.tsx';
import { MaintenanceCard } from '../components/MaintenanceCard.tsx';
import { Time } from '../components/Time.tsx';
import type { components } from '../lib/api-client.ts';
import { SERVICE_STATE_LABELS } from '../lib/labels.ts';
import { onZoneChange, shownZone } from '../lib/time-zone-choice.ts';

type StatusDocument = components['schemas']['Status'];

/**
 * The live part of `/`: banner, active incidents, maintenance and each component's state.
 * Rendered at build time (complete without JavaScript), then kept current from
 * GET /api/v1/status with conditional requests, paused while the tab is hidden. The 90-day
 * bars are static HTML handed in as slots (`bar0`, `bar1`, … in `barSlots` order), which
 * this component places and never re-renders.
 */

/** How often the open page asks for the status; the API caches it for 10 s anyway. */
export const POLL_INTERVAL_MS = 20_000;

interface Props {
  initial: StatusDocument;
  /** Service slug → the name of the slot holding its 90-day bar. */
  barSlots: Record<string, string>;
  /** What the bars' colours mean (static HTML). */
  legend?: unknown;
  [slot: string]: unknown;
}

type Live = { idle: true } | { checkedAt: number } | { failedSince: number };

/**
 * The zone the page shows its times in: UTC as built (so hydration matches the static
 * HTML), then the visitor's choice (site/lib/time-zone-choice.ts), following its changes.
 */
function useShownZone(): string {
  const [timeZone, setTimeZone] = useState('UTC');
  useEffect(() => {
    setTimeZone(shownZone());
    return onZoneChange(setTimeZone);
  }, []);
  return timeZone;
}

export default function LiveStatus(props: Props) {
  const [status, setStatus] = useState(props.initial);
  const [live, setLive] = useState<Live>({ idle: true });
  const timeZone = useShownZone();

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

  const names = new Map(status.services.map((service) => [service.slug, service.name]));
  const nameOf = (slug: string) => names.get(slug) ?? slug;
  const serviceNames = (slugs: string[]) => slugs.map(nameOf).join(', ');
  const groups: { name: string; services: StatusDocument['services'] }[] = [];
  for (const service of status.services) {
    const name = service.group?.name ?? 'Other services';
    const group = groups.find((candidate) => candidate.name === name);
    if (group) group.services.push(service);
    else groups.push({ name, services: [service] });
  }
  const { active, upcoming } = status.maintenance;
  // A 304 confirms the status is unchanged: it is then as of that check.
  const asOf = 'checkedAt' in live ? live.checkedAt : Date.parse(status.generatedAt);

  return (
    <div
      class="live"
      data-live={'failedSince' in live ? 'failed' : 'checkedAt' in live ? 'ok' : 'idle'}
    >
      <section class={`banner banner-${status.overall.state}`} aria-labelledby="overall">
        <h1 id="overall">{status.overall.description}</h1>
        <p class="as-of">
          {'failedSince' in live ? (
            <span class="live-failed" role="status">
              Live updates unavailable since{' '}
              <Time at={live.failedSince} format="time" timeZone={timeZone} />; showing the status
              as of <Time at={status.generatedAt} format="time" timeZone={timeZone} />.
            </span>
          ) : (
            <span>
              Status as of <Time at={asOf} format="time" timeZone={timeZone} />
            </span>
          )}
        </p>
      </section>

      {status.activeIncidents.length > 0 && (
        <section aria-labelledby="active-incidents">
          <h2 id="active-incidents">Active incidents</h2>
          <ul class="cards">
            {status.activeIncidents.map((incident) => (
              <IncidentCard
                incident={incident}
                nameOf={nameOf}
                timeZone={timeZone}
                key={incident.id}
              />
            ))}
          </ul>
        </section>
      )}

      {(active.length > 0 || upcoming.length > 0) && (
        <section aria-labelledby="maintenance-now">
          <h2 id="maintenance-now">
            {active.length > 0 ? 'Maintenance in progress and upcoming' : 'Upcoming maintenance'}
          </h2>
          <ul class="cards">
            {[...active, ...upcoming].map((item) => (
              <MaintenanceCard item={item} names={serviceNames} timeZone={timeZone} key={item.id} />
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="components">
        <h2 id="components">Components</h2>
        {props.legend as ComponentChildren}
        {groups.map((group) => (
          <section class="group" key={group.name} aria-label={group.name}>
            <h3>{group.name}</h3>
            <ul class="services">
              {group.services.map((service) => {
                const slot = props.barSlots[service.slug];
                const incidents = status.activeIncidents.filter((incident) =>
                  incident.services.includes(service.slug),
                );
                return (
                  <li class="service" key={service.slug}>
                    <div class="service-head">
                      <div>
                        <h4 class="service-name">{service.name}</h4>
                        {service.description && (
                          <p class="service-description">{service.description}</p>
                        )}
                      </div>
                      <span class={`state state-${service.state}`}>
                        {SERVICE_STATE_LABELS[service.state]}
                        {service.since && (
                          <span class="since">
                            {' '}
                            since <Time at={service.since} timeZone={timeZone} />
                          </span>
                        )}
                      </span>
                    </div>
                    {incidents.length > 0 && (
                      <p class="service-incidents">
                        {incidents.length === 1 ? 'Active incident: ' : 'Active incidents: '}
                        {incidents.map((incident, index) => (
                          <span key={incident.id}>
                            {index > 0 && '; '}
                            <a href={`/incidents/${incident.id}/`}>{incident.title}</a>
                          </span>
                        ))}
                      </p>
                    )}
                    {slot ? (props[slot] as ComponentChildren) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </section>
    </div>
  );
}
