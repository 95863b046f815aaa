import { apiClient, call, definedOnly } from '../../../lib/api-client.ts';
import { money } from '../../shared/format.ts';
import { ADMIN, type Agreement, oneOf } from './api.ts';
import { ActiveTag, AdminPage, BothZones, RecordList } from './shared.tsx';

/** `/staff/admin/agreements/`: every agreement with its customer, policy, services and term. */
export default function AgreementsApp() {
  return <AdminPage title="Agreements">{() => <Agreements />}</AdminPage>;
}

const SORTS = ['customer', '-customer', '-start', 'start', '-created'] as const;

/** What each kind of agreement is called on the administration screens. */
export const KIND_LABELS: Record<Agreement['kind'], string> = {
  customer: 'Customer SLA',
  internal: 'Internal (between our teams)',
  vendor: 'Vendor (we are its customer)',
};

/** `Acme: Standard 99.9 %`, and the kind when it is not a customer's SLA. */
export function agreementName(agreement: Agreement): string {
  const kind = agreement.kind === 'customer' ? '' : ` (${agreement.kind})`;
  return `${agreement.customerName}: ${agreement.policyName}${kind}`;
}

/** A line's fee as the lists show it: an internal agreement has none. */
export function feeText(agreement: Agreement, line: Agreement['services'][number]): string {
  return agreement.kind === 'internal' ? 'no fee' : money(line.monthlyFeeMinor, line.currency);
}

function Agreements() {
  return (
    <>
      <div class="page-head">
        <h1>Agreements</h1>
        <a class="button" href={ADMIN.newAgreement()}>
          New agreement
        </a>
      </div>
      <RecordList<Agreement>
        label="Agreements"
        search={{
          label: 'Find an agreement',
          hint: 'Any part of the customer’s or the policy’s name.',
        }}
        sorts={[
          { value: 'customer', label: 'Customer, A to Z' },
          { value: '-customer', label: 'Customer, Z to A' },
          { value: '-start', label: 'Latest start first' },
          { value: 'start', label: 'Earliest start first' },
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
          {
            header: 'Agreement',
            cell: (row) => <a href={ADMIN.agreement(row.id)}>{agreementName(row)}</a>,
          },
          {
            header: 'Services and monthly fees',
            cell: (row) =>
              row.services.map((line) => `${line.name} ${feeText(row, line)}`).join('; '),
          },
          { header: 'Kind', cell: (row) => KIND_LABELS[row.kind] },
          {
            header: 'Starts',
            cell: (row) => <BothZones at={row.start} timeZone={row.timeZone} />,
          },
          {
            header: 'Ends',
            cell: (row) => <BothZones at={row.end} timeZone={row.timeZone} none="Open-ended" />,
          },
          { header: 'Status', cell: (row) => <ActiveTag active={row.active} /> },
        ]}
        empty={
          <>
            No agreements yet. Add one from its customer’s page, or{' '}
            <a href={ADMIN.newAgreement()}>add an agreement</a> and choose the customer.
          </>
        }
        load={(query, signal) =>
          call(
            apiClient.GET('/staff/agreements', {
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
