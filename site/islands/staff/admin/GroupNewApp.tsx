import { apiClient, call } from '../../../lib/api-client.ts';
import { ADMIN } from './api.ts';
import { GroupForm } from './ServiceForms.tsx';
import { AdminPage } from './shared.tsx';

/** `/staff/admin/groups/new/`: adds a service group (a heading on the status page). */
export default function GroupNewApp() {
  return (
    <AdminPage title="New service group" trail={[{ href: ADMIN.services, label: 'Services' }]}>
      {() => (
        <>
          <h1>New service group</h1>
          <GroupForm
            group={null}
            submitLabel="Add the group"
            onSubmit={async (values) => {
              const { slug, ...rest } = values;
              const group = await call(
                apiClient.POST('/staff/service-groups', { body: { slug: slug ?? '', ...rest } }),
              );
              window.location.assign(`${ADMIN.group(group.id)}&added=1`);
            }}
          />
        </>
      )}
    </AdminPage>
  );
}
