import type { Readable } from 'node:stream';
import { type CsvRow, csvStream, csvText, csvTextSync } from '../infra/csv.ts';
import type { EvaluationResult } from '../sla/index.ts';
import {
  CLAIM_STATUS_WORDS,
  IGNORED_REASON_WORDS,
  localInstant,
  majorUnits,
  minutesText,
  STATE_WORDS,
  statusWords,
  targetWords,
  weightPercent,
} from './statement-format.ts';
import type { StatementDocument, StatementItem } from './statements.ts';

/**
 * A statement as CSV for people (ADR 160): one table whose `record` column says what each row
 * is — a service's month, a later correction, a window counted or ignored, a support month and
 * its objectives (ADR 199), a claim, a month not begun, figures unavailable, and a total per
 * currency (all credits, and its availability and support parts). Money in major units beside its
 * currency, times in the agreement's zone with their offset, durations in minutes, words for
 * statuses. The JSON statement keeps the exact machine fields.
 */

export const STATEMENT_COLUMNS = [
  'record',
  'customer',
  'agreement',
  'time_zone',
  'month',
  'service',
  'service_name',
  'policy',
  'status',
  'figures',
  'target_percent',
  'availability_percent',
  'target',
  'monitored_since',
  'unmeasured_minutes',
  'eligible_minutes',
  'downtime_minutes',
  'credit_percent',
  'credit',
  'currency',
  'credit_rule',
  'claim_deadline',
  'claim',
  'claim_status',
  'approved_amount',
  'credited_amount',
  'invoice',
  'credited_at',
  'start',
  'end',
  'state',
  'weight_percent',
  'reason',
  // Support (response times, ADR 199): appended, so the earlier columns keep their places.
  'priority',
  'objective',
  'objective_minutes',
  'calendar',
  'met_requests',
  'missed_requests',
  'pending_requests',
  'attainment_percent',
  'final',
  'requests',
  'automated_responses',
  'availability_credit',
  'support_credit',
] as const;
export type StatementColumn = (typeof STATEMENT_COLUMNS)[number];
type Row = CsvRow<StatementColumn>;

export const RECORD = {
  month: 'service month',
  correction: 'later correction',
  counted: 'counted window',
  ignored: 'ignored window',
  claim: 'claim',
  notBegun: 'not begun',
  unavailable: 'unavailable',
  supportMonth: 'support month',
  supportObjective: 'support objective',
  total: 'total',
} as const;

const OBJECTIVE_WORDS = { firstResponse: 'first response', resolution: 'resolution' } as const;

function figures(item: StatementItem, evaluation: EvaluationResult): Row {
  const zone = item.timeZone;
  const measured = evaluation.status !== 'not-covered';
  return {
    status: statusWords(evaluation),
    availability_percent: evaluation.availabilityDisplay,
    target: targetWords(evaluation.met),
    unmeasured_minutes: measured ? minutesText(evaluation.unmonitoredMs) : null,
    eligible_minutes: measured ? minutesText(evaluation.eligibleMs) : null,
    downtime_minutes: measured ? minutesText(evaluation.downtimeMs) : null,
    credit_percent: evaluation.creditPercent,
    credit: majorUnits(evaluation.creditMinor, evaluation.currency),
    currency: evaluation.currency,
    claim_deadline: localInstant(evaluation.claimDeadline, zone),
  };
}

