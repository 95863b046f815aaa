import { type CsvRow, csvText } from '../infra/csv.ts';
import type { CreditDto, CreditTotals } from './claims.ts';
import { localInstant, majorUnits } from './statement-format.ts';

/**
 * The credits ledger as CSV, in the statements' conventions (ADR 160, 163): one row per
 * credit, then a total per customer and currency, then a total per currency; the `record`
 * column says which. Amounts in major units beside their currency, times in the agreement's
 * zone with their offset, services by name beside their slug.
 */

export const LEDGER_COLUMNS = [
  'record',
  'credit',
  'claim',
  'customer_id',
  'customer',
  'agreement',
  'time_zone',
  'month',
  'service',
  'service_name',
  'amount',
  'credited_amount',
  'currency',
  'entries',
  'approved_at',
  'approved_by',
  'invoice',
  'credited_at',
] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

export const LEDGER_RECORD = {
  credit: 'credit',
  customerTotal: 'customer total',
  total: 'total',
} as const;

export function* ledgerCsvRows(
  items: readonly CreditDto[],
  totals: CreditTotals,
): Generator<CsvRow<LedgerColumn>> {
  for (const item of items) {
    const zone = item.timeZone;
    yield {
      record: LEDGER_RECORD.credit,
      credit: item.id,
      claim: item.claimId,
      customer_id: item.customer.id,
      customer: item.customer.name,
      agreement: item.agreementId,
      time_zone: zone,
      month: item.period,
      service: item.service,
      service_name: item.serviceName,
      amount: majorUnits(item.amountMinor, item.currency),
      credited_amount:
        item.creditedAt === null ? null : majorUnits(item.amountMinor, item.currency),
      currency: item.currency,
      approved_at: localInstant(item.approvedAt, zone),
      approved_by: item.approvedBy,
      invoice: item.invoiceReference,
      credited_at: item.creditedAt === null ? null : localInstant(item.creditedAt, zone),
    };
  }
  for (const total of totals.byCustomer) {
    yield {
      record: LEDGER_RECORD.customerTotal,
      customer_id: total.customer.id,
      customer: total.customer.name,
      amount: majorUnits(total.amountMinor, total.currency),
      credited_amount: majorUnits(total.creditedMinor, total.currency),
      currency: total.currency,
      entries: total.count,
    };
  }
  for (const total of totals.byCurrency) {
    yield {
      record: LEDGER_RECORD.total,
      amount: majorUnits(total.amountMinor, total.currency),
      credited_amount: majorUnits(total.creditedMinor, total.currency),
      currency: total.currency,
      entries: total.count,
    };
  }
}

/** The ledger as CSV text, its totals those of the entries listed: a function of them alone. */
export function renderLedgerCsv(items: readonly CreditDto[]): Promise<string> {
  return csvText(LEDGER_COLUMNS, ledgerCsvRows(items, creditTotalsOf(items)));
}

function safeTotal(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('a ledger total exceeds 2^53 − 1 minor units; it would not be exact');
  }
  return Number(value);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The totals of exactly these entries, per currency and per customer and currency (the CSV
 * sums the rows it lists, so its totals always add up to them). Summed as big integers.
 */
export function creditTotalsOf(items: readonly CreditDto[]): CreditTotals {
  type Sum = { count: number; amount: bigint; credited: bigint };
  const add = (sum: Sum, item: CreditDto) => {
    sum.count += 1;
    sum.amount += BigInt(item.amountMinor);
    if (item.creditedAt !== null) sum.credited += BigInt(item.amountMinor);
  };
  const currencies = new Map<string, Sum>();
  const customers = new Map<string, Sum & { customer: CreditDto['customer']; currency: string }>();
  for (const item of items) {
    let currency = currencies.get(item.currency);
    if (currency === undefined) {
      currency = { count: 0, amount: 0n, credited: 0n };
      currencies.set(item.currency, currency);
    }
    add(currency, item);
    const key = `${item.customer.id} ${item.currency}`;
    let customer = customers.get(key);
    if (customer === undefined) {
      customer = {
        count: 0,
        amount: 0n,
        credited: 0n,
        customer: item.customer,
        currency: item.currency,
      };
      customers.set(key, customer);
    }
    add(customer, item);
  }
  const figures = (sum: Sum) => ({
    count: sum.count,
    amountMinor: safeTotal(sum.amount),
    creditedMinor: safeTotal(sum.credited),
  });
  return {
    byCurrency: [...currencies.entries()]
      .sort(([a], [b]) => byText(a, b))
      .map(([currency, sum]) => ({ currency, ...figures(sum) })),
    byCustomer: [...customers.values()]
      .sort(
        (a, b) =>
          byText(a.customer.name, b.customer.name) ||
          a.customer.id - b.customer.id ||
          byText(a.currency, b.currency),
      )
      .map((sum) => ({ customer: sum.customer, currency: sum.currency, ...figures(sum) })),
  };
}
