import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { duration, monthLabel } from '../../lib/format.ts';
import { labelOf, WINDOW_STATE_LABELS } from '../../lib/labels.ts';
import { money } from '../shared/format.ts';
import { asApiError, ErrorMessage, Loading } from '../shared/messages.tsx';
import { Pager } from '../shared/Pager.tsx';
import { PortalBar } from '../shared/PortalBar.tsx';
import { queryParam, setQuery } from '../shared/page-query.ts';
import { STAFF_LINKS } from '../shared/portal-links.ts';
import { SessionGate } from '../shared/SessionGate.tsx';
import { TableWrap } from '../shared/TableWrap.tsx';
import type { SessionUser } from '../shared/types.ts';
import { useApiQuery } from '../shared/use-api-query.ts';
import {
  FocusHeading,
  focusFirstProblem,
  Notice,
  namesOf,
  parseUtcInput,
  type Schemas,
  type ServiceItem,
  TimeEcho,
  timeProblem,
  UtcTime,
  useServices,
  utcInput,
} from './oncall.tsx';

/**
 * `/staff/windows/`: the windows every figure is computed from, per service, with filters
 * (state, source, time, open only), a page at a time. An admin corrects one with a reason,
 * after a preview of every customer and month it touches (decided claims flagged).
 */
export default function WindowsApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => <Windows user={user} signOut={signOut} />}
    </SessionGate>
  );
}

type Window = Schemas['Window'];
type WindowState = Window['state'];
type WindowSource = Window['source'];

const STATES: WindowState[] = ['major_outage', 'partial_outage', 'degraded', 'maintenance'];
const SOURCES: WindowSource[] = ['ingest', 'incident', 'staff', 'seed'];
const SOURCE_LABELS: Record<WindowSource, string> = {
  ingest: 'Monitor',
  incident: 'Incident (set by staff)',
  staff: 'Scheduled maintenance',
  seed: 'Demo data',
};
const PAGE_SIZE = 25;

interface Filters {
  service: string;
  state: WindowState | '';
  source: WindowSource | '';
  open: boolean;
  from: string;
  to: string;
}

function filtersFromAddress(): Filters {
  const state = queryParam('state');
  const source = queryParam('source');
  return {
    service: queryParam('service') ?? '',
    state: STATES.includes(state as WindowState) ? (state as WindowState) : '',
    source: SOURCES.includes(source as WindowSource) ? (source as WindowSource) : '',
    open: queryParam('open') === 'true',
    from: queryParam('from') ?? '',
    to: queryParam('to') ?? '',
  };
}

type FilterProblems = Partial<Record<'from' | 'to', string>>;

