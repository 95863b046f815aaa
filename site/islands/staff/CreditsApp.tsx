import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type Answered, apiClient, call } from '../../lib/api-client.ts';
import { type ApiError, isAbort, query } from '../../lib/client.ts';
import { monthLabel } from '../../lib/format.ts';
import { money, zonedDate } from '../shared/format.ts';
import { asApiError, ErrorMessage, Loading } from '../shared/messages.tsx';
import { Pager } from '../shared/Pager.tsx';
import { PortalBar } from '../shared/PortalBar.tsx';
import { queryParam, setQuery } from '../shared/page-query.ts';
import { STAFF_LINKS } from '../shared/portal-links.ts';
import { SessionGate } from '../shared/SessionGate.tsx';
import { TableWrap } from '../shared/TableWrap.tsx';
import type { SessionUser } from '../shared/types.ts';
import { useApiQuery } from '../shared/use-api-query.ts';
import { useServiceNames } from '../shared/use-service-names.ts';

/**
 * `/staff/credits/`: the credits ledger (approved claims), by month, with its totals per
 * currency and per customer over every matching entry (ADR 163), and its CSV export.
 */
export default function CreditsApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => <Credits user={user} signOut={signOut} />}
    </SessionGate>
  );
}

const PAGE_SIZE = 50;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function Credits(props: { user: SessionUser; signOut: () => Promise<void> }) {
  const initial = queryParam('period');
  const [period, setPeriod] = useState(initial !== null && MONTH.test(initial) ? initial : '');
  const [draft, setDraft] = useState(period);
  const [problem, setProblem] = useState<string | null>(null);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<Answered<'/staff/credits'> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // The ledger names services by slug.
  const names = useServiceNames();
  const cursor = cursors.at(-1);
  const totals = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/credits/totals', {
          params: { query: period ? { period } : {} },
          signal,
        }),
      ),
    [period],
  );

  useEffect(() => {
    const controller = new AbortController();
    setPage(null);
    call(
      apiClient.GET('/staff/credits', {
        params: {
          query: {
            ...(period === '' ? {} : { period }),
            limit: PAGE_SIZE,
            ...(cursor === undefined ? {} : { cursor }),
          },
        },
        signal: controller.signal,
      }),
    )
      .then(setPage)
      .catch((caught: unknown) => {
        if (!isAbort(caught)) setError(asApiError(caught));
      });
    return () => controller.abort();
  }, [period, cursor]);

  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = draft.trim();
    if (value !== '' && !MONTH.test(value)) {
      setProblem('A month, YYYY-MM, or empty for every month.');
      return;
    }
    setProblem(null);
    setPeriod(value);
    setCursors([undefined]);
    setQuery({ period: value || null });
  };

  return (
    <>
      <PortalBar
        user={props.user}
        signOut={props.signOut}
        links={STAFF_LINKS(props.user, '/staff/credits/')}
      />
      <h1>Credits ledger</h1>
      <p class="lead">
        Every approved credit, with the invoice it was applied to once credited. The CSV export
        holds every entry that matches the filter, then the same totals.
      </p>
      <form class="form month-picker" onSubmit={submit} noValidate>
        <div class="field">
          <label for="credits-period">Month (YYYY-MM, empty for all)</label>
          <input
            id="credits-period"
            type="text"
            placeholder="e.g. 2026-10"
            value={draft}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? 'credits-period-problem' : undefined}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          {problem && (
            <p class="field-problem" id="credits-period-problem">
              {problem}
            </p>
          )}
        </div>
        <p class="actions">
          <button type="submit">Show</button>
          <a
            class="button secondary-link"
            href={`/api/v1/staff/credits.csv${query({ period })}`}
            download
          >
            Download CSV{period ? ` for ${monthLabel(period)}` : ''}
          </a>
        </p>
      </form>
      {totals.error && <ErrorMessage error={totals.error} />}
      {totals.data && totals.data.byCurrency.length > 0 && (
        <section aria-labelledby="credits-totals">
          <h2 id="credits-totals">Totals{period ? ` for ${monthLabel(period)}` : ''}</h2>
          <p>Every matching entry, not only this page. Currencies are never added together.</p>
          <TableWrap label="Totals per currency">
            <table class="stack">
              <caption>Per currency</caption>
              <thead>
                <tr>
                  <th scope="col">Currency</th>
                  <th scope="col" class="number">
                    Entries
                  </th>
                  <th scope="col" class="number">
                    Approved
                  </th>
                  <th scope="col" class="number">
                    Credited on invoices
                  </th>
                </tr>
              </thead>
              <tbody>
                {totals.data.byCurrency.map((total) => (
                  <tr key={total.currency}>
                    <th scope="row" data-label="Currency">
                      {total.currency}
                    </th>
                    <td data-label="Entries" class="number">
                      {total.count}
                    </td>
                    <td data-label="Approved" class="number">
                      {money(total.amountMinor, total.currency)}
                    </td>
                    <td data-label="Credited on invoices" class="number">
                      {money(total.creditedMinor, total.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <TableWrap label="Totals per customer">
            <table class="stack">
              <caption>Per customer</caption>
              <thead>
                <tr>
                  <th scope="col">Customer</th>
                  <th scope="col">Currency</th>
                  <th scope="col" class="number">
                    Entries
                  </th>
                  <th scope="col" class="number">
                    Approved
                  </th>
                  <th scope="col" class="number">
                    Credited on invoices
                  </th>
                </tr>
              </thead>
              <tbody>
                {totals.data.byCustomer.map((total) => (
                  <tr key={`${total.customer.id}-${total.currency}`}>
                    <th scope="row" data-label="Customer">
                      {total.customer.name}
                    </th>
                    <td data-label="Currency">{total.currency}</td>
                    <td data-label="Entries" class="number">
                      {total.count}
                    </td>
                    <td data-label="Approved" class="number">
                      {money(total.amountMinor, total.currency)}
                    </td>
                    <td data-label="Credited on invoices" class="number">
                      {money(total.creditedMinor, total.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      )}
      {error && <ErrorMessage error={error} />}
      {!error && page === null && <Loading what="Loading the ledger" />}
      {page && page.items.length > 0 && <h2>Entries</h2>}
      {page && page.items.length === 0 && (
        <p>No credit{period ? ` for ${monthLabel(period)}` : ''} yet.</p>
      )}
      {page && page.items.length > 0 && (
        <TableWrap label="Credits">
          <table class="stack">
            <caption class="visually-hidden">Credits, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Customer</th>
                <th scope="col">Service and month</th>
                <th scope="col" class="number">
                  Amount
                </th>
                <th scope="col">Approved (UTC)</th>
                <th scope="col">Invoice</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((credit) => (
                <tr key={credit.id}>
                  <td data-label="Claim" class="nowrap">
                    <a
                      href={`/staff/claim/?id=${credit.claimId}`}
                      aria-label={`Claim #${credit.claimId}`}
                    >
                      #{credit.claimId}
                    </a>
                  </td>
                  <td data-label="Customer">{credit.customer.name}</td>
                  <td data-label="Service and month">
                    {names.get(credit.service) ?? credit.service}, {monthLabel(credit.period)}
                  </td>
                  <td data-label="Amount" class="number">
                    {money(credit.amountMinor, credit.currency)}
                  </td>
                  <td data-label="Approved (UTC)">
                    {zonedDate(credit.approvedAt, 'UTC')} by {credit.approvedBy}
                  </td>
                  <td data-label="Invoice">
                    {credit.invoiceReference === null
                      ? 'not yet credited'
                      : `${credit.invoiceReference}${credit.creditedAt ? `, ${zonedDate(credit.creditedAt, 'UTC')} (UTC)` : ''}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {page && <Pager cursors={cursors} nextCursor={page.nextCursor} onChange={setCursors} />}
    </>
  );
}
