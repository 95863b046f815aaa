import { useState } from 'preact/hooks';
import { apiClient, call, definedOnly } from '../../../lib/api-client.ts';
import { ADMIN, type ApiKey, oneOf } from './api.ts';
import { ActiveTag, AdminPage, ConfirmAction, RecordList, SavedNotice, Utc } from './shared.tsx';

/**
 * `/staff/admin/api-keys/`: every API key — the monitors' ingest keys (the provider's) and
 * the read keys customers' people made — with revocation behind a confirm step.
 */
export default function ApiKeysApp() {
  return <AdminPage title="API keys">{() => <ApiKeys />}</AdminPage>;
}

/** What a key may do, in words. */
export function scopeText(key: ApiKey): string {
  return key.scopes
    .map((scope) => (scope === 'ingest' ? 'Ingest (a monitor)' : 'Read (a customer’s figures)'))
    .join(', ');
}

export function RevokeKey(props: { apiKey: ApiKey; onRevoked: () => void }) {
  const { apiKey } = props;
  return (
    <ConfirmAction
      label={`Revoke ${apiKey.name}`}
      danger
      question={
        <>
          Revoke “{apiKey.name}” (<code>sp_{apiKey.prefix}_…</code>)? Every request with it is
          refused from now on
          {apiKey.scopes.includes('ingest')
            ? ': the monitor using it stops reporting until it gets a new key.'
            : '.'}{' '}
          This cannot be undone.
        </>
      }
      confirm="Yes, revoke the key"
      onConfirm={async () => {
        await call(
          apiClient.POST('/staff/api-keys/{id}/revoke', { params: { path: { id: apiKey.id } } }),
        );
        props.onRevoked();
      }}
    />
  );
}

function ApiKeys() {
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <div class="page-head">
        <h1>API keys</h1>
        <a class="button" href={ADMIN.newApiKey()}>
          New monitor key
        </a>
      </div>
      <p class="lead">
        Monitors report outages with ingest keys, which belong to the provider. Customers’ people
        can make read keys of their own, to read their figures.
      </p>
      <SavedNotice text={notice} />
      <RecordList<ApiKey>
        label="API keys"
        version={version}
        filter={{
          label: 'Show',
          choices: [
            { value: 'false', label: 'Keys in use' },
            { value: 'true', label: 'Revoked keys' },
            { value: 'all', label: 'All keys' },
          ],
        }}
        columns={[
          { header: 'Name', cell: (row) => <a href={ADMIN.apiKey(row.id)}>{row.name}</a> },
          { header: 'Key', cell: (row) => <code class="prefix">sp_{row.prefix}_…</code> },
          { header: 'Kind', cell: scopeText },
          {
            header: 'Customer',
            cell: (row) =>
              row.customerId === null || row.customerName === null ? (
                '— (the provider’s)'
              ) : (
                <a href={ADMIN.customer(row.customerId)}>{row.customerName}</a>
              ),
          },
          { header: 'Made by', cell: (row) => row.createdByEmail },
          { header: 'Last used', cell: (row) => <Utc at={row.lastUsedAt} none="Never" /> },
          {
            header: 'State',
            cell: (row) =>
              row.revokedAt === null ? (
                <RevokeKey
                  apiKey={row}
                  onRevoked={() => {
                    setVersion((n) => n + 1);
                    setNotice(`“${row.name}” is revoked.`);
                  }}
                />
              ) : (
                <>
                  <ActiveTag active={false} off="Revoked" /> <Utc at={row.revokedAt} />
                </>
              ),
          },
        ]}
        empty="No keys."
        load={(query, signal) =>
          call(
            apiClient.GET('/staff/api-keys', {
              params: {
                query: definedOnly({
                  limit: query.limit,
                  cursor: query.cursor,
                  revoked: oneOf(query.filter, ['true', 'false'] as const),
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
