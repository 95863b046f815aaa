import { apiClient, call, definedOnly } from '../../../lib/api-client.ts';
import { ADMIN, oneOf, type Service, type ServiceGroup } from './api.ts';
import { ActiveTag, AdminPage, RecordList, Utc } from './shared.tsx';

/** `/staff/admin/services/`: the services the status page and agreements name, and their groups. */
export default function ServicesApp() {
  return <AdminPage title="Services">{() => <Services />}</AdminPage>;
}

const SORTS = ['order', 'name', '-name', 'slug', '-created'] as const;

function Services() {
  return (
    <>
      <div class="page-head">
        <h1>Services</h1>
        <a class="button" href={ADMIN.newService}>
          New service
        </a>
      </div>
      <RecordList<Service>
        label="Services"
        search={{ label: 'Find a service', hint: 'Any part of the slug or the name.' }}
        sorts={[
          { value: 'order', label: 'Display order' },
          { value: 'name', label: 'Name, A to Z' },
          { value: '-name', label: 'Name, Z to A' },
          { value: 'slug', label: 'Slug, A to Z' },
          { value: '-created', label: 'Newest first' },
        ]}
        filter={{
          label: 'Show',
          choices: [
            { value: 'all', label: 'Active and deactivated' },
            { value: 'true', label: 'Active only' },
            { value: 'false', label: 'Deactivated only' },
          ],
        }}
        columns={[
          { header: 'Name', cell: (row) => <a href={ADMIN.service(row.id)}>{row.name}</a> },
          { header: 'Slug', cell: (row) => <code>{row.slug}</code> },
          {
            header: 'Group',
            cell: (row) =>
              row.group === null ? '—' : <a href={ADMIN.group(row.group.id)}>{row.group.name}</a>,
          },
          { header: 'Monitored since', cell: (row) => <Utc at={row.monitoredSince} /> },
          { header: 'Order', cell: (row) => row.sortOrder, number: true },
          { header: 'Status', cell: (row) => <ActiveTag active={row.active} /> },
        ]}
        empty={
          <>
            No services yet. <a href={ADMIN.newService}>Add the first one</a>.
          </>
        }
        load={(query, signal) =>
          call(
            apiClient.GET('/staff/services', {
              params: {
                query: definedOnly({
                  limit: query.limit,
                  cursor: query.cursor,
                  q: query.q,
                  sort: oneOf(query.sort, SORTS),
                  active: oneOf(query.filter, ['true', 'false'] as const),
                }),
              },
              signal,
            }),
          )
        }
      />
      <div class="page-head">
        <h2>Groups</h2>
        <a class="button secondary-link" href={ADMIN.newGroup}>
          New group
        </a>
      </div>
      <RecordList<ServiceGroup>
        label="Service groups"
        param="groups-"
        columns={[
          { header: 'Name', cell: (row) => <a href={ADMIN.group(row.id)}>{row.name}</a> },
          { header: 'Slug', cell: (row) => <code>{row.slug}</code> },
          { header: 'Order', cell: (row) => row.sortOrder, number: true },
          { header: 'Status', cell: (row) => <ActiveTag active={row.active} /> },
        ]}
        empty="No groups: services without a group stand on their own on the status page."
        load={(query, signal) =>
          call(
            apiClient.GET('/staff/service-groups', {
              params: { query: definedOnly({ limit: query.limit, cursor: query.cursor }) },
              signal,
            }),
          )
        }
      />
    </>
  );
}
