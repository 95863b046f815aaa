import { useState } from 'preact/hooks';
import { apiClient, call } from '../../../lib/api-client.ts';
import { ErrorMessage, Loading } from '../../shared/messages.tsx';
import { useApiQuery } from '../../shared/use-api-query.ts';
import { ADMIN } from './api.ts';
import { ServiceForm } from './ServiceForms.tsx';
import {
  ActiveTag,
  AdminPage,
  ConfirmAction,
  idParam,
  noRecord,
  SavedNotice,
  Utc,
  useJustAdded,
} from './shared.tsx';

/** `/staff/admin/service/?id=N`: one service, its changes, and deactivation behind a confirm step. */
export default function ServiceApp() {
  const id = idParam();
  return (
    <AdminPage title="Service" trail={[{ href: ADMIN.services, label: 'Services' }]}>
      {() =>
        id === null ? (
          <>
            <h1>Service</h1>
            <ErrorMessage error={noRecord('service')} />
          </>
        ) : (
          <ServiceDetail id={id} />
        )
      }
    </AdminPage>
  );
}

function ServiceDetail(props: { id: number }) {
  const { id } = props;
  const service = useApiQuery(
    (signal) => call(apiClient.GET('/staff/services/{id}', { params: { path: { id } }, signal })),
    [],
  );
  const [notice, setNotice] = useState<string | null>(null);
  const added = useJustAdded();
  if (service.error) {
    return (
      <>
        <h1>Service</h1>
        <ErrorMessage error={service.error} />
      </>
    );
  }
  if (service.data === null) return <Loading what="Loading the service" />;
  const record = service.data;
  document.title = `${record.name} · Services · Administration · Service status`;
  const setActive = async (active: boolean) => {
    await call(
      apiClient.PATCH('/staff/services/{id}', { params: { path: { id } }, body: { active } }),
    );
    service.reload();
    setNotice(active ? `${record.name} is active again.` : `${record.name} is deactivated.`);
  };
  return (
    <>
      <h1>
        {record.name} <ActiveTag active={record.active} />
      </h1>
      <SavedNotice text={notice ?? (added ? `${record.name} is added.` : null)} />
      <dl class="facts">
        <dt>Slug</dt>
        <dd>
          <code>{record.slug}</code> (monitors and agreements name the service by it)
        </dd>
        <dt>Group</dt>
        <dd>
          {record.group === null ? (
            'None'
          ) : (
            <a href={ADMIN.group(record.group.id)}>{record.group.name}</a>
          )}
        </dd>
        <dt>Monitored since</dt>
        <dd>
          <Utc at={record.monitoredSince} />
        </dd>
        <dt>Added</dt>
        <dd>
          <Utc at={record.createdAt} />
        </dd>
      </dl>
      <section class="panel" aria-labelledby="change-title">
        <h2 id="change-title">Change the service</h2>
        <ServiceForm
          key={JSON.stringify(record)}
          service={record}
          submitLabel="Save the changes"
          onSubmit={async (values) => {
            await call(
              apiClient.PATCH('/staff/services/{id}', { params: { path: { id } }, body: values }),
            );
            service.reload();
            setNotice('The changes are saved.');
          }}
        />
        {record.active ? (
          <ConfirmAction
            key="deactivate"
            label="Deactivate the service"
            danger
            question={
              <>
                Deactivate {record.name}? It leaves the public status page; agreements, windows and
                claims that name it stay as they are.
              </>
            }
            confirm={`Yes, deactivate ${record.name}`}
            onConfirm={() => setActive(false)}
          />
        ) : (
          <ConfirmAction
            key="reactivate"
            label="Reactivate the service"
            question={<>Reactivate {record.name}? It shows on the public status page again.</>}
            confirm={`Yes, reactivate ${record.name}`}
            onConfirm={() => setActive(true)}
          />
        )}
      </section>
    </>
  );
}