/** The statement's rows, in order, one at a time. */
export function* statementCsvRows(document: StatementDocument): Generator<Row> {
  const customer = document.customer.name;
  for (const item of document.items) {
    const zone = item.timeZone;
    const common: Row = {
      customer,
      agreement: item.agreementId,
      time_zone: zone,
      month: item.month,
      service: item.service,
      service_name: item.serviceName,
    };
    yield {
      record: RECORD.month,
      ...common,
      policy: `${item.policy.name}, version ${item.policy.version}`,
      figures: item.source === 'decided-claim' ? 'decided with the claim' : 'computed',
      target_percent: item.policy.targetPercent,
      monitored_since: localInstant(item.monitoredSince, zone),
      ...figures(item, item),
      credit_rule: item.creditRuleText,
      claim: item.claim?.id,
      claim_status: item.claim ? CLAIM_STATUS_WORDS[item.claim.status] : null,
    };
    if (item.correction) {
      yield {
        record: RECORD.correction,
        ...common,
        figures: 'computed after a later correction',
        target_percent: item.policy.targetPercent,
        ...figures(item, item.correction),
      };
    }
    for (const piece of item.counted) {
      yield {
        record: RECORD.counted,
        ...common,
        downtime_minutes: minutesText(piece.downtimeMs),
        start: localInstant(piece.start, zone),
        end: localInstant(piece.end, zone),
        weight_percent: weightPercent(piece.weight),
      };
    }
    for (const window of item.ignored) {
      yield {
        record: RECORD.ignored,
        ...common,
        start: localInstant(window.start, zone),
        end: window.end === null ? 'still open' : localInstant(window.end, zone),
        state: STATE_WORDS[window.state],
        reason: IGNORED_REASON_WORDS[window.reason],
      };
    }
  }
  const zones = new Map(document.agreements.map((agreement) => [agreement.id, agreement.timeZone]));
  for (const section of document.support) {
    const zone = zones.get(section.agreementId) ?? 'UTC';
    for (const month of section.months ?? []) {
      const common: Row = {
        customer,
        agreement: section.agreementId,
        time_zone: zone,
        month: month.month,
        service: 'support',
        service_name: 'Support',
      };
      yield {
        record: RECORD.supportMonth,
        ...common,
        policy: month.policy,
        status: month.status === 'not-covered' ? 'not covered' : 'measured',
        figures: month.source === 'decided-claim' ? 'decided with the claim' : 'computed',
        target_percent: month.targetPercent,
        target: targetWords(month.met),
        credit_percent: month.creditPercent,
        credit: majorUnits(month.creditMinor, month.currency),
        currency: month.currency,
        claim_deadline:
          month.claimDeadline === null ? null : localInstant(month.claimDeadline, zone),
        claim: month.claim?.id,
        claim_status: month.claim ? CLAIM_STATUS_WORDS[month.claim.status] : null,
        final: month.final ? 'final' : 'not final',
        requests: month.requestCount,
        automated_responses: month.automatedResponseCount,
        pending_requests: month.pendingCount,
      };
      for (const objective of month.objectives) {
        yield {
          record: RECORD.supportObjective,
          ...common,
          priority: objective.priority,
          objective: OBJECTIVE_WORDS[objective.kind],
          objective_minutes: objective.targetMinutes,
          calendar: objective.calendar,
          met_requests: objective.met,
          missed_requests: objective.missed,
          pending_requests: objective.pending,
          attainment_percent: objective.attainmentDisplay,
          target_percent: objective.targetPercent,
          target: targetWords(objective.result === null ? null : objective.result === 'met'),
        };
      }
    }
  }
  for (const claim of document.claims) {
    const zone =
      zones.get(claim.agreementId) ??
      (claim.evaluation ?? claim.supportEvaluation)?.timeZone ??
      'UTC';
    const approved = claim.status === 'approved' || claim.status === 'credited';
    yield {
      record: RECORD.claim,
      customer,
      agreement: claim.agreementId,
      time_zone: zone,
      month: claim.period,
      service: claim.service,
      service_name: claim.serviceName,
      credit: majorUnits(claim.computedCreditMinor, claim.currency),
      currency: claim.currency,
      claim: claim.id,
      claim_status: CLAIM_STATUS_WORDS[claim.status],
      approved_amount:
        approved && claim.approvedAmountMinor !== null
          ? majorUnits(claim.approvedAmountMinor, claim.currency)
          : null,
      credited_amount:
        claim.status === 'credited' && claim.approvedAmountMinor !== null
          ? majorUnits(claim.approvedAmountMinor, claim.currency)
          : null,
      invoice: claim.invoiceReference,
      credited_at: claim.creditedAt === null ? null : localInstant(claim.creditedAt, zone),
    };
  }
  for (const gap of document.notBegun) {
    yield {
      record: RECORD.notBegun,
      customer,
      agreement: gap.agreementId,
      time_zone: gap.timeZone,
      month: gap.month,
      reason: `the month has not begun in ${gap.timeZone}`,
    };
  }
  for (const month of document.monthsNotBegun) {
    yield {
      record: RECORD.notBegun,
      customer,
      month,
      reason: 'the month has not begun in the zone of any of your agreements',
    };
  }
  for (const gap of document.unavailable) {
    yield {
      record: RECORD.unavailable,
      customer,
      agreement: gap.agreementId,
      time_zone: zones.get(gap.agreementId),
      month: document.period,
      service: gap.service,
      reason: gap.reason,
    };
  }
  for (const total of document.totals) {
    yield {
      record: RECORD.total,
      customer,
      month: document.period,
      credit: majorUnits(total.creditMinor, total.currency),
      currency: total.currency,
      availability_credit: majorUnits(total.availabilityCreditMinor, total.currency),
      support_credit: majorUnits(total.supportCreditMinor, total.currency),
      approved_amount: majorUnits(total.approvedMinor, total.currency),
      credited_amount: majorUnits(total.creditedMinor, total.currency),
    };
  }
}

/** The statement as a CSV byte stream. */
export function statementCsv(document: StatementDocument): Readable {
  return csvStream(STATEMENT_COLUMNS, statementCsvRows(document));
}

/** The statement as CSV text: a function of the document alone, like `renderStatementPdf`. */
export function renderStatementCsv(document: StatementDocument): Promise<string> {
  return csvText(STATEMENT_COLUMNS, statementCsvRows(document));
}

/** The statement as CSV text, synchronously (a statement run writes thousands of small ones). */
export function statementCsvText(document: StatementDocument): string {
  return csvTextSync(STATEMENT_COLUMNS, statementCsvRows(document));
}
