import { useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { duration } from '../../lib/format.ts';
import { zonedDateTime } from '../shared/format.ts';
import { asApiError, ErrorMessage, Loading } from '../shared/messages.tsx';
import { PortalBar } from '../shared/PortalBar.tsx';
import { STAFF_LINKS } from '../shared/portal-links.ts';
import { SessionGate } from '../shared/SessionGate.tsx';
import { Cell } from '../shared/support.tsx';
import { TableWrap } from '../shared/TableWrap.tsx';
import type { SessionUser } from '../shared/types.ts';
import { useApiQuery } from '../shared/use-api-query.ts';

/**
 * `/staff/support/`: help-desk requests close to missing their first-response target, least
 * time left first, with the time left on the objective's own clock (business time for
 * business hours). Automated replies do not stop that clock; a person's response does.
 */
export default function SupportQueueApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => <Queue user={user} signOut={signOut} />}
    </SessionGate>
  );
}

const WINDOWS = [4, 8, 24, 72];

function Queue(props: { user: SessionUser; signOut: () => Promise<void> }) {
  const [withinHours, setWithinHours] = useState(8);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const queue = useApiQuery(
    (signal) =>
      call(apiClient.GET('/staff/support/queue', { params: { query: { withinHours } }, signal })),
    [withinHours],
  );
  const respond = async (id: number, externalId: string) => {
    setBusy(id);
    setError(null);
    try {
      await call(
        apiClient.POST('/staff/support/requests/{id}/events', {
          params: { path: { id } },
          body: { type: 'response' },
        }),
      );
      setNotice(`Your response to ${externalId} is recorded, now; it stops its clock.`);
      queue.reload();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };
  const items = queue.data?.items ?? null;
  return (
    <>
      <PortalBar
        user={props.user}
        signOut={props.signOut}
        links={STAFF_LINKS(props.user, '/staff/support/')}
      />
      <h1>Support queue</h1>
      <p class="lead">
        Requests with no response from a person yet, whose first-response target has not passed,
        least time left first. Time is counted on the objective’s own clock: business hours in the
        customer’s agreement zone where the objective uses them. Automated replies do not count.
      </p>
      <form class="month-picker" onSubmit={(event) => event.preventDefault()}>
        <div class="field">
          <label for="within">Time left at most</label>
          <select
            id="within"
            value={String(withinHours)}
            onChange={(event) => setWithinHours(Number(event.currentTarget.value))}
          >
            {WINDOWS.map((hours) => (
              <option key={hours} value={String(hours)}>
                {hours} hours
              </option>
            ))}
          </select>
        </div>
      </form>
      <p class="notice" role="status" hidden={!notice}>
        {notice ?? ''}
      </p>
      {(error ?? queue.error) && <ErrorMessage error={(error ?? queue.error) as ApiError} />}
      {items === null && !queue.error && <Loading what="Loading the queue" />}
      {items !== null && items.length === 0 && (
        <p>No request is within {withinHours} hours of missing its first-response target.</p>
      )}
      {items !== null && items.length > 0 && (
        <TableWrap label="Requests close to their first-response target">
          <table class="stack data">
            <caption class="visually-hidden">Requests close to their first-response target</caption>
            <thead>
              <tr>
                <th scope="col">Request</th>
                <th scope="col">Customer</th>
                <th scope="col">Opened</th>
                <th scope="col">Time left</th>
                <th scope="col">Due by</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    {item.priority} {item.externalId}
                    {item.subject && <span class="meta"> {item.subject}</span>}
                  </th>
                  <Cell label="Customer">
                    {item.customer.name} (agreement #{item.agreementId})
                  </Cell>
                  <Cell label="Opened">
                    {zonedDateTime(item.openedAt, item.timeZone)} ({item.timeZone})
                  </Cell>
                  <Cell label="Time left">
                    <strong>{duration(item.leftMs)}</strong>
                    <span class="meta">
                      {' '}
                      of {duration(item.targetMs)}
                      {item.calendar === 'business' ? ' business time' : ''}
                    </span>
                    {item.automatedResponses > 0 && (
                      <span class="meta">
                        {' '}
                        ({item.automatedResponses} automated{' '}
                        {item.automatedResponses === 1 ? 'reply' : 'replies'}, not counted)
                      </span>
                    )}
                  </Cell>
                  <Cell label="Due by">
                    {item.dueAt ? `${zonedDateTime(item.dueAt, item.timeZone)}` : '—'}
                  </Cell>
                  <Cell label="Action">
                    <button
                      type="button"
                      disabled={busy === item.id}
                      onClick={() => respond(item.id, item.externalId)}
                    >
                      Record my response
                      <span class="visually-hidden"> to {item.externalId}</span>
                    </button>
                  </Cell>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
