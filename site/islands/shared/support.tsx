import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { apiClient, call, type components } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { duration, monthLabel } from '../../lib/format.ts';
import { CLAIM_STATUS_LABELS, labelOf } from '../../lib/labels.ts';
import { money, zonedDateTime } from './format.ts';
import { newIdempotencyKey } from './idempotency.ts';
import { asApiError, ErrorMessage } from './messages.tsx';
import { TableWrap } from './TableWrap.tsx';
import { MetTag, StatusTag } from './tags.tsx';
import type { ClaimDto } from './types.ts';

/**
 * Response times (sla-response.md) as customers and staff read them: attainment per
 * priority against the objective, the credit, and each request with its times. Automated
 * replies are listed and marked "not counted", with why.
 */

export type SupportMonth = NonNullable<components['schemas']['SupportMonth']>;
type SupportEvaluation = NonNullable<components['schemas']['SupportEvaluation']>;
type RequestLine = SupportMonth['requests'][number];

const OUTCOMES: Record<string, string> = {
  met: 'Met',
  missed: 'Missed',
  pending: 'Pending',
};

const KINDS: Record<string, string> = {
  firstResponse: 'First response',
  resolution: 'Resolution',
};

const IGNORED: Record<string, string> = {
  'not-yet-opened': 'not opened yet',
  'outside-period': 'opened in another month',
  'outside-coverage': 'opened outside the agreement',
  'not-covered': 'no objective for this priority',
};

const EVENT_NAMES: Record<string, string> = {
  'human-response': 'Response by a person',
  'automated-response': 'Automated reply',
  paused: 'Paused: waiting on the customer',
  resumed: 'Resumed',
  resolved: 'Resolved',
  reopened: 'Reopened',
};

/** A cell of a stacked table: named by its column on a phone (portal.css `table.stack`). */
export function Cell(props: { label: string; children?: ComponentChildren }) {
  return (
    <td data-label={props.label}>
      <div class="cell">{props.children}</div>
    </td>
  );
}

function minutesText(minutes: number): string {
  return duration(Math.round(minutes * 60_000));
}

function OutcomeTag(props: { outcome: string | null }) {
  if (props.outcome === null) return <span class="meta">no target</span>;
  const tone =
    props.outcome === 'met' ? 'met' : props.outcome === 'missed' ? 'missed' : 'submitted';
  return <span class={`status status-${tone}`}>{labelOf(OUTCOMES, props.outcome)}</span>;
}

