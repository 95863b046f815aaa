import { useEffect, useRef, useState } from 'preact/hooks';
import { apiClient, call, type components } from '../../../lib/api-client.ts';
import type { ApiError } from '../../../lib/client.ts';
import { OUTBOX_STATE_LABELS } from '../../../lib/labels.ts';
import { Field } from '../../shared/Field.tsx';
import { asApiError, ErrorMessage, Loading } from '../../shared/messages.tsx';
import { Pager } from '../../shared/Pager.tsx';
import { PortalBar } from '../../shared/PortalBar.tsx';
import { STAFF_LINKS } from '../../shared/portal-links.ts';
import { SessionGate } from '../../shared/SessionGate.tsx';
import { TableWrap } from '../../shared/TableWrap.tsx';
import type { SessionUser } from '../../shared/types.ts';
import { useApiQuery } from '../../shared/use-api-query.ts';
import { KIND_LABELS, utc } from './words.ts';

type Item = components['schemas']['OutboxItem'];
type Detail = components['schemas']['OutboxItemDetail'];
type State = components['schemas']['OutboxState'];
type Channel = components['schemas']['OutboxChannel'];

/**
 * `/staff/notifications/`: how mail leaves (SMTP, or the development mailbox), the outbox with
 * every message and webhook and its attempts, retrying what failed, and the signed-in
 * person's own choice of mail.
 */
export default function NotificationsApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => (
        <>
          <PortalBar
            user={user}
            signOut={signOut}
            links={STAFF_LINKS(user, '/staff/notifications/')}
          />
          <Notifications user={user} />
        </>
      )}
    </SessionGate>
  );
}

