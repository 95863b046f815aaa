import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { duration, monthLabel } from '../../lib/format.ts';
import { CLAIM_STATUS_LABELS, labelOf, WINDOW_STATE_LABELS } from '../../lib/labels.ts';
import { ConfirmStep, useFocusBackFromConfirm } from '../shared/ConfirmStep.tsx';
import { Conversation, Trail } from '../shared/conversation.tsx';
import {
  measuredFromText,
  measuredText,
  notMonitoredText,
  Termination,
  WindowTables,
} from '../shared/evidence.tsx';
import { money, unmeasuredTime, zonedDateTime, zonedRange } from '../shared/format.ts';
import { asApiError, ErrorMessage, Loading } from '../shared/messages.tsx';
import { PortalBar } from '../shared/PortalBar.tsx';
import { pageBrand } from '../shared/page-brand.ts';
import { queryParam } from '../shared/page-query.ts';
import { STAFF_LINKS } from '../shared/portal-links.ts';
import { SessionGate } from '../shared/SessionGate.tsx';
import { ObjectivesTable, RequestsTable, SupportEvidence } from '../shared/support.tsx';
import { TableWrap } from '../shared/TableWrap.tsx';
import { MetTag, StatusTag } from '../shared/tags.tsx';
import type {
  CorrectionDto,
  EvaluationResult,
  SessionUser,
  StaffClaimDetail,
} from '../shared/types.ts';
import { useServiceNames } from '../shared/use-service-names.ts';
import { When } from '../shared/zoned.tsx';
import { DecisionForm } from './claim-decision.tsx';

/**
 * `/staff/claim/?id=N`: one claim with the evaluation stored at filing beside a fresh one
 * (differences highlighted), the corrections of its windows, the windows, the termination
 * right, the trail, comments and internal notes; the decision and the credit, each behind a
 * step that states the amount and the customer (docs/decisions/145). The evidence comes first
 * in the page (on a phone, above the decision); on a wide screen the decision stays beside it.
 * Times in the agreement's zone with UTC beside them.
 */
export default function ClaimReviewApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => <Review user={user} signOut={signOut} />}
    </SessionGate>
  );
}

function Review(props: { user: SessionUser; signOut: () => Promise<void> }) {
  const id = Number(queryParam('id'));
  const [claim, setClaim] = useState<StaffClaimDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const names = useServiceNames();

  const load = () =>
    call(apiClient.GET('/staff/claims/{id}', { params: { path: { id } } })).then((detail) => {
      setClaim(detail);
      document.title = `Claim #${detail.id} · Staff console · ${pageBrand().productName}`;
    });

  useEffect(() => {
    if (!Number.isSafeInteger(id) || id <= 0) {
      setError(asApiError(new Error('This address names no claim. Open one from the queue.')));
      return;
    }
    load().catch((caught: unknown) => setError(asApiError(caught)));
  }, []);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const done = async (message: string) => {
    await load();
    setNotice(message);
  };

  return (
    <>
      <PortalBar user={props.user} signOut={props.signOut} links={STAFF_LINKS(props.user, '')} />
      <p class="back">
        <a href="/staff/">← Claims queue</a>
      </p>
      {error && (
        <>
          <h1>Claim</h1>
          <ErrorMessage error={error} />
        </>
      )}
      {!error && claim === null && <Loading what="Loading the claim" />}
      {claim && (
        <>
          <h1>
            Claim #{claim.id}: {claim.serviceName}, {monthLabel(claim.period)}
          </h1>
          <p>
            <StatusTag status={claim.status} label={labelOf(CLAIM_STATUS_LABELS, claim.status)} />{' '}
            {claim.customer.name}
          </p>
          <p class="notice" role="status" tabIndex={-1} ref={noticeRef} hidden={!notice}>
            {notice ?? ''}
          </p>
          {(claim.status === 'submitted' || claim.status === 'approved') && (
            <p class="jump-to-decision">
              <a href="#decision">
                {claim.status === 'submitted' ? 'Go to the decision' : 'Go to the credit'}
              </a>{' '}
              (after the evidence)
            </p>
          )}
          <div class="review">
            <div class="review-evidence">
              <Summary claim={claim} />
              <h2>Evidence</h2>
              {claim.evaluation === null && <SupportReview claim={claim} />}
              {claim.evaluation && <Comparison claim={claim} evaluation={claim.evaluation} />}
              {claim.evaluation && (
                <WindowTables
                  evaluation={claim.evaluation}
                  context="stored at filing"
                  title="Windows stored at filing"
                  viewer="staff"
                />
              )}
              {claim.freshDiffers && claim.freshEvaluation && (
                <WindowTables
                  evaluation={claim.freshEvaluation}
                  context="today"
                  title="Windows as they are today"
                  viewer="staff"
                />
              )}
              {claim.kind === 'availability' && (
                <>
                  <Corrections corrections={claim.corrections} timeZone={zoneOf(claim)} />
                  <Termination
                    termination={claim.termination}
                    serviceNames={names}
                    headingLevel="h2"
                  />
                </>
              )}
            </div>
            {(claim.status === 'submitted' || claim.status === 'approved') && (
              <div class="review-decision" id="decision">
                {claim.status === 'submitted' && <DecisionForm claim={claim} onDone={done} />}
                {claim.status === 'approved' && <CreditForm claim={claim} onDone={done} />}
              </div>
            )}
          </div>
          <h2>Trail</h2>
          <Trail events={claim.events} timeZone={zoneOf(claim)} viewer="staff" />
          <h2>Comments and internal notes</h2>
          <Conversation
            comments={claim.comments}
            timeZone={zoneOf(claim)}
            viewer="staff"
            onAdd={async (body, internal) => {
              await call(
                apiClient.POST('/staff/claims/{id}/comments', {
                  params: { path: { id: claim.id } },
                  body: { body, internal },
                }),
              );
              await load();
            }}
          />
        </>
      )}
    </>
  );
}

