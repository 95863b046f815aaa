import { apiClient, call } from '../../../lib/api-client.ts';
import { ADMIN } from './api.ts';
import { ServiceForm } from './ServiceForms.tsx';
import { AdminPage } from './shared.tsx';

/** `/staff/admin/services/new/`: adds a service (it shows on the status page at once). */
export default function ServiceNewApp() {
  return (
    <AdminPage title="New service" trail={[{ href: ADMIN.services, label: 'Services' }]}>
      {() => (
        <>
          <h1>New service</h1>
          <p class="lead">A new service shows on the public status page with the next rebuild.</p>
          <ServiceForm
            service={null}
            submitLabel="Add the service"
            onSubmit={async (values) => {
              const { slug, ...rest } = values;
              const service = await call(
                apiClient.POST('/staff/services', { body: { slug: slug ?? '', ...rest } }),
              );
              window.location.assign(`${ADMIN.service(service.id)}&added=1`);
            }}
          />
        </>
      )}
    </AdminPage>
  );
}
