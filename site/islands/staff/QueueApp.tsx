import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { type Answered, apiClient, call, definedOnly } from '../../lib/api-client.ts';
import { monthLabel } from '../../lib/format.ts';
import { CLAIM_STATUS_LABELS, labelOf } from '../../lib/labels.ts';
import { money, zonedDate } from '../shared/format.ts';
import { ErrorMessage, Loading } from '../shared/messages.tsx';
import { Pager } from '../shared/Pager.tsx';
import { PortalBar } from '../shared/PortalBar.tsx';
import { queryParam, setQuery } from '../shared/page-query.ts';
import { STAFF_LINKS } from '../shared/portal-links.ts';
import { SessionGate } from '../shared/SessionGate.tsx';
import { TableWrap } from '../shared/TableWrap.tsx';
import { StatusTag } from '../shared/tags.tsx';
import type { ClaimStatus, SessionUser } from '../shared/types.ts';
import { useApiQuery } from '../shared/use-api-query.ts';

type StaffQueuePage = Answered<'/staff/claims'>;
type QueueClaim = StaffQueuePage['items'][number];

/**
 * `/staff/`: the claims queue, oldest first: filter by status, age and amount, the count
 * per status, pages of 25. The filters live in the address, so a view can be shared.
 */
export default function QueueApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => <Queue user={user} signOut={signOut} />}
    </SessionGate>
  );
}

const PAGE_SIZE = 25;
const STATUSES: ClaimStatus[] = ['submitted', 'approved', 'credited', 'rejected', 'withdrawn'];

export interface Filters {
  status: ClaimStatus | 'all';
  minAgeDays: string;
  maxAgeDays: string;
  minAmount: string;
  maxAmount: string;
  period: string;
}

const FILTER_KEYS = ['minAgeDays', 'maxAgeDays', 'minAmount', 'maxAmount', 'period'] as const;

function filtersFromAddress(): Filters {
  const status = queryParam('status');
  return {
    status:
      status === 'all' || STATUSES.includes(status as ClaimStatus)
        ? (status as Filters['status'])
        : 'submitted',
    minAgeDays: queryParam('minAgeDays') ?? '',
    maxAgeDays: queryParam('maxAgeDays') ?? '',
    minAmount: queryParam('minAmount') ?? '',
    maxAmount: queryParam('maxAmount') ?? '',
    period: queryParam('period') ?? '',
  };
}

/**
 * Amounts are typed in major units; the API filters on minor units of each claim's own
 * currency, so two decimals are assumed (true of every currency in use here; see ADR 061).
 */
