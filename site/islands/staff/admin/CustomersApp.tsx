import { apiClient, call, definedOnly } from '../../../lib/api-client.ts';
import { ADMIN, type Customer, oneOf } from './api.ts';
import { ActiveTag, AdminPage, RecordList, Utc } from './shared.tsx';

/** `/staff/admin/customers/`: every customer, found by name, sorted, in pages. */
export default function CustomersApp() {
  return <AdminPage title="Customers">{() => <Customers />}</AdminPage>;
}

const SORTS = ['name', '-name', '-created', 'created'] as const;

function Customers() {
  return (
    <>
      <div class="page-head">
        <h1>Customers</h1>
        <a class="button" href={ADMIN.newCustomer}>
          New customer
        </a>
      </div>
      <RecordList<Customer>
        label="Customers"
        search={{ label: 'Find a customer', hint: 'Any part of the name.' }}
        sorts={[
          { value: 'name', label: 'Name, A to Z' },
          { value: '-name', label: 'Name, Z to A' },
          { value: '-created', label: 'Newest first' },
          { value: 'created', label: 'Oldest first' },
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
          {
            header: 'Name',
            cell: (row) => <a href={ADMIN.customer(row.id)}>{row.name}</a>,
          },
          { header: 'Time zone', cell: (row) => row.timeZone },
          { header: 'Status', cell: (row) => <ActiveTag active={row.active} /> },
          { header: 'Added', cell: (row) => <Utc at={row.createdAt} /> },
        ]}
        empty={
          <>
            No customers yet. <a href={ADMIN.newCustomer}>Add the first one</a>.
          </>
        }
        load={(query, signal) =>
          call(
            apiClient.GET('/staff/customers', {
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
    </>
  );
}
