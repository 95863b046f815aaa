import type { ComponentChildren } from 'preact';
import { Time } from '../../components/Time.tsx';
import { SERVICE_STATE_LABELS } from '../../lib/labels.ts';
import type { StatusDocument } from './use-live-status.ts';

type Service = StatusDocument['services'][number];
type Incident = StatusDocument['activeIncidents'][number];

/** Services by group, in the order the status lists them; ungrouped ones under "Other services". */
export function groupServices(services: Service[]): { name: string; services: Service[] }[] {
  const groups: { name: string; services: Service[] }[] = [];
  for (const service of services) {
    const name = service.group?.name ?? 'Other services';
    const group = groups.find((candidate) => candidate.name === name);
    if (group) group.services.push(service);
    else groups.push({ name, services: [service] });
  }
  return groups;
}

/** A service's state and, unless it is operational, since when. */
function ServiceState(props: { service: Service; timeZone: string }) {
  const { service } = props;
  return (
    <span class={`state state-${service.state}`}>
      {SERVICE_STATE_LABELS[service.state]}
      {service.since && (
        <span class="since">
          {' '}
          since <Time at={service.since} timeZone={props.timeZone} />
        </span>
      )}
    </span>
  );
}

/** Links to the open incidents that affect one service; nothing when there are none. */
function ServiceIncidents(props: { incidents: Incident[] }) {
  const { incidents } = props;
  if (incidents.length === 0) return null;
  return (
    <p class="service-incidents">
      {incidents.length === 1 ? 'Active incident: ' : 'Active incidents: '}
      {incidents.map((incident, index) => (
        <span key={incident.id}>
          {index > 0 && '; '}
          <a href={`/incidents/${incident.id}/`}>{incident.title}</a>
        </span>
      ))}
    </p>
  );
}

/** One service: name, description, state, its open incidents, then its 90-day bar. */
function ServiceRow(props: {
  service: Service;
  incidents: Incident[];
  bar: ComponentChildren;
  timeZone: string;
}) {
  const { service } = props;
  return (
    <li class="service">
      <div class="service-head">
        <div>
          <h4 class="service-name">{service.name}</h4>
          {service.description && <p class="service-description">{service.description}</p>}
        </div>
        <ServiceState service={service} timeZone={props.timeZone} />
      </div>
      <ServiceIncidents incidents={props.incidents} />
      {props.bar}
    </li>
  );
}

/**
 * Every service by group, each with its static 90-day bar (`barOf`, the island's slot for
 * the slug, placed and never re-rendered).
 */
export function ServiceGroups(props: {
  status: StatusDocument;
  barOf: (slug: string) => ComponentChildren;
  timeZone: string;
}) {
  const { status } = props;
  return (
    <>
      {groupServices(status.services).map((group) => (
        <section class="group" key={group.name} aria-label={group.name}>
          <h3>{group.name}</h3>
          <ul class="services">
            {group.services.map((service) => (
              <ServiceRow
                key={service.slug}
                service={service}
                incidents={status.activeIncidents.filter((incident) =>
                  incident.services.includes(service.slug),
                )}
                bar={props.barOf(service.slug)}
                timeZone={props.timeZone}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