function Notifications(props: { user: SessionUser }) {
  const summary = useApiQuery(
    (signal) => call(apiClient.GET('/staff/notifications/summary', { signal })),
    [],
  );
  const [state, setState] = useState<State | ''>('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [openId, setOpenId] = useState<number | null>(null);
  const cursor = cursors.at(-1);
  const list = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/notifications/outbox', {
          signal,
          params: {
            query: {
              limit: 25,
              ...(state ? { state } : {}),
              ...(channel ? { channel } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      ),
    [state, channel, cursor],
  );
  const countOf = (wanted: State) =>
    (summary.data?.outbox ?? [])
      .filter((row) => row.state === wanted)
      .reduce((sum, row) => sum + row.count, 0);

  return (
    <>
      <h1>Notifications</h1>
      {summary.error && <ErrorMessage error={summary.error} />}
      {summary.data && (
        <div class="notify-summary">
          <p>
            {summary.data.mail === 'smtp' ? (
              <>
                Mail leaves through the SMTP relay, from <code>{summary.data.mailFrom}</code>.
              </>
            ) : (
              <>
                <strong>Development mailbox:</strong> SMTP_URL is not set, so messages stay here
                instead of being sent. Set SMTP_URL and MAIL_FROM to send them.
              </>
            )}
          </p>
          <p>
            Outbox: {countOf('pending')} waiting, {countOf('delivered')} delivered,{' '}
            {countOf('mailbox')} in the mailbox, {countOf('dead')} failed for good,{' '}
            {countOf('skipped')} skipped. Public subscribers: {summary.data.subscribers.confirmed}{' '}
            confirmed, {summary.data.subscribers.pending} waiting for confirmation.
          </p>
          {props.user.role === 'admin' && (
            <p>
              <a href="/staff/notifications/webhooks/">Webhook endpoints</a>: signed events for your
              billing, support or other systems.
            </p>
          )}
        </div>
      )}
      <Preferences />
      <h2>Outbox</h2>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <Field id="outbox-state" label="State">
          {(aria) => (
            <select
              {...aria}
              value={state}
              onChange={(event) => {
                setState(event.currentTarget.value as State | '');
                setCursors([undefined]);
              }}
            >
              <option value="">Any</option>
              {(Object.keys(OUTBOX_STATE_LABELS) as State[]).map((each) => (
                <option key={each} value={each}>
                  {OUTBOX_STATE_LABELS[each]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="outbox-channel" label="Kind">
          {(aria) => (
            <select
              {...aria}
              value={channel}
              onChange={(event) => {
                setChannel(event.currentTarget.value as Channel | '');
                setCursors([undefined]);
              }}
            >
              <option value="">All</option>
              <option value="email">Mail</option>
              <option value="webhook">Webhooks</option>
            </select>
          )}
        </Field>
      </form>
      {list.error && <ErrorMessage error={list.error} />}
      {!list.data && !list.error && <Loading what="Loading the outbox" />}
      {list.data && (
        <>
          <p role="status">
            {list.data.items.length === 0
              ? 'Nothing matches these filters.'
              : `${list.data.items.length} shown, newest first.`}
          </p>
          {list.data.items.length > 0 && (
            <TableWrap label="Outbox">
              <table class="stack">
                <caption class="visually-hidden">Outbox, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Created (UTC)</th>
                    <th scope="col">What</th>
                    <th scope="col">To</th>
                    <th scope="col">State</th>
                    <th scope="col" class="number">
                      Attempts
                    </th>
                    <th scope="col">Details</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((item) => (
                    <ItemRow
                      key={item.id}
                      item={item}
                      open={openId === item.id}
                      onToggle={() => setOpenId(openId === item.id ? null : item.id)}
                    />
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <Pager cursors={cursors} nextCursor={list.data.nextCursor} onChange={setCursors} />
        </>
      )}
      {openId !== null && (
        <ItemDetail
          id={openId}
          onClose={() => setOpenId(null)}
          onChanged={() => {
            list.reload();
            summary.reload();
          }}
        />
      )}
    </>
  );
}

function ItemRow(props: { item: Item; open: boolean; onToggle: () => void }) {
  const { item } = props;
  return (
    <tr>
      <td data-label="Created (UTC)" class="nowrap">
        {utc(item.createdAt)}
      </td>
      <td data-label="What">
        {item.channel === 'email' ? 'Mail' : 'Webhook'}: {KIND_LABELS[item.kind] ?? item.kind}
        {item.subject && <span class="notify-subject">{item.subject}</span>}
      </td>
      <td data-label="To">{item.recipient}</td>
      <td data-label="State">
        <span class={`status notify-${item.state}`}>{OUTBOX_STATE_LABELS[item.state]}</span>
        {item.state === 'pending' && item.attempts > 0 && (
          <span class="notify-subject">Next try {utc(item.nextAttemptAt)}</span>
        )}
      </td>
      <td data-label="Attempts" class="number">
        {item.attempts}
      </td>
      <td data-label="Details">
        <button
          type="button"
          class="secondary small"
          aria-expanded={props.open}
          aria-controls="outbox-detail"
          onClick={props.onToggle}
          aria-label={`${props.open ? 'Hide' : 'Show'} ${item.channel === 'email' ? 'message' : 'webhook'} ${item.deliveryId}`}
        >
          {props.open ? 'Hide' : 'Show'}
        </button>
      </td>
    </tr>
  );
}

function ItemDetail(props: { id: number; onClose: () => void; onChanged: () => void }) {
  const detail = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/notifications/outbox/{id}', {
          signal,
          params: { path: { id: props.id } },
        }),
      ),
    [props.id],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [props.id]);

  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(
        apiClient.POST('/staff/notifications/outbox/{id}/retry', {
          params: { path: { id: props.id } },
        }),
      );
      setSaid('It will be sent again within a few seconds.');
      detail.reload();
      props.onChanged();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const item: Detail | null = detail.data;
  const retryable =
    item !== null &&
    (item.state === 'dead' ||
      item.state === 'skipped' ||
      (item.channel === 'webhook' && item.state === 'delivered'));
  return (
    <section class="panel notify-detail" id="outbox-detail" aria-labelledby="outbox-detail-title">
      <h2 id="outbox-detail-title" tabIndex={-1} ref={headingRef}>
        {item?.subject ?? (item ? `${KIND_LABELS[item.kind] ?? item.kind} webhook` : 'Item')}
      </h2>
      {detail.error && <ErrorMessage error={detail.error} />}
      {!item && !detail.error && <Loading what="Loading the item" />}
      {item && (
        <>
          <dl class="notify-facts">
            <dt>Delivery id</dt>
            <dd>
              <code>{item.deliveryId}</code>
            </dd>
            <dt>To</dt>
            <dd>{item.recipient}</dd>
            <dt>State</dt>
            <dd>
              {OUTBOX_STATE_LABELS[item.state]}
              {item.lastError && ` — ${item.lastError}`}
            </dd>
          </dl>
          {said && <p role="status">{said}</p>}
          {error && <ErrorMessage error={error} focus />}
          <p class="actions">
            {retryable && (
              <button type="button" onClick={retry} disabled={busy}>
                {item.state === 'delivered' ? 'Redeliver' : 'Retry'}
              </button>
            )}
            <button type="button" class="secondary" onClick={props.onClose}>
              Close
            </button>
          </p>
          {item.bodyWithheld && <p class="notice">{item.bodyWithheld}</p>}
          {item.headers && Object.keys(item.headers).length > 0 && (
            <>
              <h3>Headers</h3>
              <pre class="notify-body">
                {Object.entries(item.headers)
                  .map(([name, value]) => `${name}: ${value}`)
                  .join('\n')}
              </pre>
            </>
          )}
          {item.bodyText !== null && (
            <>
              <h3>Plain text</h3>
              <pre class="notify-body">{item.bodyText}</pre>
            </>
          )}
          {item.bodyHtml !== null && (
            <p>
              <a
                href={`/api/v1/staff/notifications/outbox/${item.id}/html`}
                target="_blank"
                rel="noopener"
              >
                Open the HTML version (new tab)
              </a>
            </p>
          )}
          {item.payload !== null && (
            <>
              <h3>JSON sent</h3>
              <pre class="notify-body">{prettyJson(item.payload)}</pre>
            </>
          )}
          <h3>Attempts</h3>
          {item.attemptLog.length === 0 ? (
            <p>No attempt yet.</p>
          ) : (
            <ul class="notify-attempts">
              {item.attemptLog.map((attempt) => (
                <li key={attempt.id}>
                  <strong>
                    Attempt {attempt.attempt}: {attempt.outcome}
                  </strong>{' '}
                  at {utc(attempt.startedAt)}, {attempt.durationMs} ms
                  {attempt.responseStatus !== null && `, HTTP ${attempt.responseStatus}`}
                  <br />
                  <span class="notify-subject">{attempt.request}</span>
                  {attempt.error && <span class="notify-subject">{attempt.error}</span>}
                  {attempt.response && <pre class="notify-body">{attempt.response}</pre>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function Preferences() {
  const prefs = useApiQuery(
    (signal) => call(apiClient.GET('/staff/notification-preferences', { signal })),
    [],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  // Shown at once; put back if the save fails.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const toggle = async (claimFiled: boolean) => {
    setBusy(true);
    setError(null);
    setChosen(claimFiled);
    try {
      await call(apiClient.PUT('/staff/notification-preferences', { body: { claimFiled } }));
      setSaid(
        claimFiled
          ? 'Saved: you will get an email for each new claim.'
          : 'Saved: no email for new claims.',
      );
      prefs.reload();
    } catch (caught) {
      setChosen(null);
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="prefs-title">
      <h2 id="prefs-title">Your email</h2>
      {prefs.error && <ErrorMessage error={prefs.error} />}
      {error && <ErrorMessage error={error} focus />}
      {prefs.data && (
        <label class="check">
          <input
            type="checkbox"
            checked={chosen ?? prefs.data.claimFiled}
            aria-busy={busy}
            onChange={(event) => void toggle(event.currentTarget.checked)}
          />
          <span>Email me when a customer files a claim</span>
        </label>
      )}
      <p role="status" class="notify-subject">
        {said ?? ''}
      </p>
    </section>
  );
}
