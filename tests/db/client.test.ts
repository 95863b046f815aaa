import { readFileSync } from 'node:fs';
import { createClient } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, migrateDb } from '../../db/client.ts';
import { type TempDb, tempDb } from '../helpers/db.ts';

let database: TempDb | undefined;
afterEach(() => database?.dispose());

describe('a file database', () => {
  it('runs in WAL mode, and the setting persists for other connections', async () => {
    database = await tempDb();
    const mode = await database.client.execute('PRAGMA journal_mode');
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    const other = createClient({ url: `file:${database.path}` });
    expect((await other.execute('PRAGMA journal_mode')).rows[0]?.journal_mode).toBe('wal');
    other.close();
  });

  it('enforces foreign keys, also inside transactions', async () => {
    database = await tempDb();
    await expect(
      database.client.execute(
        "INSERT INTO services (slug, name, group_id, monitored_since, created_at) VALUES ('x', 'X', 999, 0, 0)",
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    await expect(
      database.write(async (tx) => {
        await tx.run(
          "INSERT INTO services (slug, name, group_id, monitored_since, created_at) VALUES ('y', 'Y', 999, 0, 0)",
        );
      }),
    ).rejects.toSatisfy((error: Error) => /FOREIGN KEY/.test(String(error.cause)));
    const count = await database.client.execute('SELECT count(*) AS n FROM services');
    expect(count.rows[0]?.n).toBe(0);
  });

  it('waits for another writer instead of failing at once', async () => {
    database = await tempDb();
    const busy = await database.client.execute('PRAGMA busy_timeout');
    expect(Number(busy.rows[0]?.timeout)).toBeGreaterThanOrEqual(1000);
  });
});

describe('migrations', () => {
  it('apply to an empty database, then again to the same one without change', async () => {
    database = await tempDb({ migrate: false });
    await migrateDb(database);
    const schemaOf = async () =>
      (
        await database?.client.execute(
          "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
        )
      )?.rows.map((row) => `${row.type}:${row.name}:${row.sql}`);
    const first = await schemaOf();
    expect(first?.some((row) => row.startsWith('table:claims:'))).toBe(true);
    await migrateDb(database);
    // A second process opening the same file applies nothing new either.
    const again = await createDb({ url: `file:${database.path}` });
    await migrateDb(again);
    again.close();
    expect(await schemaOf()).toEqual(first);
    const applied = await database.client.execute('SELECT count(*) AS n FROM __drizzle_migrations');
    const journal = JSON.parse(
      readFileSync(new URL('../../db/migrations/meta/_journal.json', import.meta.url), 'utf8'),
    );
    expect(Number(applied.rows[0]?.n)).toBe(journal.entries.length);
  });

  it('keep the claim trail append-only', async () => {
    database = await tempDb();
    await database.client.executeMultiple(`
      INSERT INTO customers (name, time_zone, created_at) VALUES ('C', 'UTC', 0);
      INSERT INTO policies (name, created_at) VALUES ('P', 0);
      INSERT INTO agreements (customer_id, policy_id, start, time_zone, created_at) VALUES (1, 1, 0, 'UTC', 0);
      INSERT INTO services (slug, name, monitored_since, created_at) VALUES ('api', 'API', 0, 0);
      INSERT INTO claims (customer_id, agreement_id, service_id, period, status, evaluation, policy_version_id,
        computed_credit_minor, cap_minor, currency, created_at, updated_at)
        VALUES (1, 1, 1, '2026-01', 'submitted', '{}', 1, 0, 0, 'USD', 0, 0);
      INSERT INTO claim_events (claim_id, type, created_at) VALUES (1, 'filed', 0);
    `);
    await expect(database.client.execute("UPDATE claim_events SET note = 'x'")).rejects.toThrow(
      /append-only/,
    );
    await expect(database.client.execute('DELETE FROM claim_events')).rejects.toThrow(
      /append-only/,
    );
  });

  it('allow only one live claim per agreement, service and period', async () => {
    database = await tempDb();
    await database.client.executeMultiple(`
      INSERT INTO customers (name, time_zone, created_at) VALUES ('C', 'UTC', 0);
      INSERT INTO policies (name, created_at) VALUES ('P', 0);
      INSERT INTO agreements (customer_id, policy_id, start, time_zone, created_at) VALUES (1, 1, 0, 'UTC', 0);
      INSERT INTO services (slug, name, monitored_since, created_at) VALUES ('api', 'API', 0, 0);
    `);
    const file = (status: string) =>
      database?.client.execute({
        sql: `INSERT INTO claims (customer_id, agreement_id, service_id, period, status, evaluation,
          policy_version_id, computed_credit_minor, cap_minor, currency, created_at, updated_at)
          VALUES (1, 1, 1, '2026-01', ?, '{}', 1, 0, 0, 'USD', 0, 0)`,
        args: [status],
      });
    await file('rejected');
    await file('withdrawn');
    await file('submitted');
    await expect(file('submitted')).rejects.toThrow(/UNIQUE/);
    await expect(file('approved')).rejects.toThrow(/UNIQUE/);
  });
});
