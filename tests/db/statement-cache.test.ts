import Database from 'libsql';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createDb } from '../../db/client.ts';
import { cachedStatementCount, cachePreparedStatements } from '../../db/statement-cache.ts';
import { tempPathForTest } from '../helpers/files.ts';

function connection(): Database.Database {
  cachePreparedStatements();
  const db = new Database(tempPathForTest('test.db'));
  onTestFinished(() => {
    db.close();
  });
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)');
  return db;
}

describe('prepared statements kept per connection (docs/decisions/213)', () => {
  it('prepares the same SQL once per connection, and never shares across connections', () => {
    const db = connection();
    const first = db.prepare('SELECT name FROM t WHERE id = ?');
    expect(db.prepare('SELECT name FROM t WHERE id = ?')).toBe(first);
    const other = connection();
    expect(other.prepare('SELECT name FROM t WHERE id = ?')).not.toBe(first);
    db.prepare('INSERT INTO t (id, name) VALUES (?, ?)').run(1, 'a');
    other.prepare('INSERT INTO t (id, name) VALUES (?, ?)').run(1, 'b');
    expect(db.prepare('SELECT name FROM t WHERE id = ?').raw(true).all(1)).toEqual([['a']]);
    expect(other.prepare('SELECT name FROM t WHERE id = ?').raw(true).all(1)).toEqual([['b']]);
  });

  it('reads what a schema change made, from a statement prepared before it', () => {
    const db = connection();
    db.prepare('INSERT INTO t (id, name) VALUES (1, ?)').run('a');
    const select = db.prepare('SELECT * FROM t');
    expect(select.columns().map((column) => column.name)).toEqual(['id', 'name']);
    db.exec("ALTER TABLE t ADD COLUMN note TEXT DEFAULT 'n'");
    expect(db.prepare('SELECT * FROM t').raw(true).all()).toEqual([[1, 'a', 'n']]);
  });

  it('drops a statement whose execution failed, and the next call prepares it afresh', () => {
    const db = connection();
    const insert = db.prepare('INSERT INTO t (name) VALUES (?)');
    insert.run('same');
    expect(() => db.prepare('INSERT INTO t (name) VALUES (?)').run('same')).toThrow(/UNIQUE/);
    const again = db.prepare('INSERT INTO t (name) VALUES (?)');
    expect(again).not.toBe(insert);
    again.run('other');
    expect(db.prepare('SELECT count(*) FROM t').raw(true).get()).toEqual([2]);
  });

  it('keeps at most 256 statements a connection, the most recently used', () => {
    const db = connection();
    const kept = db.prepare('SELECT 0');
    for (let n = 1; n <= 300; n += 1) {
      db.prepare(`SELECT ${n}`);
      // Used again all along: never the oldest.
      if (n % 100 === 0) db.prepare('SELECT 0');
    }
    expect(cachedStatementCount(db)).toBe(256);
    expect(db.prepare('SELECT 0')).toBe(kept);
  });

  it('answers the portal’s reads and writes as before, through the client', async () => {
    const database = await createDb({ url: `file:${tempPathForTest('test.db')}` });
    try {
      await database.client.execute('CREATE TABLE n (v INTEGER)');
      for (let v = 1; v <= 50; v += 1) {
        await database.client.execute({ sql: 'INSERT INTO n (v) VALUES (?)', args: [v] });
        const result = await database.client.execute('SELECT sum(v) AS total FROM n');
        expect(Number(result.rows[0]?.total)).toBe((v * (v + 1)) / 2);
      }
      await expect(
        database.client.execute({ sql: 'INSERT INTO missing (v) VALUES (?)', args: [1] }),
      ).rejects.toThrow(/no such table/);
      const after = await database.client.execute('SELECT count(*) AS rows FROM n');
      expect(Number(after.rows[0]?.rows)).toBe(50);
    } finally {
      database.close();
    }
  });
});
