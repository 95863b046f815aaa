import { IncidentCards } from '../../components/IncidentCard.tsx';
import { MaintenanceCard } from '../../components/MaintenanceCard.tsx';
import type { StatusDocument } from './use-live-status.ts';

/** The incidents still open, as cards; nothing when there are none. */
export function ActiveIncidents(props: {
  incidents: StatusDocument['activeIncidents'];
  nameOf: (slug: string) => string;
  timeZone: string;
}) {
  if (props.incidents.length === 0) return null;
  return (
    <section aria-labelledby="active-incidents">
      <h2 id="active-incidents">Active incidents</h2>
      <IncidentCards incidents={props.incidents} nameOf={props.nameOf} timeZone={props.timeZone} />
    </section>
  );
}

/** Maintenance in progress, then upcoming, as cards; nothing when there is none. */
export function MaintenanceNow(props: {
  maintenance: StatusDocument['maintenance'];
  names: (slugs: string[]) => string;
  timeZone: string;
}) {
  const { active, upcoming } = props.maintenance;
  if (active.length === 0 && upcoming.length === 0) return null;
  return (
    <section aria-labelledby="maintenance-now">
      <h2 id="maintenance-now">
        {active.length > 0 ? 'Maintenance in progress and upcoming' : 'Upcoming maintenance'}
      </h2>
      <ul class="cards">
        {[...active, ...upcoming].map((item) => (
          <MaintenanceCard
            item={item}
            names={props.names}
            timeZone={props.timeZone}
            key={item.id}
          />
        ))}
      </ul>
    </section>
  );
}
