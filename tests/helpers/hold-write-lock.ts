/**
 * Another process on the same database file: takes the write lock (BEGIN IMMEDIATE and a
 * row written), says `locked`, holds it until it reads `release` on stdin, commits, says
 * `released` and exits. Run as `node tests/helpers/hold-write-lock.ts <file>`.
 */
import { createInterface } from 'node:readline';
import { createClient } from '@libsql/client';

const path = process.argv[2];
if (!path) throw new Error('usage: hold-write-lock.ts <database file>');
const client = createClient({ url: `file:${path}` });
const tx = await client.transaction('write');
await tx.execute(
  "INSERT INTO customers (name, time_zone, created_at) VALUES ('Held by another process', 'UTC', 0)",
);
process.stdout.write('locked\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === 'release') break;
}
await tx.commit();
client.close();
process.stdout.write('released\n');
