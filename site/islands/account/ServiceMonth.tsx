import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { duration, monthLabel } from '../../lib/format.ts';
import { CLAIM_STATUS_LABELS, labelOf } from '../../lib/labels.ts';
import {
  measuredFromText,
  measuredText,
  notMonitoredText,
  WindowTables,
} from '../shared/evidence.tsx';
import { money, percent, zonedDate } from '../shared/format.ts';
import { newIdempotencyKey } from '../shared/idempotency.ts';
import { asApiError, ErrorMessage } from '../shared/messages.tsx';
import { MetTag, StatusTag } from '../shared/tags.tsx';
import type { AvailabilityItem, ClaimDto, EvaluationResult } from '../shared/types.ts';
import { localText } from '../shared/zoned.tsx';
import { DailyCharts } from './DailyCharts.tsx';

/**
 * One service of one agreement in one month: availability against the target, downtime,
 * the credit the rules give, the claim deadline in the agreement's zone, the claim (or the
 * button to file one), daily charts and the windows behind the figures.
 */
export function ServiceMonth(props: {
  item: AvailabilityItem;
  /** The customer's claims, for the amount of a decided one. */
  claims: ClaimDto[];
  onFiled: (claim: ClaimDto) => void;
  /** An internal agreement's month: the figures only, no credit, deadline or claim. */
  report?: boolean;
}) {
  const { item } = props;
  const report = props.report ?? false;
  const decision = props.claims.find((claim) => claim.id === item.claim?.id);
  const [filing, setFiling] = useState(false);
  const id = `svc-${item.agreementId}-${item.service}-${item.month}`;
  const zone = item.timeZone;
  const inProgress = Date.parse(item.asOf) < Date.parse(item.period.end);
  const claimsClosed = Date.now() >= Date.parse(item.claimDeadline);

  return (
    <article class="service-month" aria-labelledby={`${id}-name`}>
      <header class="service-month-head">
        <h3 id={`${id}-name`}>{item.serviceName}</h3>
        <MetTag met={item.met} status={item.status} />
      </header>
      <Headline
        evaluation={item}
        target={item.policy.targetPercent}
        monitoredSince={item.monitoredSince}
      />
      <dl class="facts">
        {item.status === 'evaluated' && (
          <>
            <dt>Downtime counted</dt>
            <dd>{duration(item.downtimeMs)}</dd>
            {!report && (
              <>
                <dt>Credit under the rules</dt>
                <dd>
                  <strong>{money(item.creditMinor, item.currency)}</strong>
                  <CreditExplanation item={item} />
                </dd>
              </>
            )}
          </>
        )}
        {decision && decision.approvedAmountMinor !== null && (
          <>
            <dt>Credit approved</dt>
            <dd>
              <strong>{money(decision.approvedAmountMinor, decision.currency)}</strong>
              {decision.invoiceReference
                ? ` — credited on invoice ${decision.invoiceReference}`
                : ' — to be credited on a coming invoice'}
            </dd>
          </>
        )}
        <dt>Measured</dt>
        <dd>{measuredText(item)}</dd>
        <dt>Policy</dt>
        <dd>
          {item.policy.name}, version {item.policy.version}
          {item.policy.effectiveFrom !== '0000-01' &&
            ` (in force from ${monthLabel(item.policy.effectiveFrom)})`}
        </dd>
        <dt>Figures</dt>
        <dd>
          {item.source === 'decided-claim' ? (
            <>
              Official: decided with{' '}
              {item.claim ? (
                <a href={`/account/claim/?id=${item.claim.id}`}>claim #{item.claim.id}</a>
              ) : (
                'a claim'
              )}
              . They stand even if windows are corrected later.
            </>
          ) : inProgress ? (
            'So far this month; they change until the month ends.'
          ) : (
            'Computed from the monitored windows as they are now.'
          )}
        </dd>
        {!report && (
          <>
            <dt>Claim deadline</dt>
            <dd>
              {inProgress
                ? `Claims open when the month ends, ${localText(item.period.end, zone)}`
                : `${claimsClosed ? 'Closed' : 'Closes'} ${localText(item.claimDeadline, zone)}`}
              {!inProgress && !claimsClosed && item.claimable && soon(item.claimDeadline)}
            </dd>
          </>
        )}
      </dl>
      {item.correction && <Correction decided={item} corrected={item.correction} />}
      {!report && (
        <ClaimArea item={item} filing={filing} setFiling={setFiling} onFiled={props.onFiled} />
      )}
      {item.status !== 'not-monitored' && <DailyCharts item={item} id={id} />}
      <WindowTables evaluation={item} context={item.serviceName} causes={item.countedCauses} />
    </article>
  );
}