function zoneOf(claim: StaffClaimDetail): string {
  return (claim.evaluation ?? claim.supportEvaluation)?.timeZone ?? 'UTC';
}

/** A support claim's evidence: the stored response figures, and the month as it is now. */
function SupportReview(props: { claim: StaffClaimDetail }) {
  const { claim } = props;
  const zone = zoneOf(claim);
  return (
    <>
      <div class="panel">
        <h3>Response figures stored at filing</h3>
        {claim.supportEvaluation && (
          <SupportEvidence
            evaluation={claim.supportEvaluation}
            {...(claim.support?.targetPercent != null
              ? { targetPercent: claim.support.targetPercent }
              : {})}
          />
        )}
        {claim.freshDiffers && (
          <p class="no-data">
            <strong>The figures have changed since filing</strong> (an event was recorded later);
            the table of requests below shows them as they are today.
          </p>
        )}
      </div>
      {claim.support && (
        <>
          <h3>Requests of {monthLabel(claim.period)}, as they are today</h3>
          <ObjectivesTable
            evaluation={claim.support}
            targetPercent={claim.support.targetPercent}
            targets={claim.support.targets}
            label="Response objectives today"
          />
          <RequestsTable month={claim.support} zone={zone} label="Support requests of the month" />
        </>
      )}
    </>
  );
}

