import { apiClient, call } from '../../../lib/api-client.ts';
import { ADMIN } from './api.ts';
import { CustomerForm } from './CustomerForm.tsx';
import { AdminPage } from './shared.tsx';

/**
 * `/staff/admin/customers/new/`: the first step of onboarding. The customer's page then
 * offers the next steps (agreement, people, the monitor's key).
 */
export default function CustomerNewApp() {
  return (
    <AdminPage title="New customer" trail={[{ href: ADMIN.customers, label: 'Customers' }]}>
      {() => (
        <>
          <h1>New customer</h1>
          <p class="lead">
            Step 1 of 4 of onboarding: the customer. Next come its agreement, its people and the
            monitor’s key; the customer’s page guides you through them.
          </p>
          <CustomerForm
            initial={{ name: '', timeZone: '' }}
            submitLabel="Add the customer"
            busyLabel="Adding…"
            zoneHint="Its agreements’ calendar months follow this zone unless an agreement names another."
            onSubmit={async (values) => {
              const customer = await call(apiClient.POST('/staff/customers', { body: values }));
              window.location.assign(`${ADMIN.customer(customer.id)}&added=1`);
            }}
          />
        </>
      )}
    </AdminPage>
  );
}