export function toMinor(text: string): number | null {
  const match = /^\s*(\d+)(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/**
 * A typed day filter as the API reads it; text that is not a whole number still goes along
 * (as NaN), so the API's 400 names it as before rather than the filter vanishing.
 */
function wholeDays(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

const NO_FILTERS: Filters = {
  status: 'submitted',
  minAgeDays: '',
  maxAgeDays: '',
  minAmount: '',
  maxAmount: '',
  period: '',
};

/** The queue's query for the API; the filters are checked by `problemsOf` before they apply. */
export function queueQuery(filters: Filters, cursor: string | undefined) {
  return definedOnly({
    ...(filters.status === 'all' ? {} : { status: filters.status }),
    minAgeDays: wholeDays(filters.minAgeDays),
    maxAgeDays: wholeDays(filters.maxAgeDays),
    minAmountMinor: filters.minAmount === '' ? null : toMinor(filters.minAmount),
    maxAmountMinor: filters.maxAmount === '' ? null : toMinor(filters.maxAmount),
    ...(filters.period === '' ? {} : { period: filters.period }),
    limit: PAGE_SIZE,
    ...(cursor === undefined ? {} : { cursor }),
  });
}

type Problems = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export function problemsOf(filters: Filters): Problems {
  const problems: Problems = {};
  for (const key of ['minAgeDays', 'maxAgeDays'] as const) {
    if (filters[key] !== '' && !/^\d{1,5}$/.test(filters[key].trim())) {
      problems[key] = 'Whole days, e.g. 7.';
    }
  }
  for (const key of ['minAmount', 'maxAmount'] as const) {
    if (filters[key] !== '' && toMinor(filters[key]) === null) {
      problems[key] = 'An amount, e.g. 250 or 250.50.';
    }
  }
  if (filters.period !== '' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(filters.period)) {
    problems.period = 'A month, YYYY-MM.';
  }
  return problems;
}

function Queue(props: { user: SessionUser; signOut: () => Promise<void> }) {
  const [filters, setFilters] = useState<Filters>(filtersFromAddress);
  const [draft, setDraft] = useState<Filters>(filters);
  const [problems, setProblems] = useState<Problems>({});
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const query = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/claims', { params: { query: queueQuery(filters, cursor) }, signal }),
      ),
    [filters, cursor],
  );
  // A new filter or page clears the table until its answer comes, as a failure does.
  const page = query.loading || query.error ? null : query.data;

  const apply = (next: Filters) => {
    setFilters(next);
    setDraft(next);
    setCursors([undefined]);
    setQuery({
      status: next.status === 'submitted' ? null : next.status,
      ...Object.fromEntries(FILTER_KEYS.map((key) => [key, next[key].trim() || null])),
    });
  };

  const submit = () => {
    const found = problemsOf(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    apply(draft);
  };

  return (
    <>
      <PortalBar
        user={props.user}
        signOut={props.signOut}
        links={STAFF_LINKS(props.user, '/staff/')}
      />
      <h1>Claims queue</h1>
      <p class="lead">
        Oldest first. Open a claim to see its stored evidence beside today’s figures, then approve,
        adjust or reject it.
      </p>
      <StatusTabs
        current={filters.status}
        counts={page?.counts ?? null}
        onPick={(status) => apply({ ...filters, status })}
      />
      <QueueFilterForm
        draft={draft}
        problems={problems}
        onDraft={setDraft}
        onSubmit={submit}
        onReset={() => apply(NO_FILTERS)}
      />
      {query.error && <ErrorMessage error={query.error} />}
      {!query.error && page === null && <Loading what="Loading claims" />}
      {page && (
        <>
          <p role="status">{pageSummary(page, cursors.length)}</p>
          {page.items.length > 0 && <QueueTable claims={page.items} />}
          <Pager cursors={cursors} nextCursor={page.nextCursor} onChange={setCursors} />
        </>
      )}
    </>
  );
}

/** `Claims 26–50 (more on the next page).` for the second page. */
function pageSummary(page: StaffQueuePage, pagesOpened: number): string {
  if (page.items.length === 0) return 'No claim matches these filters.';
  const first = (pagesOpened - 1) * PAGE_SIZE + 1;
  return `Claims ${first}–${first + page.items.length - 1}${
    page.nextCursor ? ' (more on the next page)' : ''
  }.`;
}

/** The status links with their counts, once the counts have come. */
function StatusTabs(props: {
  current: Filters['status'];
  counts: StaffQueuePage['counts'] | null;
  onPick: (status: Filters['status']) => void;
}) {
  const { counts } = props;
  const total = counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : 0;
  return (
    <nav aria-label="Claims by status">
      <ul class="counts">
        {(['all', ...STATUSES] as const).map((status) => {
          const count = counts ? (status === 'all' ? total : counts[status]) : null;
          return (
            <li key={status}>
              <a
                href={`?status=${status}`}
                aria-current={props.current === status ? 'true' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  props.onPick(status);
                }}
              >
                {status === 'all' ? 'All' : labelOf(CLAIM_STATUS_LABELS, status)}
                {count !== null && ` (${count})`}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function QueueFilterForm(props: {
  draft: Filters;
  problems: Problems;
  onDraft: (draft: Filters) => void;
  onSubmit: () => void;
  onReset: () => void;
}) {
  const { draft, problems } = props;
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    props.onSubmit();
  };

  const input = (
    key: (typeof FILTER_KEYS)[number],
    label: string,
    options: { inputMode?: 'numeric' | 'decimal'; placeholder?: string } = {},
  ) => (
    <div class="field">
      <label for={`filter-${key}`}>{label}</label>
      <input
        id={`filter-${key}`}
        type="text"
        inputMode={options.inputMode}
        placeholder={options.placeholder}
        value={draft[key]}
        aria-invalid={problems[key] ? 'true' : undefined}
        aria-describedby={problems[key] ? `filter-${key}-problem` : undefined}
        onInput={(event) => props.onDraft({ ...draft, [key]: event.currentTarget.value })}
      />
      {problems[key] && (
        <p class="hint" id={`filter-${key}-problem`}>
          {problems[key]}
        </p>
      )}
    </div>
  );

  return (
    <form class="form" onSubmit={submit} noValidate aria-label="Filter the queue">
      <div class="filters">
        {input('minAgeDays', 'Age at least (days)', { inputMode: 'numeric' })}
        {input('maxAgeDays', 'Age at most (days)', { inputMode: 'numeric' })}
        {input('minAmount', 'Credit from', { inputMode: 'decimal' })}
        {input('maxAmount', 'Credit up to', { inputMode: 'decimal' })}
        {input('period', 'Month (YYYY-MM)', { placeholder: '2026-10' })}
        <p class="actions">
          <button type="submit">Apply filters</button>
          <button type="button" class="secondary" onClick={props.onReset}>
            Reset
          </button>
        </p>
      </div>
      <p class="meta">
        Age counts days since filing; amounts are the computed credit in each claim’s own currency
        (e.g. 250 or 250.50). Status: the links above.
      </p>
    </form>
  );
}

function QueueTable(props: { claims: QueueClaim[] }) {
  return (
    <TableWrap label="Claims">
      <table class="stack">
        <caption class="visually-hidden">Claims, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Customer</th>
            <th scope="col">Service and month</th>
            <th scope="col">Status</th>
            <th scope="col" class="number">
              Computed credit
            </th>
            <th scope="col" class="number">
              Approved
            </th>
            <th scope="col" class="number">
              Age
            </th>
            <th scope="col">Filed (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {props.claims.map((claim) => (
            <QueueRow key={claim.id} claim={claim} />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function QueueRow({ claim }: { claim: QueueClaim }) {
  return (
    <tr>
      <td data-label="Claim" class="nowrap">
        <a href={`/staff/claim/?id=${claim.id}`} aria-label={`Claim #${claim.id}`}>
          #{claim.id}
        </a>
      </td>
      <td data-label="Customer">{claim.customer.name}</td>
      <td data-label="Service and month">
        {claim.serviceName}, {monthLabel(claim.period)}
        {claim.evaluation?.status === 'not-monitored' && (
          <>
            {' '}
            <span class="status status-none">No data</span>
          </>
        )}
      </td>
      <td data-label="Status">
        <StatusTag status={claim.status} label={labelOf(CLAIM_STATUS_LABELS, claim.status)} />
      </td>
      <td data-label="Computed credit" class="number">
        {money(claim.computedCreditMinor, claim.currency)}
      </td>
      <td data-label="Approved" class="number">
        {claim.approvedAmountMinor === null
          ? '—'
          : money(claim.approvedAmountMinor, claim.currency)}
      </td>
      <td data-label="Age" class="number">
        {claim.ageDays} {claim.ageDays === 1 ? 'day' : 'days'}
      </td>
      <td data-label="Filed (UTC)">{zonedDate(claim.createdAt, 'UTC')}</td>
    </tr>
  );
}
