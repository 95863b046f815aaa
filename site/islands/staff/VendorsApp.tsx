import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { duration, monthLabel } from '../../lib/format.ts';
import { VENDOR_CLAIM_STATUS_LABELS } from '../../lib/labels.ts';
import { Field } from '../shared/Field.tsx';
import { money, parseMoney, zonedDate } from '../shared/format.ts';
import { asApiError, ErrorMessage, Loading } from '../shared/messages.tsx';
import { PortalBar } from '../shared/PortalBar.tsx';
import { queryParam } from '../shared/page-query.ts';
import { STAFF_LINKS } from '../shared/portal-links.ts';
import { SessionGate } from '../shared/SessionGate.tsx';
import { TableWrap } from '../shared/TableWrap.tsx';
import type { SessionUser } from '../shared/types.ts';
import { useApiQuery } from '../shared/use-api-query.ts';
import { Notice, type Schemas } from './oncall.tsx';

/**
 * `/staff/vendors/`: what our vendors owe us in a quarter under their own terms, for the
 * windows we attributed to them (docs/decisions/196–198): per vendor and currency, month by
 * month, with the claims we filed with them and their answers, recorded here.
 */
export default function VendorsApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => <Vendors user={user} signOut={signOut} />}
    </SessionGate>
  );
}

type Quarter = Schemas['VendorQuarter'];
type VendorEntry = Quarter['vendors'][number];
type VendorMonth = VendorEntry['items'][number];
type VendorClaim = Schemas['VendorClaim'];

const QUARTER = /^\d{4}-Q[1-4]$/;

/** `Q4 2026` from `2026-Q4`. */
function quarterLabel(quarter: string): string {
  return `${quarter.slice(5)} ${quarter.slice(0, 4)}`;
}

function Vendors(props: { user: SessionUser; signOut: () => Promise<void> }) {
  const asked = queryParam('quarter');
  const quarter = asked !== null && QUARTER.test(asked) ? asked : undefined;
  const [notice, setNotice] = useState<string | null>(null);
  const report = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/vendor-credits', {
          params: { query: quarter === undefined ? {} : { quarter } },
          signal,
        }),
      ),
    [quarter],
  );
  const data = report.data;
  return (
    <>
      <PortalBar
        user={props.user}
        signOut={props.signOut}
        links={STAFF_LINKS(props.user, '/staff/vendors/')}
      />
      <h1>What our vendors owe us{data ? `: ${quarterLabel(data.quarter)}` : ''}</h1>
      <p class="lead">
        Credits our vendors owe us under their own terms, for the outages we attributed to them.
        Each month follows its vendor agreement’s time zone; a month still going on shows its credit
        so far.
      </p>
      {data && (
        <nav class="quarter-nav" aria-label="Quarters">
          <a href={`/staff/vendors/?quarter=${data.previous}`}>← {quarterLabel(data.previous)}</a>
          <a href={`/staff/vendors/?quarter=${data.next}`}>{quarterLabel(data.next)} →</a>
        </nav>
      )}
      <Notice text={notice} />
      {report.error && <ErrorMessage error={report.error} />}
      {!report.error && data === null && <Loading what="Loading what our vendors owe us" />}
      {data && data.vendors.length === 0 && (
        <p>No vendor agreement covers {quarterLabel(data.quarter)} yet.</p>
      )}
      {data?.unavailable.map((item) => (
        <p class="field-problem" key={item.agreementId}>
          Vendor agreement #{item.agreementId}: {item.reason}
        </p>
      ))}
      {data?.vendors.map((entry) => (
        <VendorSection
          key={entry.vendor.id}
          entry={entry}
          nowMs={Date.parse(data.generatedAt)}
          onChange={(text) => {
            setNotice(text);
            report.reload();
          }}
        />
      ))}
    </>
  );
}