/** ` — in 3 days` when a claimable month's deadline is near (two weeks or less). */
function soon(deadline: string): string {
  const days = Math.ceil((Date.parse(deadline) - Date.now()) / 86_400_000);
  if (days > 14) return '';
  return days <= 1 ? ' — within a day' : ` — in ${days} days`;
}

/** Availability against the target (and over what time), or why there is no figure. */
function Headline(props: {
  evaluation: EvaluationResult;
  target: number;
  monitoredSince: string | null;
}) {
  const { evaluation } = props;
  if (evaluation.status === 'not-covered') {
    return <p class="figure">The agreement did not cover this month.</p>;
  }
  if (evaluation.status === 'not-monitored') {
    return (
      <p class="figure no-data">
        <strong>{notMonitoredText(evaluation, props.monitoredSince)}</strong>. None of this month
        was measured, so none of it counts as available and the target is not judged.
      </p>
    );
  }
  const measuredFrom = measuredFromText(evaluation, props.monitoredSince);
  if (evaluation.status === 'no-eligible-time') {
    return (
      <p class="figure">
        No time counted this month: all of it was excluded (for example announced maintenance).
      </p>
    );
  }
  return (
    <>
      <p class="figure">
        <span class="big">{evaluation.availabilityDisplay} %</span> available, target{' '}
        {percent(props.target)}
      </p>
      {measuredFrom && <p class="measured-from">{measuredFrom}</p>}
    </>
  );
}

/** `1 day’s fee`, `0.5 day’s fee`, `2 days’ fee`. */
function daysFee(creditDays: number): string {
  return creditDays === 1 || creditDays < 1 ? `${creditDays} day’s fee` : `${creditDays} days’ fee`;
}

/**
 * How the credit was reached, each part with its amount: the tier's percentage of the fee,
 * the daily rule's qualifying days (local days in the agreement's zone) and what they are
 * worth, the cap.
 */
function CreditExplanation(props: { item: AvailabilityItem }) {
  const { item } = props;
  const fee = money(Math.round(item.feeBaseMinor), item.currency);
  const parts: string[] = [];
  if (item.creditPercent > 0) parts.push(`${item.creditPercent}\u00a0% of the fee ${fee}`);
  const days = item.qualifyingDays;
  const rule = item.policy.dailyRule;
  if (days.length > 0) {
    const count = days.length === 1 ? 'a qualifying day' : `${days.length} qualifying days`;
    const dates = days.map((day) => zonedDate(`${day}T12:00:00Z`, 'UTC')).join(', ');
    const terms =
      rule === null
        ? ''
        : `; more than ${rule.thresholdMinutes}\u00a0min of downtime in a day earns ${daysFee(rule.creditDays)}`;
    parts.push(
      `daily rule: ${money(item.dailyCreditMinor, item.currency)} for ${count} (${dates}, days in ${item.timeZone}${terms})`,
    );
  }
  if (item.capped) parts.push('lowered to the cap');
  if (parts.length === 0) return null;
  return <span class="meta"> — {parts.join('; ')}</span>;
}

