import { useState } from 'preact/hooks';
import { apiClient, call } from '../../../lib/api-client.ts';
import { ErrorMessage, Loading } from '../../shared/messages.tsx';
import { useApiQuery } from '../../shared/use-api-query.ts';
import { ADMIN } from './api.ts';
import { GroupForm } from './ServiceForms.tsx';
import {
  ActiveTag,
  AdminPage,
  ConfirmAction,
  idParam,
  noRecord,
  SavedNotice,
  useJustAdded,
} from './shared.tsx';

/** `/staff/admin/group/?id=N`: one service group, its services, changes and deactivation. */
export default function GroupApp() {
  const id = idParam();
  return (
    <AdminPage title="Service group" trail={[{ href: ADMIN.services, label: 'Services' }]}>
      {() =>
        id === null ? (
          <>
            <h1>Service group</h1>
            <ErrorMessage error={noRecord('service group')} />
          </>
        ) : (
          <GroupDetail id={id} />
        )
      }
    </AdminPage>
  );
}

function GroupDetail(props: { id: number }) {
  const { id } = props;
  // The API has no single-group read: the group is found in the (short) list of groups.
  const group = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/service-groups', { params: { query: { limit: 100 } }, signal }),
      ).then((page) => page.items.find((item) => item.id === id) ?? null),
    [],
  );
  const members = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/services', {
          params: { query: { limit: 100, sort: 'order' } },
          signal,
        }),
      ).then((page) => page.items.filter((service) => service.group?.id === id)),
    [],
  );
  const [notice, setNotice] = useState<string | null>(null);
  const added = useJustAdded();
  if (group.error) {
    return (
      <>
        <h1>Service group</h1>
        <ErrorMessage error={group.error} />
      </>
    );
  }
  if (group.loading && group.data === null) return <Loading what="Loading the group" />;
  const record = group.data;
  if (record === null) {
    return (
      <>
        <h1>Service group</h1>
        <ErrorMessage error={noRecord('service group')} />
      </>
    );
  }
  document.title = `${record.name} · Services · Administration · Service status`;
  const change = async (
    body: { name?: string; sortOrder?: number; active?: boolean },
    done: string,
  ) => {
    await call(apiClient.PATCH('/staff/service-groups/{id}', { params: { path: { id } }, body }));
    group.reload();
    setNotice(done);
  };
  const activeMembers = (members.data ?? []).filter((service) => service.active);
  return (
    <>
      <h1>
        {record.name} <ActiveTag active={record.active} />
      </h1>
      <SavedNotice text={notice ?? (added ? `The group ${record.name} is added.` : null)} />
      <dl class="facts">
        <dt>Slug</dt>
        <dd>
          <code>{record.slug}</code>
        </dd>
        <dt>Services</dt>
        <dd>
          {members.data === null
            ? 'Loading…'
            : members.data.length === 0
              ? 'None yet: choose this group on a service’s page.'
              : members.data.map((service, index) => (
                  <span key={service.id}>
                    {index > 0 && ', '}
                    <a href={ADMIN.service(service.id)}>{service.name}</a>
                    {service.active ? '' : ' (deactivated)'}
                  </span>
                ))}
        </dd>
      </dl>
      <section class="panel" aria-labelledby="change-title">
        <h2 id="change-title">Change the group</h2>
        <GroupForm
          key={JSON.stringify(record)}
          group={record}
          submitLabel="Save the changes"
          onSubmit={(values) => change(values, 'The changes are saved.')}
        />
        {record.active ? (
          activeMembers.length > 0 ? (
            <p class="meta">
              To deactivate the group, first move or deactivate its {activeMembers.length} active
              service{activeMembers.length === 1 ? '' : 's'}.
            </p>
          ) : (
            <ConfirmAction
              key="deactivate"
              label="Deactivate the group"
              danger
              question={<>Deactivate the group {record.name}? It leaves the status page.</>}
              confirm={`Yes, deactivate ${record.name}`}
              onConfirm={() => change({ active: false }, `${record.name} is deactivated.`)}
            />
          )
        ) : (
          <ConfirmAction
            key="reactivate"
            label="Reactivate the group"
            question={<>Reactivate the group {record.name}?</>}
            confirm={`Yes, reactivate ${record.name}`}
            onConfirm={() => change({ active: true }, `${record.name} is active again.`)}
          />
        )}
      </section>
    </>
  );
}