function Windows(props: { user: SessionUser; signOut: () => Promise<void> }) {
  const services = useServices();
  const [filters, setFilters] = useState<Filters>(filtersFromAddress);
  const [draft, setDraft] = useState<Filters>(filters);
  const [problems, setProblems] = useState<FilterProblems>({});
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [round, setRound] = useState(0);
  const [correcting, setCorrecting] = useState<Window | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const cursor = cursors.at(-1);
  const { nameOf } = namesOf(services.data);
  const isAdmin = props.user.role === 'admin';
  const page = useApiQuery(
    (signal) => {
      const fromMs = parseUtcInput(filters.from);
      const toMs = parseUtcInput(filters.to);
      return call(
        apiClient.GET('/staff/windows', {
          params: {
            query: {
              limit: PAGE_SIZE,
              ...(filters.service ? { service: filters.service } : {}),
              ...(filters.state ? { state: filters.state } : {}),
              ...(filters.source ? { source: filters.source } : {}),
              ...(filters.open ? { open: 'true' as const } : {}),
              ...(fromMs !== null ? { from: new Date(fromMs).toISOString() } : {}),
              ...(toMs !== null ? { to: new Date(toMs).toISOString() } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
          signal,
        }),
      );
    },
    [filters, cursor, round],
  );

  const apply = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FilterProblems = {};
    for (const key of ['from', 'to'] as const) {
      if (draft[key].trim() !== '') {
        const problem = timeProblem(draft[key], key === 'from' ? 'the beginning' : 'the end');
        if (problem) found[key] = problem;
      }
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      focusFirstProblem('filter', found);
      return;
    }
    setFilters(draft);
    setCursors([undefined]);
    setCorrecting(null);
    setQuery({
      service: draft.service || null,
      state: draft.state || null,
      source: draft.source || null,
      open: draft.open ? 'true' : null,
      from: draft.from.trim() || null,
      to: draft.to.trim() || null,
    });
  };

  const select = (
    key: 'service' | 'state' | 'source',
    label: string,
    options: [string, string][],
  ) => (
    <div class="field">
      <label for={`filter-${key}`}>{label}</label>
      <select
        id={`filter-${key}`}
        value={draft[key]}
        onChange={(event) => setDraft({ ...draft, [key]: event.currentTarget.value })}
      >
        {options.map(([value, text]) => (
          <option value={value} key={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  const timeFilter = (key: 'from' | 'to', label: string) => (
    <div class="field">
      <label for={`filter-${key}`}>{label} (UTC)</label>
      <input
        id={`filter-${key}`}
        type="text"
        autocomplete="off"
        placeholder="YYYY-MM-DD HH:MM"
        value={draft[key]}
        aria-invalid={problems[key] ? 'true' : undefined}
        aria-describedby={problems[key] ? `filter-${key}-problem` : undefined}
        onInput={(event) => setDraft({ ...draft, [key]: event.currentTarget.value })}
      />
      {problems[key] && (
        <p class="field-problem" id={`filter-${key}-problem`}>
          {problems[key]}
        </p>
      )}
    </div>
  );

  return (
    <>
      <PortalBar
        user={props.user}
        signOut={props.signOut}
        links={STAFF_LINKS(props.user, '/staff/windows/')}
      />
      <h1>Windows</h1>
      <p class="lead">
        Every outage and maintenance window the SLA figures are computed from.{' '}
        {isAdmin
          ? 'Correct one with a reason: a preview shows first which customers, months and decided claims it touches.'
          : 'Only admins correct windows.'}{' '}
        All times are UTC.
      </p>
      <Notice text={notice} />
      {services.error && <ErrorMessage error={services.error} />}
      <form class="form filters wide-filters" onSubmit={apply} noValidate aria-label="Filters">
        {select('service', 'Service', [
          ['', 'Every service'],
          ...(services.data ?? []).map((service): [string, string] => [service.slug, service.name]),
        ])}
        {select('state', 'State', [
          ['', 'Any state'],
          ...STATES.map((state): [string, string] => [state, labelOf(WINDOW_STATE_LABELS, state)]),
        ])}
        {select('source', 'Source', [
          ['', 'Any source'],
          ...SOURCES.map((source): [string, string] => [source, SOURCE_LABELS[source]]),
        ])}
        {timeFilter('from', 'Windows from')}
        {timeFilter('to', 'Windows until')}
        <div class="check">
          <input
            type="checkbox"
            id="filter-open"
            checked={draft.open}
            onChange={(event) => setDraft({ ...draft, open: event.currentTarget.checked })}
          />
          <label for="filter-open">Still going on only</label>
        </div>
        <p class="actions">
          <button type="submit">Show</button>
        </p>
      </form>
      {correcting && services.data && (
        <CorrectionForm
          key={correcting.id}
          window={correcting}
          nameOf={nameOf}
          onDone={(message) => {
            setCorrecting(null);
            setNotice(message);
            setRound((n) => n + 1);
          }}
          onCancel={() => {
            const id = correcting.id;
            setCorrecting(null);
            document.getElementById(`correct-${id}`)?.focus();
          }}
        />
      )}
      {page.error && <ErrorMessage error={page.error} />}
      {page.data === null && !page.error && <Loading what="Loading the windows" />}
      {page.data && page.data.items.length === 0 && <p>No window matches.</p>}
      {page.data && page.data.items.length > 0 && (
        <WindowTable
          items={page.data.items}
          services={services.data ?? []}
          isAdmin={isAdmin}
          onCorrect={setCorrecting}
        />
      )}
      {page.data && (
        <Pager cursors={cursors} nextCursor={page.data.nextCursor} onChange={setCursors} />
      )}
    </>
  );
}

function WindowTable(props: {
  items: Window[];
  services: readonly ServiceItem[];
  isAdmin: boolean;
  onCorrect: (window: Window) => void;
}) {
  const { nameOf } = namesOf(props.services);
  return (
    <TableWrap label="Windows">
      <table class="stack">
        <caption class="visually-hidden">Windows, latest start first</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">State</th>
            <th scope="col">From (UTC)</th>
            <th scope="col">To (UTC)</th>
            <th scope="col">Source</th>
            {props.isAdmin && <th scope="col">Correct</th>}
          </tr>
        </thead>
        <tbody>
          {props.items.map((window) => (
            <tr key={window.id}>
              <td data-label="Service">
                <span class="cell">{nameOf(window.service)}</span>
              </td>
              <td data-label="State">
                <span class="cell">
                  {labelOf(WINDOW_STATE_LABELS, window.state)}
                  {window.state === 'maintenance' && window.announcedAt && (
                    <span class="meta">
                      {' '}
                      (announced <UtcTime at={window.announcedAt} hint={false} />)
                    </span>
                  )}
                </span>
              </td>
              <td data-label="From (UTC)">
                <span class="cell">
                  <UtcTime at={window.start} hint={false} />
                </span>
              </td>
              <td data-label="To (UTC)">
                <span class="cell">
                  {window.end ? (
                    <>
                      <UtcTime at={window.end} hint={false} /> (
                      {duration(Date.parse(window.end) - Date.parse(window.start))})
                    </>
                  ) : (
                    'still going on'
                  )}
                </span>
              </td>
              <td data-label="Source">
                <span class="cell">
                  {SOURCE_LABELS[window.source]}
                  {window.incidentId !== null && (
                    <>
                      {' '}
                      (
                      <a href={`/staff/incident/?id=${window.incidentId}`}>
                        incident #{window.incidentId}
                      </a>
                      {window.author ? `, ${window.author.email}` : ''})
                    </>
                  )}
                  {window.maintenanceId !== null && (
                    <>
                      {' '}
                      (
                      <a href={`/staff/maintenance/?id=${window.maintenanceId}`}>
                        maintenance #{window.maintenanceId}
                      </a>
                      )
                    </>
                  )}
                </span>
              </td>
              {props.isAdmin && (
                <td data-label="Correct">
                  <span class="cell">
                    {window.maintenanceId === null ? (
                      <button
                        type="button"
                        class="secondary small"
                        id={`correct-${window.id}`}
                        onClick={() => props.onCorrect(window)}
                      >
                        Correct
                        <span class="visually-hidden">
                          {' '}
                          the {labelOf(WINDOW_STATE_LABELS, window.state)} window of{' '}
                          {nameOf(window.service)} from {utcInput(window.start)} UTC
                        </span>
                      </button>
                    ) : (
                      <span class="meta">Change the maintenance</span>
                    )}
                  </span>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

type Preview = Schemas['WindowCorrectionPreview'];
type CorrectionProblems = Partial<Record<'start' | 'end' | 'reason', string>>;

function figureText(figures: Preview['items'][number]['before']): string {
  if (figures.status !== 'evaluated') {
    return figures.status === 'not-monitored' ? 'no data' : figures.status.replaceAll('-', ' ');
  }
  return `${figures.availabilityDisplay}\u00a0%, ${duration(figures.downtimeMs)} down, ${
    figures.met ? 'target met' : 'target missed'
  }, credit ${money(figures.creditMinor, figures.currency)}`;
}

function CorrectionForm(props: {
  window: Window;
  nameOf: (slug: string) => string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { window } = props;
  const [state, setState] = useState<WindowState>(window.state);
  const [start, setStart] = useState(utcInput(window.start));
  const [end, setEnd] = useState(window.end ? utcInput(window.end) : '');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<CorrectionProblems>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const body = () => {
    const startMs = parseUtcInput(start);
    const endMs = end.trim() === '' ? null : parseUtcInput(end);
    return {
      reason: reason.trim(),
      ...(state !== window.state ? { state } : {}),
      ...(startMs !== null && startMs !== Date.parse(window.start)
        ? { start: new Date(startMs).toISOString() }
        : {}),
      ...(endMs !== null && endMs !== (window.end ? Date.parse(window.end) : null)
        ? { end: new Date(endMs).toISOString() }
        : {}),
    };
  };

  const review = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: CorrectionProblems = {};
    const startProblem = timeProblem(start, 'the start');
    if (startProblem) found.start = startProblem;
    if (end.trim() !== '') {
      const endProblem = timeProblem(end, 'the end');
      if (endProblem) found.end = endProblem;
    } else if (window.end !== null) {
      found.end = 'A corrected window keeps an end: enter it.';
    }
    const startMs = parseUtcInput(start);
    const endMs = parseUtcInput(end);
    if (!found.end && startMs !== null && endMs !== null && endMs <= startMs) {
      found.end = 'The end must be after the start.';
    }
    if (reason.trim() === '') found.reason = 'Say why: the reason is kept with the correction.';
    const fields = body();
    if (Object.keys(found).length === 0 && Object.keys(fields).length === 1) {
      found.start = 'Change the state, the start or the end: nothing differs yet.';
    }
    setProblems(found);
    setError(null);
    setPreview(null);
    if (Object.keys(found).length > 0) {
      focusFirstProblem('correction', found);
      return;
    }
    setBusy(true);
    try {
      setPreview(
        await call(
          apiClient.POST('/staff/windows/{id}/corrections/preview', {
            params: { path: { id: window.id } },
            body: fields,
          }),
        ),
      );
      setRound((n) => n + 1);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(
        apiClient.POST('/staff/windows/{id}/corrections', {
          params: { path: { id: window.id } },
          body: body(),
        }),
      );
      const touched = preview?.items.filter((item) => item.changed).length ?? 0;
      props.onDone(
        `Correction saved. ${touched === 1 ? 'One month’s figures' : `${touched} months’ figures`} changed; decided claims keep theirs and show the correction beside them.`,
      );
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  const field = (
    key: 'start' | 'end',
    label: string,
    value: string,
    set: (value: string) => void,
    hint: string,
  ) => {
    const id = `correction-${key}`;
    return (
      <div class="field">
        <label for={id}>{label} (UTC)</label>
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
        <input
          id={id}
          type="text"
          autocomplete="off"
          value={value}
          aria-invalid={problems[key] ? 'true' : undefined}
          aria-describedby={[
            `${id}-hint`,
            parseUtcInput(value) !== null ? `${id}-echo` : null,
            problems[key] ? `${id}-problem` : null,
          ]
            .filter(Boolean)
            .join(' ')}
          onInput={(event) => {
            set(event.currentTarget.value);
            setPreview(null);
          }}
        />
        <TimeEcho text={value} id={`${id}-echo`} />
        {problems[key] && (
          <p class="field-problem" id={`${id}-problem`}>
            {problems[key]}
          </p>
        )}
      </div>
    );
  };

  const decided = preview?.items.filter((item) => item.decidedClaim !== null) ?? [];
  return (
    <section class="panel" aria-labelledby="correction-heading">
      <FocusHeading level={2} id="correction-heading">
        Correct the {labelOf(WINDOW_STATE_LABELS, window.state)} window of{' '}
        {props.nameOf(window.service)}
      </FocusHeading>
      <p class="meta">
        Now: <UtcTime at={window.start} /> to{' '}
        {window.end ? <UtcTime at={window.end} /> : 'still going on'} ({window.externalId}).
      </p>
      <form class="form" onSubmit={review} noValidate>
        <div class="times">
          <div class="field">
            <label for="correction-state">State</label>
            <select
              id="correction-state"
              value={state}
              onChange={(event) => {
                setState(event.currentTarget.value as WindowState);
                setPreview(null);
              }}
            >
              {STATES.filter(
                (value) => value !== 'maintenance' || window.state === 'maintenance',
              ).map((value) => (
                <option value={value} key={value}>
                  {labelOf(WINDOW_STATE_LABELS, value)}
                </option>
              ))}
            </select>
          </div>
          {field('start', 'From', start, setStart, 'As YYYY-MM-DD HH:MM.')}
          {field(
            'end',
            'To',
            end,
            setEnd,
            window.end ? 'As YYYY-MM-DD HH:MM.' : 'Empty: still going on.',
          )}
        </div>
        <div class="field">
          <label for="correction-reason">Reason</label>
          <p class="hint" id="correction-reason-hint">
            Kept with the correction and shown beside decided claims it touches.
          </p>
          <textarea
            id="correction-reason"
            rows={3}
            maxLength={2_000}
            value={reason}
            aria-invalid={problems.reason ? 'true' : undefined}
            aria-describedby={`correction-reason-hint${problems.reason ? ' correction-reason-problem' : ''}`}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
          {problems.reason && (
            <p class="field-problem" id="correction-reason-problem">
              {problems.reason}
            </p>
          )}
        </div>
        {!preview && error && <ErrorMessage error={error} focus />}
        <p class="actions">
          <button type="submit" disabled={busy}>
            Preview the correction
          </button>
          <button type="button" class="secondary" onClick={props.onCancel}>
            Cancel
          </button>
        </p>
      </form>
      {preview && (
        <section class="preview" aria-labelledby="correction-preview-title">
          <FocusHeading level={3} id="correction-preview-title" focusKey={round}>
            What the correction touches
          </FocusHeading>
          {preview.items.length === 0 ? (
            <p>No agreement includes this service in these months: no customer’s figure moves.</p>
          ) : (
            <TableWrap label="Customers and months touched">
              <table class="stack">
                <caption>Customers and months touched (each agreement’s own months)</caption>
                <thead>
                  <tr>
                    <th scope="col">Customer</th>
                    <th scope="col">Month</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                    <th scope="col">Claim</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.items.map((item) => (
                    <tr
                      key={`${item.agreementId}-${item.period}`}
                      class={item.changed ? 'differs' : undefined}
                    >
                      <td data-label="Customer">
                        <span class="cell">
                          {item.customer.name} (agreement #{item.agreementId})
                        </span>
                      </td>
                      <td data-label="Month">
                        <span class="cell">
                          {monthLabel(item.period)} ({item.timeZone})
                        </span>
                      </td>
                      <td data-label="Before">
                        <span class="cell">{figureText(item.before)}</span>
                      </td>
                      <td data-label="After">
                        <span class="cell">
                          {figureText(item.after)}
                          {!item.changed && ' (unchanged)'}
                        </span>
                      </td>
                      <td data-label="Claim">
                        <span class="cell">
                          {item.decidedClaim ? (
                            <a href={`/staff/claim/?id=${item.decidedClaim.id}`}>
                              Claim #{item.decidedClaim.id} ({item.decidedClaim.status}): figures
                              frozen
                            </a>
                          ) : (
                            'No decided claim'
                          )}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          {decided.length > 0 && (
            <div class="alert warning" role="alert">
              <p>
                <strong>
                  {decided.length === 1
                    ? 'A decided claim covers this time.'
                    : `${decided.length} decided claims cover this time.`}
                </strong>{' '}
                Their figures stay as decided; the correction is shown beside them, flagged.
              </p>
            </div>
          )}
          {error && <ErrorMessage error={error} focus />}
          <p class="actions">
            <button type="button" disabled={busy} onClick={() => void save()}>
              {busy ? 'Saving…' : 'Save the correction'}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setPreview(null);
                document.getElementById('correction-state')?.focus();
              }}
            >
              Change it
            </button>
          </p>
        </section>
      )}
    </section>
  );
}
