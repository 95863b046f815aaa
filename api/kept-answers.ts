import type { Database } from '../db/client.ts';
import { keyDigest } from './json-body-cache.ts';

/**
 * Which kept closed-month answer a customer's request is, found with one read instead of
 * all of the report's inputs (docs/decisions/203). The kept bodies and their keys are ADR
 * 178's; this only remembers, per customer and query, the key last answered and the stamp
 * of the stored data it was answered from.
 *
 * The stamp is every column of every row the report is made of: the customer's agreements,
 * their policies, services and fees, every version of their policies, the claims of the
 * months asked about, and the status version (which every write of windows and corrections
 * bumps, so the cached evaluations stand while it does, ADR 171). Every column, read from
 * the schema, so a column added later is covered without anyone remembering to add it, and
 * a repair written around the API changes it like any write. A table the report starts to
 * read must be added here.
 */

/** The tables of the stamp, each read whole (all columns) for the rows of the customer. */
const TABLES = [
  'status_version',
  'agreements',
  'policies',
  'agreement_services',
  'services',
  'policy_versions',
  'claims',
] as const;

/** Per customer and query: far more than the customers reading at once, a few MB at most. */
const MAX_ANSWERS = 20_000;

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

const stampStatements = new WeakMap<Database, Promise<string>>();

/** The stamp's statement, made once per database from its schema. */
async function stampStatement(database: Database): Promise<string> {
  const columns = new Map<string, string[]>();
  for (const table of TABLES) {
    const result = await database.client.execute({
      sql: 'SELECT name FROM pragma_table_info(?) ORDER BY cid',
      args: [table],
    });
    const names = result.rows.map((row) => String(row.name));
    if (names.length === 0) throw new Error(`kept answers: no table ${table}`);
    columns.set(table, names);
  }
  const row = (alias: string, table: (typeof TABLES)[number]) =>
    `json_array(${(columns.get(table) ?? []).map((name) => `${alias}.${quoted(name)}`).join(', ')})`;
  // Flat joins rather than nested subqueries: the driver prepares the statement on every
  // request, and SQLite takes about half as long to prepare this shape. Each list is ordered
  // by rowids, so the same rows always make the same text.
  const mine = 'agreements a';
  const where = 'WHERE a.customer_id = ?1';
  return `SELECT json_array(
    (SELECT json_group_array(${row('v', 'status_version')} ORDER BY v.rowid) FROM status_version v),
    (SELECT json_group_array(json_array(${row('a', 'agreements')}, ${row('p', 'policies')})
        ORDER BY a.rowid)
      FROM ${mine} JOIN policies p ON p.id = a.policy_id ${where}),
    (SELECT json_group_array(json_array(${row('x', 'agreement_services')}, ${row('s', 'services')})
        ORDER BY a.rowid, x.rowid)
      FROM ${mine} JOIN agreement_services x ON x.agreement_id = a.id
      JOIN services s ON s.id = x.service_id ${where}),
    (SELECT json_group_array(${row('pv', 'policy_versions')} ORDER BY a.rowid, pv.rowid)
      FROM ${mine} JOIN policy_versions pv ON pv.policy_id = a.policy_id ${where}),
    (SELECT json_group_array(${row('c', 'claims')} ORDER BY c.rowid)
      FROM ${mine} JOIN claims c ON c.agreement_id = a.id ${where}
      AND c.period IN (SELECT value FROM json_each(?2)))) AS stamp`;
}

/** A digest of the stored data a report of `months` for `customerId` is made of. */
export async function customerDataStamp(
  database: Database,
  customerId: number,
  months: string[],
): Promise<string> {
  let statement = stampStatements.get(database);
  if (statement === undefined) {
    statement = stampStatement(database);
    stampStatements.set(database, statement);
    // A failed schema read is tried again on the next request, not remembered.
    statement.catch(() => stampStatements.delete(database));
  }
  const result = await database.client.execute({
    sql: await statement,
    args: [customerId, JSON.stringify(months)],
  });
  return keyDigest(String(result.rows[0]?.stamp));
}

interface Answer {
  stamp: string;
  /** The kept body's key (json-body-cache). */
  key: string;
  /**
   * The clock's span over which the answer reads the clock as it did when made: from when it
   * was made to the next claim deadline in it (`claimable` is the only figure of a closed
   * month that moves with the clock, ADR 178).
   */
  fromMs: number;
  untilMs: number;
}

const answersOf = new WeakMap<Database, KeptAnswers>();

/** The answers remembered for `database` (two in one process never share one). */
export function keptAnswersOf(database: Database): KeptAnswers {
  let answers = answersOf.get(database);
  if (answers === undefined) {
    answers = new KeptAnswers();
    answersOf.set(database, answers);
  }
  return answers;
}

/** The claim deadlines of a kept body, for `remember` when it is answered again. */
const deadlinesOfBody = new WeakMap<object, number[]>();

export class KeptAnswers {
  readonly #answers = new Map<string, Answer>();

  /** The key of the kept body that answers `asked` now, if the data and clock still agree. */
  get(asked: string, stamp: string, nowMs: number): string | undefined {
    const answer = this.#answers.get(asked);
    if (answer === undefined) return undefined;
    if (answer.stamp !== stamp || nowMs < answer.fromMs || nowMs >= answer.untilMs) {
      this.#answers.delete(asked);
      return undefined;
    }
    return answer.key;
  }

  /** Notes the claim deadlines of a body just kept (its items' `claimDeadline`). */
  noteDeadlines(body: object, items: { claimDeadline: string }[]): void {
    deadlinesOfBody.set(
      body,
      items.map((item) => Date.parse(item.claimDeadline)),
    );
  }

  /**
   * Remembers that `asked` was answered with `body` under `key`, made at `madeAtMs` from the
   * data of `stamp` (read before the report's inputs, so a write in between only makes the
   * next request miss). A body whose deadlines were never noted is not remembered.
   */
  remember(asked: string, stamp: string, key: string, body: object, madeAtMs: number): void {
    const deadlines = deadlinesOfBody.get(body);
    if (deadlines === undefined) return;
    const upcoming = deadlines.filter((deadlineMs) => deadlineMs > madeAtMs);
    this.#answers.delete(asked);
    this.#answers.set(asked, {
      stamp,
      key,
      fromMs: madeAtMs,
      untilMs: upcoming.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...upcoming),
    });
    if (this.#answers.size > MAX_ANSWERS) {
      const oldest = this.#answers.keys().next();
      if (!oldest.done) this.#answers.delete(oldest.value);
    }
  }
}
