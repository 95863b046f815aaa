import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ApiError, api } from '../../lib/client.ts';
import { duration, monthLabel } from '../../lib/format.ts';
import {
  asApiError,
  ErrorMessage,
  Loading,
  MetTag,
  PortalBar,
  pageBrand,
  queryParam,
  SessionGate,
  STAFF_LINKS,
  StatusTag,
  useServiceNames,
} from '../account/common.tsx';
import { Conversation, Trail } from '../account/conversation.tsx';
import {
  measuredFromText,
  measuredText,
  notMonitoredText,
  TableWrap,
  Termination,
  WindowTables,
} from '../account/evidence.tsx';
import {
  labelOf,
  money,
  moneyInput,
  parseMoney,
  STATE_NAMES,
  STATUS_LABELS,
  unmeasuredTime,
  zonedDateTime,
} from '../account/format.ts';
import { ObjectivesTable, RequestsTable, SupportEvidence } from '../account/support.tsx';
import type {
  ClaimDto,
  CorrectionDto,
  EvaluationResult,
  SessionUser,
  StaffClaimDetail,
} from '../account/types.ts';

/**
 * `/staff/claim/?id=N`: one claim with the evaluation stored at filing beside a fresh one
 * (differences highlighted), the corrections of its windows, the windows, the termination
 * right, the trail, comments and internal notes; the decision and the credit.
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
    api.get<StaffClaimDetail>(`/staff/claims/${id}`).then((detail) => {
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
            <StatusTag status={claim.status} label={labelOf(STATUS_LABELS, claim.status)} />{' '}
            {claim.customer.name}
          </p>
          <p class="notice" role="status" tabIndex={-1} ref={noticeRef} hidden={!notice}>
            {notice ?? ''}
          </p>
          <div class="two-columns">
            <div>
              <Summary claim={claim} />
            </div>
            <div>
              {claim.status === 'submitted' && <DecisionForm claim={claim} onDone={done} />}
              {claim.status === 'approved' && <CreditForm claim={claim} onDone={done} />}
            </div>
          </div>
          <h2>Evidence</h2>
          {claim.evaluation === null && <SupportReview claim={claim} />}
          {claim.evaluation && <Comparison claim={claim} evaluation={claim.evaluation} />}
          {claim.evaluation && (
            <WindowTables
              evaluation={claim.evaluation}
              context="stored at filing"
              title="Windows stored at filing"
            />
          )}
          {claim.freshDiffers && claim.freshEvaluation && (
            <WindowTables
              evaluation={claim.freshEvaluation}
              context="today"
              title="Windows as they are today"
            />
          )}
          {claim.kind === 'availability' && (
            <>
              <Corrections corrections={claim.corrections} timeZone={zoneOf(claim)} />
              <Termination termination={claim.termination} serviceNames={names} headingLevel="h2" />
            </>
          )}
          <h2>Trail</h2>
          <Trail events={claim.events} timeZone={zoneOf(claim)} viewer="staff" />
          <h2>Comments and internal notes</h2>
          <Conversation
            comments={claim.comments}
            timeZone={zoneOf(claim)}
            viewer="staff"
            onAdd={async (body, internal) => {
              await api.post(`/staff/claims/${claim.id}/comments`, { body, internal });
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
        {zonedDateTime(claim.createdAt, zone)} ({zone})
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
            {claim.decidedAt && `, ${zonedDateTime(claim.decidedAt, zone)}`}
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
            {claim.creditedAt && `, credited ${zonedDateTime(claim.creditedAt, zone)}`}
          </dd>
        </>
      )}
      <dt>Claim deadline</dt>
      <dd>
        {zonedDateTime(claim.claimDeadline, zone)} ({zone})
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
  const window = (values: CorrectionDto['before']) =>
    `${labelOf(STATE_NAMES, values.state)}, ${zonedDateTime(values.start, props.timeZone)} – ${
      values.end ? zonedDateTime(values.end, props.timeZone) : 'open'
    }`;
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
                  {zonedDateTime(correction.createdAt, props.timeZone)}, {correction.actor.email}
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

type Choice = 'approve' | 'reject';

function DecisionForm(props: { claim: ClaimDto; onDone: (message: string) => Promise<void> }) {
  const { claim } = props;
  const [choice, setChoice] = useState<Choice>('approve');
  const [other, setOther] = useState(false);
  const [amount, setAmount] = useState(moneyInput(claim.computedCreditMinor, claim.currency));
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ amount?: string; reason?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const cap = money(claim.capMinor, claim.currency);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: { amount?: string; reason?: string } = {};
    let amountMinor: number | undefined;
    if (choice === 'approve' && other) {
      const parsed = parseMoney(amount, claim.currency);
      if (parsed === null) found.amount = `Enter an amount in ${claim.currency}, e.g. 250.00.`;
      else if (parsed > claim.capMinor) {
        found.amount = `At most ${cap}: an approval never exceeds the cap.`;
      } else if (parsed !== claim.computedCreditMinor) amountMinor = parsed;
    }
    const needsReason = choice === 'reject' || amountMinor !== undefined;
    if (needsReason && reason.trim() === '') {
      found.reason =
        choice === 'reject'
          ? 'Give the reason for the rejection; the customer sees it.'
          : 'Give the reason for approving another amount than the computed credit.';
    }
    setProblems(found);
    if (found.amount) {
      amountRef.current?.focus();
      return;
    }
    if (found.reason) {
      reasonRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const decided = await api.post<ClaimDto>(`/staff/claims/${claim.id}/decision`, {
        decision: choice,
        ...(amountMinor !== undefined ? { amountMinor } : {}),
        ...(reason.trim() !== '' ? { reason: reason.trim() } : {}),
      });
      await props.onDone(
        decided.status === 'approved'
          ? `Claim #${claim.id} approved at ${money(decided.approvedAmountMinor ?? 0, claim.currency)}.`
          : `Claim #${claim.id} rejected.`,
      );
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  return (
    <form class="panel form" onSubmit={submit} noValidate aria-labelledby="decision-title">
      <h2 id="decision-title">Decision</h2>
      {error && <ErrorMessage error={error} focus />}
      <fieldset>
        <legend>Approve or reject</legend>
        <div class="check">
          <input
            type="radio"
            id="decision-approve"
            name="decision"
            checked={choice === 'approve'}
            onChange={() => setChoice('approve')}
          />
          <label for="decision-approve">Approve</label>
        </div>
        <div class="check">
          <input
            type="radio"
            id="decision-reject"
            name="decision"
            checked={choice === 'reject'}
            onChange={() => setChoice('reject')}
          />
          <label for="decision-reject">Reject</label>
        </div>
      </fieldset>
      {choice === 'approve' && (
        <fieldset>
          <legend>Amount</legend>
          <div class="check">
            <input
              type="radio"
              id="amount-computed"
              name="amount-choice"
              checked={!other}
              onChange={() => setOther(false)}
            />
            <label for="amount-computed">
              The computed credit, {money(claim.computedCreditMinor, claim.currency)}
            </label>
          </div>
          <div class="check">
            <input
              type="radio"
              id="amount-other"
              name="amount-choice"
              checked={other}
              onChange={() => setOther(true)}
            />
            <label for="amount-other">Another amount (needs a reason)</label>
          </div>
          {other && (
            <div class="field">
              <label for="decision-amount">Amount in {claim.currency}</label>
              <p class="hint" id="decision-amount-hint">
                At most {cap}, the cap.
              </p>
              <input
                id="decision-amount"
                ref={amountRef}
                type="text"
                inputMode="decimal"
                autocomplete="off"
                value={amount}
                aria-invalid={problems.amount ? 'true' : undefined}
                aria-describedby={`decision-amount-hint${problems.amount ? ' decision-amount-problem' : ''}`}
                onInput={(event) => setAmount(event.currentTarget.value)}
              />
              {problems.amount && (
                <p class="field-problem" id="decision-amount-problem">
                  {problems.amount}
                </p>
              )}
            </div>
          )}
        </fieldset>
      )}
      <div class="field">
        <label for="decision-reason">
          Reason
          {choice === 'reject'
            ? ' (required; the customer sees it)'
            : other
              ? ' (required for another amount; the customer sees it)'
              : ' (optional; the customer sees it)'}
        </label>
        <textarea
          id="decision-reason"
          ref={reasonRef}
          rows={3}
          maxLength={5000}
          value={reason}
          aria-invalid={problems.reason ? 'true' : undefined}
          aria-describedby={problems.reason ? 'decision-reason-problem' : undefined}
          onInput={(event) => setReason(event.currentTarget.value)}
        />
        {problems.reason && (
          <p class="field-problem" id="decision-reason-problem">
            {problems.reason}
          </p>
        )}
      </div>
      <p class="actions">
        <button type="submit" class={choice === 'reject' ? 'danger' : undefined} disabled={busy}>
          {busy ? 'Saving…' : choice === 'reject' ? 'Reject the claim' : 'Approve the claim'}
        </button>
      </p>
    </form>
  );
}

function CreditForm(props: { claim: ClaimDto; onDone: (message: string) => Promise<void> }) {
  const { claim } = props;
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reference.trim() === '') {
      setProblem('Enter the invoice the credit was applied to.');
      fieldRef.current?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    setError(null);
    try {
      await api.post(`/staff/claims/${claim.id}/credit`, { invoiceReference: reference.trim() });
      await props.onDone(`Claim #${claim.id} marked credited on ${reference.trim()}.`);
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  return (
    <form class="panel form" onSubmit={submit} noValidate aria-labelledby="credit-title">
      <h2 id="credit-title">Credit</h2>
      <p>
        Approved at <strong>{money(claim.approvedAmountMinor ?? 0, claim.currency)}</strong>. Once
        the credit is on an invoice, record the invoice here.
      </p>
      {error && <ErrorMessage error={error} focus />}
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
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Mark credited'}
        </button>
      </p>
    </form>
  );
}