function Summary(props: { claim: StaffClaimDetail }) {
  const { claim } = props;
  const zone = zoneOf(claim);
  return (
    <dl class="facts">
      <dt>Customer</dt>
      <dd>
        {claim.customer.name} (agreement #{claim.agreementId})
      </dd>
      <dt>Filed</dt>
      <dd>
        <When at={claim.createdAt} timeZone={zone} viewer="staff" />
      </dd>
      <dt>Description</dt>
      <dd class="note-text">{claim.description ?? '—'}</dd>
      <dt>Computed credit</dt>
      <dd>{money(claim.computedCreditMinor, claim.currency)}</dd>
      <dt>Cap</dt>
      <dd>{money(claim.capMinor, claim.currency)} (the most an approval may grant)</dd>
      {claim.approvedAmountMinor !== null && (
        <>
          <dt>Approved</dt>
          <dd>
            <strong>{money(claim.approvedAmountMinor, claim.currency)}</strong>
            {claim.decidedAt && (
              <>
                , <When at={claim.decidedAt} timeZone={zone} viewer="staff" />
              </>
            )}
          </dd>
        </>
      )}
      {claim.decisionReason && (
        <>
          <dt>Reason</dt>
          <dd class="note-text">{claim.decisionReason}</dd>
        </>
      )}
      {claim.invoiceReference && (
        <>
          <dt>Invoice</dt>
          <dd>
            {claim.invoiceReference}
            {claim.creditedAt && (
              <>
                , credited <When at={claim.creditedAt} timeZone={zone} viewer="staff" />
              </>
            )}
          </dd>
        </>
      )}
      <dt>Claim deadline</dt>
      <dd>
        <When at={claim.claimDeadline} timeZone={zone} viewer="staff" />
      </dd>
    </dl>
  );
}

type Row = { name: string; stored: string; fresh: string | null };

function figureRows(stored: EvaluationResult, fresh: EvaluationResult | null): Row[] {
  const both = (read: (evaluation: EvaluationResult) => string): [string, string | null] => [
    read(stored),
    fresh ? read(fresh) : null,
  ];
  const rows: [string, (evaluation: EvaluationResult) => string][] = [
    [
      'Availability',
      (e) => (e.availabilityDisplay === null ? '—' : `${e.availabilityDisplay}\u00a0%`),
    ],
    [
      'Target met',
      (e) =>
        e.status === 'not-monitored' ? '— (no data)' : e.met === null ? '—' : e.met ? 'Yes' : 'No',
    ],
    ['Not measured', (e) => (e.unmonitoredMs === 0 ? 'none' : unmeasuredTime(e.unmonitoredMs))],
    [
      'Downtime counted',
      (e) => (e.status === 'not-monitored' ? '— (nothing measured)' : duration(e.downtimeMs)),
    ],
    ['Eligible time', (e) => duration(e.eligibleMs)],
    ['Credit tier', (e) => `${e.creditPercent}\u00a0%`],
    ['Qualifying days', (e) => (e.qualifyingDays.length ? e.qualifyingDays.join(', ') : 'none')],
    ['Credit', (e) => money(e.creditMinor, e.currency)],
    ['Capped', (e) => (e.capped ? 'Yes' : 'No')],
    [
      'Windows counted',
      (e) => (e.status === 'not-monitored' ? '— (nothing measured)' : String(e.counted.length)),
    ],
    ['Windows ignored', (e) => String(e.ignored.length)],
  ];
  return rows.map(([name, read]) => {
    const [storedText, freshText] = both(read);
    return { name, stored: storedText, fresh: freshText };
  });
}

/** The stored evaluation (the evidence at filing) beside a fresh one on today's windows. */
function Comparison(props: { claim: StaffClaimDetail; evaluation: EvaluationResult }) {
  const { claim } = props;
  const stored = props.evaluation;
  const fresh = claim.freshEvaluation;
  const rows = figureRows(stored, fresh);
  const measuredFrom = measuredFromText(stored, claim.monitoredSince);
  return (
    <div class="panel">
      <p>
        <MetTag met={stored.met} status={stored.status} /> {measuredText(stored)}
      </p>
      {stored.status === 'not-monitored' && (
        <p class="no-data">
          <strong>{notMonitoredText(stored, claim.monitoredSince)}</strong>: a claim on a month
          nobody measured is a dispute; weigh the customer’s description.
        </p>
      )}
      {measuredFrom && <p class="measured-from">{measuredFrom}</p>}
      <p>
        {fresh === null
          ? 'No fresh evaluation: the agreement no longer exists.'
          : claim.freshDiffers
            ? 'Today’s windows give different figures (rows marked “differs”): a window was corrected or arrived late since filing.'
            : 'Today’s windows give the same figures as those stored at filing.'}
      </p>
      <TableWrap label="Stored and fresh figures">
        <table class="compare">
          <caption class="visually-hidden">Figures stored at filing beside today’s</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">Stored at filing</th>
              <th scope="col">Fresh (today)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const differs = row.fresh !== null && row.fresh !== row.stored;
              return (
                <tr key={row.name} class={differs ? 'differs' : undefined}>
                  <th scope="row">{row.name}</th>
                  <td>{row.stored}</td>
                  <td>
                    {row.fresh ?? '—'}
                    {differs && <strong class="differs-word"> (differs)</strong>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}

function Corrections(props: { corrections: CorrectionDto[]; timeZone: string }) {
  if (props.corrections.length === 0) {
    return (
      <>
        <h2>Corrections</h2>
        <p>No window of this service and month has been corrected.</p>
      </>
    );
  }
  const zone = props.timeZone;
  const span = (values: CorrectionDto['before'], timeZone: string) =>
    values.end
      ? zonedRange(values.start, values.end, timeZone)
      : `from ${zonedDateTime(values.start, timeZone)} (open)`;
  // The window in the agreement's zone, and for staff in UTC too.
  const window = (values: CorrectionDto['before']) => (
    <>
      {labelOf(WINDOW_STATE_LABELS, values.state)}, {span(values, zone)} ({zone})
      {zone !== 'UTC' && <span class="utc"> = {span(values, 'UTC')} UTC</span>}
    </>
  );
  return (
    <>
      <h2>Corrections</h2>
      <TableWrap label="Corrections">
        <table>
          <caption class="visually-hidden">Corrections of this month’s windows</caption>
          <thead>
            <tr>
              <th scope="col">When and who</th>
              <th scope="col">Reason</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {props.corrections.map((correction) => (
              <tr key={correction.id}>
                <td>
                  <When at={correction.createdAt} timeZone={zone} viewer="staff" />,{' '}
                  {correction.actor.email}
                  {correction.affectsDecidedClaim && (
                    <>
                      {' '}
                      <span class="status status-internal">After a decision</span>
                    </>
                  )}
                </td>
                <td>{correction.reason}</td>
                <td>{window(correction.before)}</td>
                <td>{window(correction.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

/** Records the invoice an approved credit went on, after a step naming amount and customer. */
function CreditForm(props: {
  claim: StaffClaimDetail;
  onDone: (message: string) => Promise<void>;
}) {
  const { claim } = props;
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const continueRef = useFocusBackFromConfirm(pending !== null);
  const amountText = money(claim.approvedAmountMinor ?? 0, claim.currency);
  const customer = claim.customer.name;

  const check = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reference.trim() === '') {
      setProblem('Enter the invoice the credit was applied to.');
      fieldRef.current?.focus();
      return;
    }
    setProblem(null);
    setError(null);
    setPending(reference.trim());
  };

  const record = async (invoiceReference: string) => {
    setBusy(true);
    setError(null);
    try {
      await call(
        apiClient.POST('/staff/claims/{id}/credit', {
          params: { path: { id: claim.id } },
          body: { invoiceReference },
        }),
      );
      await props.onDone(
        `Claim #${claim.id} marked credited: ${amountText} for ${customer} on ${invoiceReference}.`,
      );
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  if (pending !== null) {
    return (
      <div class="panel form">
        <h2>Credit</h2>
        <ConfirmStep
          id="credit-confirm"
          title="Confirm the credit"
          confirm={`Mark ${amountText} for ${customer} credited`}
          back="Change the invoice"
          busy={busy}
          error={error}
          onConfirm={() => void record(pending)}
          onBack={() => setPending(null)}
        >
          <p>
            Record that <strong>{amountText}</strong> was credited to <strong>{customer}</strong> on
            invoice <strong>{pending}</strong> (claim #{claim.id}, {claim.serviceName},{' '}
            {monthLabel(claim.period)}). The ledger and the customer show it at once.
          </p>
        </ConfirmStep>
      </div>
    );
  }

  return (
    <form class="panel form" onSubmit={check} noValidate aria-labelledby="credit-title">
      <h2 id="credit-title">Credit</h2>
      <p>
        Approved at <strong>{amountText}</strong> for {customer}. Once the credit is on an invoice,
        record the invoice here.
      </p>
      <div class="field">
        <label for="invoice-reference">Invoice reference</label>
        <input
          id="invoice-reference"
          ref={fieldRef}
          type="text"
          maxLength={200}
          autocomplete="off"
          value={reference}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? 'invoice-reference-problem' : undefined}
          onInput={(event) => setReference(event.currentTarget.value)}
        />
        {problem && (
          <p class="field-problem" id="invoice-reference-problem">
            {problem}
          </p>
        )}
      </div>
      <p class="actions">
        <button type="submit" ref={continueRef}>
          Continue to confirm
        </button>
      </p>
    </form>
  );
}