/** Decided figures beside what today's (corrected) windows give. */
function Correction(props: { decided: EvaluationResult; corrected: EvaluationResult }) {
  const { decided, corrected } = props;
  const rows: [string, string, string][] = [
    [
      'Availability',
      decided.availabilityDisplay === null ? '—' : `${decided.availabilityDisplay}\u00a0%`,
      corrected.availabilityDisplay === null ? '—' : `${corrected.availabilityDisplay}\u00a0%`,
    ],
    ['Downtime counted', duration(decided.downtimeMs), duration(corrected.downtimeMs)],
    [
      'Credit under the rules',
      money(decided.creditMinor, decided.currency),
      money(corrected.creditMinor, corrected.currency),
    ],
  ];
  return (
    <div class="correction">
      <p>
        <strong>A later correction:</strong> windows of this month were corrected after the
        decision. The decided figures stand; the corrected ones are shown beside them.
      </p>
      <table class="compare">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Decided</th>
            <th scope="col">After the correction</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, before, after]) => (
            <tr key={name} class={before !== after ? 'differs' : undefined}>
              <th scope="row">{name}</th>
              <td>{before}</td>
              <td>
                {after}
                {before !== after && <span class="meta"> (differs)</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ClaimArea(props: {
  item: AvailabilityItem;
  filing: boolean;
  setFiling: (open: boolean) => void;
  onFiled: (claim: ClaimDto) => void;
}) {
  const { item } = props;
  const claim = item.claim;
  const live = claim !== null && claim.status !== 'rejected' && claim.status !== 'withdrawn';
  return (
    <div class="claim-area">
      {claim && (
        <p>
          <a href={`/account/claim/?id=${claim.id}`}>Claim #{claim.id}</a>{' '}
          <StatusTag status={claim.status} label={labelOf(CLAIM_STATUS_LABELS, claim.status)} />
          {!live && ' — you may file a new claim for this month.'}
        </p>
      )}
      {item.claimable && !props.filing && (
        <button
          type="button"
          class={item.creditMinor === 0 ? 'secondary' : undefined}
          onClick={() => props.setFiling(true)}
        >
          {item.creditMinor === 0 ? 'Dispute the figures' : 'File a claim'}
          <span class="visually-hidden">
            {' '}
            for {item.serviceName}, {monthLabel(item.month)}
          </span>
        </button>
      )}
      {item.claimable && props.filing && (
        <ClaimForm
          item={item}
          onCancel={() => props.setFiling(false)}
          onFiled={(filed) => {
            props.setFiling(false);
            props.onFiled(filed);
          }}
        />
      )}
    </div>
  );
}

function ClaimForm(props: {
  item: AvailabilityItem;
  onCancel: () => void;
  onFiled: (claim: ClaimDto) => void;
}) {
  const { item } = props;
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);
  // One key per form: pressing the button again after a lost answer is the same request.
  const key = useRef(newIdempotencyKey());
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const dispute = item.creditMinor === 0;
  const unmeasured = item.status === 'not-monitored';
  const fieldId = `claim-${item.agreementId}-${item.service}-${item.month}`;

  useEffect(() => {
    fieldRef.current?.focus();
  }, []);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (dispute && description.trim() === '') {
      setMissing(true);
      setError(
        asApiError(
          new Error(
            unmeasured
              ? 'Describe what you saw: nothing was measured this month, so a claim is a dispute.'
              : 'Describe what you saw: with no credit under the rules, a claim is a dispute.',
          ),
        ),
      );
      fieldRef.current?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      const claim = await call(
        apiClient.POST('/me/claims', {
          params: { header: { 'idempotency-key': key.current } },
          body: {
            agreementId: item.agreementId,
            service: item.service,
            period: item.month,
            ...(description.trim() !== '' ? { description: description.trim() } : {}),
          },
        }),
      );
      props.onFiled(claim);
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  return (
    <form class="form claim-form" onSubmit={submit} noValidate aria-labelledby={`${fieldId}-title`}>
      <h4 id={`${fieldId}-title`}>
        Claim for {item.serviceName}, {monthLabel(item.month)}
      </h4>
      <p>
        {unmeasured
          ? 'Nothing was measured this month, so the rules give no credit and this claim disputes that: tell support what you saw.'
          : dispute
            ? 'The rules give no credit for this month, so this claim disputes the figures: tell support what you saw.'
            : `The rules give ${money(item.creditMinor, item.currency)}. Support reviews the claim against the figures stored when you file it.`}
      </p>
      {error && <ErrorMessage error={error} />}
      <div class="field">
        <label for={fieldId}>Description {dispute ? '(required)' : '(optional)'}</label>
        <textarea
          id={fieldId}
          ref={fieldRef}
          rows={3}
          maxLength={5000}
          required={dispute}
          aria-invalid={missing ? 'true' : undefined}
          value={description}
          onInput={(event) => setDescription(event.currentTarget.value)}
        />
      </div>
      <p class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Filing…' : 'File claim'}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel} disabled={busy}>
          Cancel
        </button>
      </p>
    </form>
  );
}