/** Attainment per priority and objective, against the target share. */
export function ObjectivesTable(props: {
  evaluation: Pick<SupportEvaluation, 'objectives'>;
  targetPercent: number | null;
  targets?: SupportMonth['targets'];
  label: string;
}) {
  const { evaluation } = props;
  if (evaluation.objectives.length === 0) {
    return <p>No request of this month has a response objective.</p>;
  }
  return (
    <TableWrap label={props.label}>
      <table class="stack data">
        <caption class="visually-hidden">{props.label}</caption>
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">Objective</th>
            <th scope="col">Met</th>
            <th scope="col">Missed</th>
            <th scope="col">Pending</th>
            <th scope="col">Attainment</th>
          </tr>
        </thead>
        <tbody>
          {evaluation.objectives.map((line) => {
            const target = props.targets?.find((item) => item.priority === line.priority);
            const minutes =
              line.kind === 'firstResponse'
                ? target?.firstResponseMinutes
                : (target?.resolutionMinutes ?? undefined);
            const below =
              line.attainmentPercent !== null &&
              props.targetPercent !== null &&
              line.attainmentPercent < props.targetPercent;
            return (
              <tr key={`${line.priority}-${line.kind}`}>
                <th scope="row">{line.priority}</th>
                <Cell label="Objective">
                  {labelOf(KINDS, line.kind)}
                  {minutes !== undefined &&
                    ` within ${minutesText(minutes)}${target?.calendar === 'business' ? ' of business hours' : ''}`}
                </Cell>
                <Cell label="Met">{line.met}</Cell>
                <Cell label="Missed">{line.missed}</Cell>
                <Cell label="Pending">{line.pending}</Cell>
                <Cell label="Attainment">
                  {line.attainmentDisplay === null ? (
                    '—'
                  ) : (
                    <>
                      <strong>{line.attainmentDisplay}&nbsp;%</strong>
                      {props.targetPercent !== null &&
                        (below
                          ? ` — below the ${props.targetPercent}\u00a0% target`
                          : ` — target ${props.targetPercent}\u00a0%`)}
                    </>
                  )}
                </Cell>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Times on a business calendar count business hours only: said, so 15 h is not misread. */
function businessNote(month: SupportMonth, line: RequestLine): string {
  const target = month.targets.find((item) => item.priority === line.priority);
  return target?.calendar === 'business' ? ' of business hours' : '';
}

function EventList(props: { line: RequestLine; zone: string }) {
  return (
    <ul class="support-events">
      {props.line.events.map((event) => (
        <li key={event.id}>
          {zonedDateTime(event.at, props.zone)}: {labelOf(EVENT_NAMES, event.type)}
          {!event.counted && (
            <>
              {' '}
              <span class="status status-none">Not counted</span>{' '}
              <span class="meta">
                an automated reply does not stop the response clock; only a person’s answer does
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Each request of the month with its times and events. */
export function RequestsTable(props: { month: SupportMonth; zone: string; label: string }) {
  const { month, zone } = props;
  if (month.requests.length === 0) return <p>No requests were opened this month.</p>;
  return (
    <TableWrap label={props.label}>
      <table class="stack data support-requests">
        <caption class="visually-hidden">{props.label}</caption>
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Opened</th>
            <th scope="col">First response</th>
            <th scope="col">Resolution</th>
            <th scope="col">What happened</th>
          </tr>
        </thead>
        <tbody>
          {month.requests.map((line) => (
            <tr key={line.id}>
              <th scope="row">
                {line.priority} {line.externalId}
                {line.subject && <span class="meta"> {line.subject}</span>}
              </th>
              <Cell label="Opened">{zonedDateTime(line.openedAt, zone)}</Cell>
              <Cell label="First response">
                {line.ignoredReason !== null ? (
                  <span class="meta">Not counted: {labelOf(IGNORED, line.ignoredReason)}</span>
                ) : (
                  <>
                    <OutcomeTag outcome={line.firstResponse} />{' '}
                    {line.firstResponseMs !== null
                      ? `after ${duration(line.firstResponseMs)}${businessNote(month, line)}`
                      : 'no answer by a person yet'}
                    {line.firstResponseDueAt && (
                      <span class="meta">
                        {' '}
                        (due by {zonedDateTime(line.firstResponseDueAt, zone)})
                      </span>
                    )}
                  </>
                )}
              </Cell>
              <Cell label="Resolution">
                {line.ignoredReason === null &&
                  (line.resolution === null ? (
                    <span class="meta">
                      No resolution target
                      {line.resolutionMs !== null &&
                        `; resolved after ${duration(line.resolutionMs)}${businessNote(month, line)}`}
                    </span>
                  ) : (
                    <>
                      <OutcomeTag outcome={line.resolution} />{' '}
                      {line.resolutionMs !== null
                        ? `after ${duration(line.resolutionMs)}${businessNote(month, line)}`
                        : ''}
                    </>
                  ))}
              </Cell>
              <Cell label="What happened">
                <EventList line={line} zone={zone} />
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function FinalText(props: { month: SupportMonth; zone: string }) {
  const { month, zone } = props;
  if (month.final) {
    return (
      <p>
        This month is final: its figures can no longer change.
        {month.claimDeadline &&
          ` Claims are open until ${zonedDateTime(month.claimDeadline, zone)} (${zone}).`}
      </p>
    );
  }
  const pending = month.requests.filter(
    (line) => line.firstResponse === 'pending' || line.resolution === 'pending',
  ).length;
  return (
    <p>
      Not final yet: the month ends on {zonedDateTime(month.periodEnd, zone)} ({zone})
      {pending > 0 &&
        `, and ${pending} of its requests ${pending === 1 ? 'is' : 'are'} still pending`}
      .{' '}
      {month.finalBy
        ? `It becomes final at the latest on ${zonedDateTime(month.finalBy, zone)}, or sooner as requests are answered and resolved.`
        : 'It becomes final once every request is answered and resolved, or runs out of time.'}
    </p>
  );
}

/** The customer's Support section for one agreement and month. */
export function SupportSection(props: {
  month: SupportMonth;
  zone: string;
  claims: ClaimDto[];
  onFiled: (claim: ClaimDto) => void;
}) {
  const { month, zone } = props;
  const id = `support-${month.agreementId}-${month.period}`;
  if (month.status === 'not-offered') return null;
  const decision = props.claims.find((claim) => claim.id === month.claim?.id);
  return (
    <article class="service-month" aria-labelledby={`${id}-name`}>
      <header class="service-month-head">
        <h3 id={`${id}-name`}>Support: response times</h3>
        <MetTag met={month.status === 'evaluated' ? month.met : null} />
      </header>
      <FinalText month={month} zone={zone} />
      <dl class="facts">
        <dt>Credit under the rules</dt>
        <dd>
          <strong>{month.currency ? money(month.creditMinor, month.currency) : '—'}</strong>
          {month.creditPercent > 0 && ` (${month.creditPercent}\u00a0% of the support fee)`}
        </dd>
        {decision && decision.approvedAmountMinor !== null && (
          <>
            <dt>Credit approved</dt>
            <dd>
              <strong>{money(decision.approvedAmountMinor, decision.currency)}</strong>
            </dd>
          </>
        )}
      </dl>
      <ObjectivesTable
        evaluation={month}
        targetPercent={month.targetPercent}
        targets={month.targets}
        label={`Response objectives, ${monthLabel(month.period)}`}
      />
      <SupportClaim month={month} decision={decision} onFiled={props.onFiled} />
      <h4>Requests</h4>
      <RequestsTable
        month={month}
        zone={zone}
        label={`Support requests, ${monthLabel(month.period)}`}
      />
    </article>
  );
}

function SupportClaim(props: {
  month: SupportMonth;
  decision: ClaimDto | undefined;
  onFiled: (claim: ClaimDto) => void;
}) {
  const { month } = props;
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  if (month.claim) {
    return (
      <p>
        Support claim <a href={`/account/claim/?id=${month.claim.id}`}>#{month.claim.id}</a>:{' '}
        <StatusTag
          status={month.claim.status}
          label={labelOf(CLAIM_STATUS_LABELS, month.claim.status)}
        />
      </p>
    );
  }
  if (!month.final || month.status !== 'evaluated') return null;
  if (month.met && month.creditMinor === 0 && !open) {
    return (
      <p>
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          Dispute these support figures
        </button>
      </p>
    );
  }
  if (!open) {
    return (
      <p>
        <button type="button" onClick={() => setOpen(true)}>
          File a support claim for {monthLabel(month.period)}
        </button>
      </p>
    );
  }
  const fieldId = `support-claim-${month.agreementId}-${month.period}`;
  return (
    <form
      class="panel"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const claim = await call(
            apiClient.POST('/me/claims', {
              params: { header: { 'idempotency-key': key } },
              body: {
                agreementId: month.agreementId,
                kind: 'support',
                period: month.period,
                ...(description.trim() ? { description } : {}),
              },
            }),
          );
          props.onFiled(claim);
        } catch (caught) {
          setError(asApiError(caught));
        } finally {
          setBusy(false);
        }
      }}
    >
      <label for={fieldId}>
        What happened (optional{month.creditMinor === 0 ? ', required for a dispute' : ''})
      </label>
      <textarea
        id={fieldId}
        value={description}
        onInput={(event) => setDescription(event.currentTarget.value)}
        rows={3}
      />
      {error && <ErrorMessage error={error} />}
      <p>
        <button type="submit" disabled={busy}>
          File the support claim
          {month.currency && month.creditMinor > 0
            ? ` for ${money(month.creditMinor, month.currency)}`
            : ''}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </p>
    </form>
  );
}

/** The response evaluation stored with a support claim. */
export function SupportEvidence(props: { evaluation: SupportEvaluation; targetPercent?: number }) {
  const { evaluation } = props;
  return (
    <>
      <p>
        <MetTag met={evaluation.met} />{' '}
        {evaluation.creditPercent > 0
          ? `${evaluation.creditPercent}\u00a0% of the support fee: ${money(evaluation.creditMinor, evaluation.currency)}.`
          : 'No credit under the rules.'}
      </p>
      <ObjectivesTable
        evaluation={evaluation}
        targetPercent={props.targetPercent ?? null}
        label="Response objectives stored with the claim"
      />
    </>
  );
}
