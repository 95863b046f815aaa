import { describe, expect, it } from 'vitest';
import { diffFields } from '../../site/islands/staff/admin/audit-words.ts';
import { changeAgainst, draftOf, readDraft } from '../../site/islands/staff/admin/policy-form.tsx';
import {
  DEFAULT_RULES,
  type PolicyRules,
  ruleChangeLines,
} from '../../site/islands/staff/admin/policy-words.ts';
import { accentCss, logoBox, pageTitle, supportLinks } from '../../site/lib/brand.ts';

/** The pure parts of the policy, audit and brand screens: what they send and what they say. */

const PREMIUM: PolicyRules = {
  ...DEFAULT_RULES,
  targetPercent: 99.95,
  dailyRule: { thresholdMinutes: 240, creditDays: 1 },
  termination: { missedPeriods: 3, withinPeriods: 6 },
};

describe('a new version from the form', () => {
  it('states only what differs from the version it follows, a removed rule as null', () => {
    const draft = draftOf(PREMIUM);
    const edited = {
      ...draft,
      targetPercent: '99.99',
      weights: { ...draft.weights, degraded: '0.1' },
      termination: false,
    };
    const { rules, problems } = readDraft(edited);
    expect(problems).toEqual({});
    if (rules === null) throw new Error('the draft did not read');
    expect(changeAgainst(PREMIUM, rules)).toEqual({
      targetPercent: 99.99,
      weights: { degraded: 0.1 },
      termination: null,
    });
    // The form unchanged states nothing.
    const same = readDraft(draftOf(PREMIUM)).rules;
    if (same === null) throw new Error('the draft did not read');
    expect(changeAgainst(PREMIUM, same)).toEqual({});
  });

  it('names each problem under its field, by the API’s path, in words', () => {
    const draft = draftOf(PREMIUM);
    const { rules, problems } = readDraft({
      ...draft,
      targetPercent: '99.12345',
      weights: { ...draft.weights, partial_outage: '1.5' },
      tiers: [...draft.tiers.slice(0, 1), { key: 99, belowPercent: '', creditPercent: '10,5' }],
      claimWindowDays: '30.5',
      missedPeriods: '7',
    });
    expect(rules).toBeNull();
    expect(problems).toEqual({
      targetPercent: 'Use at most 4 decimals.',
      'weights.partial_outage': 'Enter at most 1.',
      'tiers.1.belowPercent': 'Enter a number.',
      'tiers.1.creditPercent': 'Enter a number, such as 99.9 (a point for decimals).',
      claimWindowDays: 'Enter a whole number, without decimals.',
      'termination.missedPeriods': 'Cannot be more than the months looked at (6).',
    });
  });

  it('tells a change in words', () => {
    expect(ruleChangeLines(PREMIUM, { ...PREMIUM, targetPercent: 99.9, dailyRule: null })).toEqual([
      { key: 'targetPercent', label: 'Target', from: '99.95\u00a0%', to: '99.9\u00a0%' },
      {
        key: 'dailyRule',
        label: 'Daily rule',
        from: 'each local day with more than 240\u00a0min (4\u00a0h) of downtime earns 1 day’s fee',
        to: 'none',
      },
    ]);
  });
});

describe('an audit entry’s fields', () => {
  it('lists changed fields first, instants in UTC, nested values by path', () => {
    const rows = diffFields(
      { name: 'Acme', active: true, services: [{ slug: 'api', feeMinor: 100 }], at: null },
      {
        name: 'Acme Inc.',
        active: true,
        services: [{ slug: 'api', feeMinor: 120 }],
        at: '2026-11-02T09:40:00.000Z',
      },
    );
    expect(rows.map((row) => [row.label, row.before, row.after, row.changed])).toEqual([
      ['name', 'Acme', 'Acme Inc.', true],
      ['services › 1 › fee minor', '100', '120', true],
      ['at', '—', '2 Nov 2026, 09:40 UTC', true],
      ['active', 'yes', 'yes', false],
      ['services › 1 › slug', 'api', 'api', false],
    ]);
  });
});

describe('the brand in the layout', () => {
  it('writes only hex colours into the style sheet', () => {
    const accent = {
      color: '#a36200',
      dark: '#b07824',
      lightContrast: 4.58,
      darkContrast: 4.57,
      adjustedForDark: true,
    };
    expect(accentCss(accent)).toBe(
      'html:root{--focus:#a36200;--accent:#a36200}@media (prefers-color-scheme: dark){html:root{--focus:#b07824;--accent:#b07824}}',
    );
    expect(accentCss({ ...accent, color: '#fff}body{display:none' })).toBeNull();
    expect(accentCss(null)).toBeNull();
  });

  it('titles pages with the product name, sizes the logo 32 px high, lists the support contacts', () => {
    expect(pageTitle('Status', 'Northwind status')).toBe('Northwind status');
    expect(pageTitle('History', 'Northwind status')).toBe('History · Northwind status');
    expect(
      logoBox({
        url: '',
        hash: '',
        contentType: 'image/png',
        widthPx: 300,
        heightPx: 100,
        bytes: 1,
      }),
    ).toEqual({ width: 96, height: 32 });
    expect(
      supportLinks({ url: 'https://help.example.com/status', email: 'help@example.com' }),
    ).toEqual([
      { href: 'https://help.example.com/status', label: 'help.example.com/status' },
      { href: 'mailto:help@example.com', label: 'help@example.com' },
    ]);
  });
});
