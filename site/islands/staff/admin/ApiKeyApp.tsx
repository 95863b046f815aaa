import { useState } from 'preact/hooks';
import { apiClient, call } from '../../../lib/api-client.ts';
import { ErrorMessage, Loading } from '../../shared/messages.tsx';
import { useApiQuery } from '../../shared/use-api-query.ts';
import { RevokeKey, scopeText } from './ApiKeysApp.tsx';
import { ADMIN } from './api.ts';
import { ActiveTag, AdminPage, idParam, noRecord, SavedNotice, Utc } from './shared.tsx';

/** `/staff/admin/api-key/?id=N`: one key (its visible prefix, never the secret) and revocation. */
export default function ApiKeyApp() {
  const id = idParam();
  return (
    <AdminPage title="API key" trail={[{ href: ADMIN.apiKeys, label: 'API keys' }]}>
      {() =>
        id === null ? (
          <>
            <h1>API key</h1>
            <ErrorMessage error={noRecord('API key')} />
          </>
        ) : (
          <KeyDetail id={id} />
        )
      }
    </AdminPage>
  );
}

function KeyDetail(props: { id: number }) {
  const { id } = props;
  const key = useApiQuery(
    (signal) => call(apiClient.GET('/staff/api-keys/{id}', { params: { path: { id } }, signal })),
    [],
  );
  const [notice, setNotice] = useState<string | null>(null);
  if (key.error) {
    return (
      <>
        <h1>API key</h1>
        <ErrorMessage error={key.error} />
      </>
    );
  }
  if (key.data === null) return <Loading what="Loading the key" />;
  const record = key.data;
  document.title = `${record.name} · API keys · Administration · Service status`;
  return (
    <>
      <h1>
        {record.name}{' '}
        {record.revokedAt === null ? (
          <ActiveTag active />
        ) : (
          <ActiveTag active={false} off="Revoked" />
        )}
      </h1>
      <SavedNotice text={notice} />
      <dl class="facts">
        <dt>Key</dt>
        <dd>
          <code class="prefix">sp_{record.prefix}_…</code> (the rest is never shown again)
        </dd>
        <dt>Kind</dt>
        <dd>{scopeText(record)}</dd>
        <dt>Customer</dt>
        <dd>
          {record.customerId === null || record.customerName === null ? (
            '— (the provider’s)'
          ) : (
            <a href={ADMIN.customer(record.customerId)}>{record.customerName}</a>
          )}
        </dd>
        <dt>Made by</dt>
        <dd>{record.createdByEmail}</dd>
        <dt>Made</dt>
        <dd>
          <Utc at={record.createdAt} />
        </dd>
        <dt>Last used</dt>
        <dd>
          <Utc at={record.lastUsedAt} none="Never" />
        </dd>
        <dt>Revoked</dt>
        <dd>
          <Utc at={record.revokedAt} none="No" />
        </dd>
      </dl>
      {record.revokedAt === null && (
        <RevokeKey
          apiKey={record}
          onRevoked={() => {
            key.reload();
            setNotice(`“${record.name}” is revoked: requests with it are refused from now on.`);
          }}
        />
      )}
    </>
  );
}