function VendorSection(props: {
  entry: VendorEntry;
  /** The server's now, as the figures were computed. */
  nowMs: number;
  onChange: (notice: string) => void;
}) {
  const { entry } = props;
  const headingId = `vendor-${entry.vendor.id}`;
  return (
    <section class="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{entry.vendor.name}</h2>
      <TableWrap label={`${entry.vendor.name}: totals`}>
        <table class="stack">
          <caption>Totals per currency</caption>
          <thead>
            <tr>
              <th scope="col">Currency</th>
              <th scope="col" class="number">
                Owed (ended months)
              </th>
              <th scope="col" class="number">
                Received
              </th>
              <th scope="col" class="number">
                Still open
              </th>
              <th scope="col" class="number">
                So far this month
              </th>
            </tr>
          </thead>
          <tbody>
            {entry.totals.map((total) => (
              <tr key={total.currency}>
                <th scope="row" data-label="Currency">
                  {total.currency}
                </th>
                <td data-label="Owed (ended months)" class="number">
                  <strong>{money(total.owedMinor, total.currency)}</strong>
                </td>
                <td data-label="Received" class="number">
                  {money(total.receivedMinor, total.currency)}
                </td>
                <td data-label="Still open" class="number">
                  {money(total.openMinor, total.currency)}
                </td>
                <td data-label="So far this month" class="number">
                  {money(total.soFarMinor, total.currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <TableWrap label={`${entry.vendor.name}: months`}>
        <table class="stack">
          <caption>Month by month</caption>
          <thead>
            <tr>
              <th scope="col">Service and month</th>
              <th scope="col">Availability</th>
              <th scope="col">Downtime</th>
              <th scope="col" class="number">
                Credit
              </th>
              <th scope="col">Claim with the vendor</th>
            </tr>
          </thead>
          <tbody>
            {entry.items.map((item) => (
              <tr key={`${item.agreementId}:${item.service}:${item.month}`}>
                <th scope="row" data-label="Service and month">
                  {item.serviceName}, {monthLabel(item.month)}
                  <span class="meta">
                    {' '}
                    ({item.policy.name}, {item.timeZone})
                  </span>
                </th>
                <td data-label="Availability">
                  {item.availabilityDisplay === null ? 'No data' : `${item.availabilityDisplay} %`}{' '}
                  <span class="meta">
                    (target {String(item.policy.targetPercent)} %
                    {item.met === false ? ', missed' : ''})
                  </span>
                </td>
                <td data-label="Downtime">
                  {item.downtimeMs === 0 ? 'None' : duration(item.downtimeMs)}
                </td>
                <td data-label="Credit" class="number">
                  {money(item.creditMinor, item.currency)}
                  {!item.final && <span class="meta"> so far</span>}
                </td>
                <td data-label="Claim with the vendor">
                  <ClaimCell item={item} nowMs={props.nowMs} onChange={props.onChange} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function ClaimCell(props: {
  item: VendorMonth;
  nowMs: number;
  onChange: (notice: string) => void;
}) {
  const { item } = props;
  const claim = item.claim;
  const label = `${item.serviceName}, ${monthLabel(item.month)}`;
  if (claim !== null && claim.status !== 'refused') {
    return (
      <>
        <p>
          {VENDOR_CLAIM_STATUS_LABELS[claim.status]}
          {claim.vendorReference ? ` (${claim.vendorReference})` : ''}, filed{' '}
          {zonedDate(claim.filedAt, item.timeZone)}
          {claim.status === 'granted' && claim.amountReceivedMinor !== null
            ? `: ${money(claim.amountReceivedMinor, claim.currency)} received`
            : ''}
        </p>
        {claim.status === 'filed' && (
          <DecisionForm claim={claim} label={label} onChange={props.onChange} />
        )}
      </>
    );
  }
  const deadlineMs = Date.parse(item.claimDeadline);
  const refused =
    claim?.status === 'refused' ? `Refused: ${claim.decisionNote ?? 'no reason given'}. ` : '';
  if (!item.final) return <p>{refused}The month is still going on.</p>;
  if (props.nowMs >= deadlineMs) {
    return (
      <p>
        {refused}Not filed; the vendor’s deadline was {zonedDate(item.claimDeadline, item.timeZone)}
        .
      </p>
    );
  }
  if (item.creditMinor === 0 && claim === null) return <p>Nothing owed.</p>;
  return (
    <>
      <p>
        {refused}Not filed yet: the vendor’s deadline is{' '}
        {zonedDate(item.claimDeadline, item.timeZone)}.
      </p>
      <FilingForm item={item} label={label} onChange={props.onChange} />
    </>
  );
}

function FilingForm(props: {
  item: VendorMonth;
  label: string;
  onChange: (notice: string) => void;
}) {
  const { item } = props;
  const [open, setOpen] = useState(false);
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const idBase = `file-${item.agreementId}-${item.service}-${item.month}`;
  if (!open) {
    return (
      <button type="button" class="secondary small" onClick={() => setOpen(true)}>
        Record the filing<span class="visually-hidden"> for {props.label}</span>
      </button>
    );
  }
  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(
        apiClient.POST('/staff/vendor-claims', {
          body: {
            agreementId: item.agreementId,
            service: item.service,
            period: item.month,
            ...(reference.trim() ? { vendorReference: reference.trim() } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      );
      props.onChange(`The claim for ${props.label} is recorded as filed.`);
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };
  return (
    <form class="form compact" onSubmit={(event) => void submit(event)} noValidate>
      {error && <ErrorMessage error={error} />}
      <Field id={`${idBase}-reference`} label="The vendor’s case number (optional)">
        {(aria) => (
          <input
            {...aria}
            type="text"
            value={reference}
            onInput={(event) => setReference(event.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={`${idBase}-note`} label="Note (optional)">
        {(aria) => (
          <textarea
            {...aria}
            rows={2}
            value={note}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
        )}
      </Field>
      <p class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Recording…' : 'Record as filed today'}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </p>
    </form>
  );
}

function DecisionForm(props: {
  claim: VendorClaim;
  label: string;
  onChange: (notice: string) => void;
}) {
  const { claim } = props;
  const [open, setOpen] = useState(false);
  const [decision, setDecision] = useState<'granted' | 'refused'>('granted');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const idBase = `decide-${claim.id}`;
  if (!open) {
    return (
      <button type="button" class="secondary small" onClick={() => setOpen(true)}>
        Record the vendor’s answer<span class="visually-hidden"> for {props.label}</span>
      </button>
    );
  }
  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const amountMinor = parseMoney(amount, claim.currency);
    if (decision === 'granted' && (amountMinor === null || amountMinor < 1)) {
      setProblem(`Enter the amount received in ${claim.currency}, such as 1200.00.`);
      return;
    }
    if (decision === 'refused' && note.trim() === '') {
      setProblem('Enter the vendor’s reason for the refusal.');
      return;
    }
    setProblem(null);
    setBusy(true);
    setError(null);
    try {
      await call(
        apiClient.POST('/staff/vendor-claims/{id}/decision', {
          params: { path: { id: claim.id } },
          body: {
            decision,
            ...(decision === 'granted' && amountMinor !== null
              ? { amountReceivedMinor: amountMinor }
              : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      );
      props.onChange(`The vendor’s answer for ${props.label} is recorded.`);
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };
  return (
    <form class="form compact" onSubmit={(event) => void submit(event)} noValidate>
      {error && <ErrorMessage error={error} />}
      <fieldset>
        <legend>The vendor’s answer</legend>
        {(['granted', 'refused'] as const).map((choice) => (
          <div class="check" key={choice}>
            <input
              id={`${idBase}-${choice}`}
              type="radio"
              name={`${idBase}-decision`}
              checked={decision === choice}
              onChange={() => setDecision(choice)}
            />
            <label for={`${idBase}-${choice}`}>
              {choice === 'granted' ? 'Granted' : 'Refused'}
            </label>
          </div>
        ))}
      </fieldset>
      {decision === 'granted' && (
        <Field
          id={`${idBase}-amount`}
          label={`Amount received (${claim.currency})`}
          hint={`The claim asked for ${money(claim.computedCreditMinor, claim.currency)}.`}
          problem={problem}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="decimal"
              value={amount}
              onInput={(event) => setAmount(event.currentTarget.value)}
            />
          )}
        </Field>
      )}
      <Field
        id={`${idBase}-note`}
        label={decision === 'refused' ? 'The vendor’s reason' : 'Note (optional)'}
        problem={decision === 'refused' ? problem : null}
      >
        {(aria) => (
          <textarea
            {...aria}
            rows={2}
            value={note}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
        )}
      </Field>
      <p class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Recording…' : 'Record the answer'}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </p>
    </form>
  );
}
