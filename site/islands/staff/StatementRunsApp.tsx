import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiClient, call, type components } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { monthLabel } from '../../lib/format.ts';
import { Field } from '../shared/Field.tsx';
import { asApiError, ErrorMessage, Loading } from '../shared/messages.tsx';
import { PortalBar } from '../shared/PortalBar.tsx';
import { STAFF_LINKS } from '../shared/portal-links.ts';
import { SessionGate } from '../shared/SessionGate.tsx';
import { TableWrap } from '../shared/TableWrap.tsx';
import type { SessionUser } from '../shared/types.ts';
import { useApiQuery } from '../shared/use-api-query.ts';
import { UtcTime } from './oncall.tsx';

type StatementRun = components['schemas']['StatementRun'];

/**
 * `/staff/statements/`: statement runs (issue 17, ADRs 173–174). Staff pick a closed month and
 * start a run; it works in the background of the portal, its progress shows here, and once
 * finished its statements download as one zip archive.
 */
export default function StatementRunsApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => <StatementRuns user={user} signOut={signOut} />}
    </SessionGate>
  );
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** How often a running run's progress is asked for. */
const POLL_MS = 1_000;

/** The month before the browser's current UTC month: the latest that can have closed. */
function previousMonth(): string {
  const now = new Date();
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`;
}

function megabytes(bytes: number): string {
  return bytes < 1_000_000
    ? `${Math.max(1, Math.round(bytes / 1_000))} kB`
    : `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function StateText(props: { run: StatementRun }) {
  const { run } = props;
  if (run.state === 'running') {
    return (
      <>
        Running: {run.done.toLocaleString('en')} of {run.agreements.toLocaleString('en')} agreements
      </>
    );
  }
  if (run.state === 'failed') return <>Failed. {run.failure}</>;
  return (
    <>
      Finished: {(run.files ?? 0).toLocaleString('en')} files
      {run.unavailable ? `, ${run.unavailable} services without figures (see index.csv)` : ''}
    </>
  );
}

function StatementRuns(props: { user: SessionUser; signOut: () => Promise<void> }) {
  const [draft, setDraft] = useState(previousMonth);
  const [problem, setProblem] = useState<string | null>(null);
  const [startError, setStartError] = useState<ApiError | null>(null);
  const [starting, setStarting] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const runs = useApiQuery(
    (signal) => call(apiClient.GET('/staff/statement-runs', { signal })),
    [],
  );
  const items = runs.data?.items ?? [];
  const running = items.find((run) => run.state === 'running');
  const wasRunning = useRef<string | null>(null);

  // While a run goes on, its progress is asked for every second.
  useEffect(() => {
    if (running === undefined) return;
    const timer = setTimeout(runs.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [running?.id, running?.done, runs.data]);

  // Said once when a run ends, for screen readers (the table changes silently).
  useEffect(() => {
    if (running !== undefined) {
      wasRunning.current = running.id;
      return;
    }
    const ended = items.find((run) => run.id === wasRunning.current);
    if (ended !== undefined) {
      setAnnouncement(
        ended.state === 'finished'
          ? `The statements of ${monthLabel(ended.period)} are ready to download.`
          : `The run for ${monthLabel(ended.period)} failed.`,
      );
      wasRunning.current = null;
    }
  }, [running?.id, runs.data]);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const period = draft.trim();
    if (!MONTH.test(period)) {
      setProblem('Enter a month as YYYY-MM, e.g. 2026-10.');
      return;
    }
    setProblem(null);
    setStartError(null);
    setStarting(true);
    try {
      const run = await call(apiClient.POST('/staff/statement-runs', { body: { period } }));
      // A small run may have finished by the next read: its end is still announced.
      wasRunning.current = run.id;
      setAnnouncement(`Started the statements of ${monthLabel(run.period)}.`);
      runs.reload();
    } catch (caught) {
      setStartError(asApiError(caught));
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <PortalBar
        user={props.user}
        signOut={props.signOut}
        links={STAFF_LINKS(props.user, '/staff/statements/')}
      />
      <h1>Statement runs</h1>
      <p class="lead">
        Every customer's statement of a month, per agreement, as PDF, CSV and JSON, with an index:
        one archive to file. A run covers the agreements of a closed month, with the figures as they
        stand when it starts. One run at a time.
      </p>
      <form class="form month-picker" onSubmit={submit} noValidate>
        <Field
          id="run-period"
          label="Month"
          hint="YYYY-MM. The month must have ended in the time zone of every agreement."
          problem={problem}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="numeric"
              autocomplete="off"
              value={draft}
              onInput={(event) => setDraft(event.currentTarget.value)}
            />
          )}
        </Field>
        <p class="actions">
          <button type="submit" disabled={starting || running !== undefined}>
            {starting ? 'Starting…' : 'Start the run'}
          </button>
        </p>
        {running !== undefined && (
          <p class="meta">
            The run for {monthLabel(running.period)} is going on; start the next when it has
            finished.
          </p>
        )}
      </form>
      {startError && <ErrorMessage error={startError} focus />}
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {running !== undefined && (
        <section aria-labelledby="run-progress">
          <h2 id="run-progress">{monthLabel(running.period)}: in progress</h2>
          <label for="run-progress-bar">
            {running.done.toLocaleString('en')} of {running.agreements.toLocaleString('en')}{' '}
            agreements written
          </label>
          <progress
            id="run-progress-bar"
            max={Math.max(1, running.agreements)}
            value={running.done}
          />
        </section>
      )}
      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">Latest runs</h2>
        {runs.error && <ErrorMessage error={runs.error} />}
        {runs.data === null && !runs.error && <Loading what="statement runs" />}
        {runs.data !== null && items.length === 0 && <p>No statement run yet.</p>}
        {items.length > 0 && (
          <TableWrap label="Statement runs">
            <table class="stack">
              <caption>Newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">State</th>
                  <th scope="col">Started</th>
                  <th scope="col" class="number">
                    Agreements
                  </th>
                  <th scope="col">Archive</th>
                </tr>
              </thead>
              <tbody>
                {items.map((run) => (
                  <tr key={run.id}>
                    <th scope="row" data-label="Month">
                      {monthLabel(run.period)}
                    </th>
                    <td data-label="State">
                      <StateText run={run} />
                    </td>
                    <td data-label="Started">
                      <span>
                        <UtcTime at={run.startedAt} />
                        {run.startedBy.email ? ` by ${run.startedBy.email}` : ''}
                      </span>
                    </td>
                    <td data-label="Agreements" class="number">
                      {run.agreements.toLocaleString('en')} for {run.customers.toLocaleString('en')}{' '}
                      {run.customers === 1 ? 'customer' : 'customers'}
                    </td>
                    <td data-label="Archive">
                      {run.state === 'finished' ? (
                        <a href={`/api/v1/staff/statement-runs/${run.id}/archive`} download>
                          Download {monthLabel(run.period)} (zip
                          {run.archiveBytes === null ? '' : `, ${megabytes(run.archiveBytes)}`})
                        </a>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </>
  );
}
