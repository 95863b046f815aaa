import { describe, expect, it } from 'vitest';
import { inWords, problemsOf } from '../../site/islands/staff/admin/problems.ts';
import {
  canonicalZone,
  instantToWall,
  nextMonthStart,
  wallToInstant,
} from '../../site/islands/staff/admin/time.ts';
import { ApiError } from '../../site/lib/client.ts';

/**
 * What the administration forms do with what people type: zones read as the API reads them,
 * a date and time in a zone (docs/decisions/138) — never a guess across a clock change — and
 * the API's issues shown next to the fields they name, in words.
 */

describe('a date and time typed in a zone', () => {
  it('is the instant of that wall-clock time there', () => {
    expect(wallToInstant('2027-01-01T00:00', 'Europe/Berlin')).toEqual({
      ok: true,
      iso: '2026-12-31T23:00:00.000Z',
      ms: Date.parse('2026-12-31T23:00:00Z'),
    });
    expect(wallToInstant('2027-07-01T00:00', 'America/New_York')).toMatchObject({
      ok: true,
      iso: '2027-07-01T04:00:00.000Z',
    });
    expect(wallToInstant('2027-01-01T00:00', 'UTC')).toMatchObject({
      iso: '2027-01-01T00:00:00.000Z',
    });
  });

  it('refuses a time the clocks skip, and one they pass twice, in words', () => {
    expect(wallToInstant('2027-03-28T02:30', 'Europe/Berlin')).toEqual({
      ok: false,
      problem:
        'does not exist: 28 Mar 2027, 02:30 is skipped in Europe/Berlin (the clocks go forward). Choose another time',
    });
    expect(wallToInstant('2027-10-31T02:30', 'Europe/Berlin')).toEqual({
      ok: false,
      problem:
        'is ambiguous: 31 Oct 2027, 02:30 happens twice in Europe/Berlin (the clocks go back). Choose another time',
    });
    // The hour before and after each change is an ordinary time.
    expect(wallToInstant('2027-03-28T03:00', 'Europe/Berlin')).toMatchObject({
      iso: '2027-03-28T01:00:00.000Z',
    });
  });

  it('refuses dates that do not exist and text that is no date', () => {
    expect(wallToInstant('2027-02-29T00:00', 'UTC')).toEqual({
      ok: false,
      problem: 'must be a date and a time that exist',
    });
    expect(wallToInstant('tomorrow', 'UTC')).toEqual({
      ok: false,
      problem: 'must be a date and a time',
    });
  });

  it('goes back to the same wall-clock time for the field', () => {
    expect(instantToWall('2026-12-31T23:00:00.000Z', 'Europe/Berlin')).toBe('2027-01-01T00:00');
    expect(instantToWall('2026-09-02T00:00:00.000Z', 'America/New_York')).toBe('2026-09-01T20:00');
  });

  it('suggests the start of the next month where the customer is', () => {
    const nowMs = Date.parse('2027-03-01T00:30:00Z');
    // Still February in New York, already March in Berlin.
    expect(nextMonthStart(nowMs, 'America/New_York')).toBe('2027-03-01T00:00');
    expect(nextMonthStart(nowMs, 'Europe/Berlin')).toBe('2027-04-01T00:00');
  });
});

describe('a typed time zone', () => {
  it('is read as the API reads it: any case, the canonical spelling, never an offset', () => {
    expect(canonicalZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalZone(' Asia/Kolkata ')).toBe('Asia/Kolkata');
    expect(canonicalZone('utc')).toBe('UTC');
    expect(canonicalZone('+01:00')).toBeNull();
    expect(canonicalZone('Berlin')).toBeNull();
    expect(canonicalZone('')).toBeNull();
  });
});

describe('the API’s issues next to the fields', () => {
  it('puts a predicate after the field’s label, and other messages as sentences', () => {
    expect(inWords('Name', 'is required')).toBe('Name is required.');
    expect(inWords('End', 'must be 2027-03-01T00:30:00.000Z or later')).toBe(
      'End must be 2027-03-01T00:30:00.000Z or later.',
    );
    expect(inWords('Customer', 'no such customer')).toBe('No such customer.');
  });

  it('maps each issue to the field its path names, the most specific first, and keeps the rest', () => {
    const error = new ApiError(400, 'INVALID_INPUT', 'The request is not valid.', 'req-1', [
      { path: 'services.1.monthlyFeeMinor', message: 'must be at least 0' },
      { path: 'services', message: 'must list at least one item' },
      { path: 'timeZone', message: 'is required' },
      { path: 'colour', message: 'Unknown field "colour".' },
    ]);
    const { problems, rest } = problemsOf(error, {
      services: { key: 'services', label: 'Services' },
      'services.1': { key: 'fee:web', label: 'Monthly fee for Web dashboard' },
      timeZone: { key: 'timeZone', label: 'Time zone' },
    });
    expect(problems).toEqual({
      'fee:web': 'Monthly fee for Web dashboard must be at least 0.',
      services: 'Services must list at least one item.',
      timeZone: 'Time zone is required.',
    });
    expect(rest).toEqual([{ path: 'colour', message: 'Unknown field "colour".' }]);
  });
});
