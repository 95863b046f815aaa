import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The decision records keep the form docs/decisions/README.md describes. */

const DIR = resolve(import.meta.dirname, '../docs/decisions');
const files = readdirSync(DIR).filter((name) => /^\d{3}-[a-z0-9-]+\.md$/.test(name));
const index = readFileSync(join(DIR, 'README.md'), 'utf8');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8').split('\n');

describe('the decisions', () => {
  it('are there to check', () => {
    expect(files.length).toBeGreaterThan(80);
  });

  it.each(files)('%s opens with its number, a Date and a Status', (name) => {
    const [title, blank, date, status] = read(name);
    expect(title).toMatch(new RegExp(`^# ${name.slice(0, 3)} — \\S`));
    expect(blank).toBe('');
    expect(date).toMatch(/^Date: \d{4}-\d{2}-\d{2}$/);
    expect(status).toMatch(/^Status: (accepted|superseded by \d{3})\b/);
  });

  it('each have one line in the index, and the index names no other', () => {
    const listed = [...index.matchAll(/^- \[(\d{3})\]\(([^)]+)\)/gm)].map((match) => match[2]);
    expect(listed).toEqual(files);
  });

  it('superseded whole only by a decision that exists and says so', () => {
    for (const name of files) {
      const superseded = /^Status: superseded by (\d{3})/.exec(read(name)[3] ?? '');
      if (!superseded) continue;
      const later = files.find((file) => file.startsWith(`${superseded[1]}-`));
      expect(later, `${name} is superseded by ${superseded[1]}`).toBeDefined();
      expect(read(later ?? '')[3]).toContain(`supersedes ${name.slice(0, 3)}`);
    }
  });

  it('hold no "Later:" appendix (a later decision supersedes instead)', () => {
    for (const name of files) {
      expect(
        read(name).filter((line) => /^\**Later\b/.test(line)),
        name,
      ).toEqual([]);
    }
  });
});
