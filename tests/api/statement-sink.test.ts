import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { threadedWriter } from '../../api/cli/statement-sink.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portal-statement-sink-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('the command line’s writing thread', () => {
  it('writes every file whole, text and bytes, into each sink’s folder, before close resolves', async () => {
    const [first, second] = [folder(), folder()];
    const writer = threadedWriter();
    cleanups.push(() => writer.close());
    const firstSink = writer.sink(first);
    const secondSink = writer.sink(second);
    const writes: Promise<void>[] = [];
    // More files than one batch, so that several messages are in flight at once.
    for (let i = 0; i < 100; i += 1) {
      const sink = i % 2 === 0 ? firstSink : secondSink;
      writes.push(sink.write(`file-${i}.csv`, `\uFEFFrow ${i},caf\u00e9 × ${'x'.repeat(i)}\n`));
    }
    writes.push(firstSink.write('bytes.bin', new Uint8Array([0, 1, 2, 255])));
    await Promise.all(writes);
    await writer.close();
    expect(readdirSync(first)).toHaveLength(51);
    expect(readdirSync(second)).toHaveLength(50);
    expect(readFileSync(join(second, 'file-99.csv'), 'utf8')).toBe(
      `\uFEFFrow 99,caf\u00e9 × ${'x'.repeat(99)}\n`,
    );
    expect([...readFileSync(join(first, 'bytes.bin'))]).toEqual([0, 1, 2, 255]);
  });

  it('fails the write of a file that cannot be written, with the system’s code, and goes on', async () => {
    const dir = folder();
    const writer = threadedWriter();
    cleanups.push(() => writer.close());
    const missing = writer.sink(join(dir, 'gone'));
    await expect(missing.write('a.csv', 'text')).rejects.toMatchObject({ code: 'ENOENT' });
    await writer.sink(dir).write('b.csv', 'text');
    await writer.close();
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe('text');
  });
});
