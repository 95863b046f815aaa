import type { Deps } from '../context.ts';
import {
  type AvailabilityItem,
  availabilityReport,
  type NotBegun,
  type Unavailable,
} from './availability.ts';

/**
 * The statement of a month: a row per agreement × service with the official figures, then
 * every window counted or ignored with its reason; decided months show the decided figures
 * with any later correction beside them. A month nobody measured says so (`not-monitored`),
 * and the time before monitoring began is `unmonitored_ms`, never counted as up.
 */
export interface Statement {
  period: string;
  generatedAt: string;
  items: AvailabilityItem[];
  /** Agreements for which the month has not begun in their zone (no figures yet). */
  notBegun: NotBegun[];
  /** Agreements or services whose stored data could not be evaluated (ADR 114). */
  unavailable: Unavailable[];
}

export async function monthlyStatement(
  deps: Deps,
  customerId: number,
  period: string,
): Promise<Statement> {
  const report = await availabilityReport(deps, customerId, [period]);
  return {
    period,
    generatedAt: new Date(deps.clock.now()).toISOString(),
    items: report.items,
    notBegun: report.notBegun,
    unavailable: report.unavailable,
  };
}

const COLUMNS = [
  'record',
  'agreement_id',
  'service',
  'month',
  'time_zone',
  'policy',
  'policy_version',
  'source',
  'status',
  'availability_percent',
  'target_percent',
  'met',
  'eligible_ms',
  'downtime_ms',
  'credit_percent',
  'fee_base_minor',
  'credit_minor',
  'currency',
  'claim_deadline',
  'claim_status',
  'start',
  'end',
  'state',
  'weight',
  'reason',
  // Added after the first release: appended, so that no existing column moves.
  'unmonitored_ms',
  'monitored_since',
] as const;
type Column = (typeof COLUMNS)[number];
type Row = Partial<Record<Column, string | number | boolean | null>>;

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would run as a formula gets a leading
 * apostrophe (OWASP CSV injection); numbers are written as they are.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function figures(
  item: AvailabilityItem,
  evaluation: AvailabilityItem | AvailabilityItem['correction'],
): Row {
  if (evaluation === null) return {};
  return {
    status: evaluation.status,
    availability_percent: evaluation.availabilityDisplay,
    met: evaluation.met,
    eligible_ms: evaluation.eligibleMs,
    unmonitored_ms: evaluation.unmonitoredMs,
    downtime_ms: evaluation.downtimeMs,
    credit_percent: evaluation.creditPercent,
    fee_base_minor: evaluation.feeBaseMinor,
    credit_minor: evaluation.creditMinor,
    currency: item.currency,
    claim_deadline: evaluation.claimDeadline,
  };
}

/** The statement as CSV: one table, the `record` column says what each row is. */
export function statementCsv(statement: Statement): string {
  const rows: Row[] = [];
  for (const item of statement.items) {
    const common: Row = {
      agreement_id: item.agreementId,
      service: item.service,
      month: item.month,
      time_zone: item.timeZone,
    };
    rows.push({
      record: 'summary',
      ...common,
      policy: item.policy.name,
      policy_version: item.policy.version,
      source: item.source,
      target_percent: item.policy.targetPercent,
      claim_status: item.claim?.status ?? null,
      monitored_since: item.monitoredSince,
      ...figures(item, item),
    });
    if (item.correction) {
      rows.push({
        record: 'later-correction',
        ...common,
        source: 'computed',
        target_percent: item.policy.targetPercent,
        ...figures(item, item.correction),
      });
    }
    for (const piece of item.counted) {
      rows.push({
        record: 'counted',
        ...common,
        start: piece.start,
        end: piece.end,
        weight: piece.weight,
        downtime_ms: piece.downtimeMs,
      });
    }
    for (const window of item.ignored) {
      rows.push({
        record: 'ignored',
        ...common,
        start: window.start,
        end: window.end,
        state: window.state,
        reason: window.reason,
      });
    }
  }
  for (const gap of statement.notBegun) {
    rows.push({
      record: 'not-begun',
      agreement_id: gap.agreementId,
      month: gap.month,
      time_zone: gap.timeZone,
    });
  }
  for (const gap of statement.unavailable) {
    rows.push({
      record: 'unavailable',
      agreement_id: gap.agreementId,
      service: gap.service,
      month: statement.period,
      reason: gap.reason,
    });
  }
  const lines = [
    COLUMNS.join(','),
    ...rows.map((row) => COLUMNS.map((column) => csvCell(row[column])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
