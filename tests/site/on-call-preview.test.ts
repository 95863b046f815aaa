import { describe, expect, it } from 'vitest';
import {
  draftIncident,
  type Incident,
  withUpdate,
} from '../../site/islands/staff/incident-forms.tsx';
import {
  noticeText,
  parseUtcInput,
  requiredText,
  timeProblem,
  utcInput,
} from '../../site/islands/staff/oncall.tsx';
import { testApp } from '../helpers/app.ts';
import { createService } from '../helpers/factories.ts';
import { expectStatus, statusActors } from '../helpers/status-data.ts';

const MINUTE = 60_000;

/**
 * The staff console previews an incident before publishing by computing what the API will
 * answer (site/islands/staff/incident-forms.tsx). Checked here against the API itself, step
 * by step: the preview is the published incident but for its ids and the moment of writing.
 */

/** An incident without what only publishing fixes: ids (the preview has none) and times. */
function comparable(incident: Incident) {
  return {
    ...incident,
    id: 0,
    updatedAt: '',
    startedAt: '',
    resolvedAt: incident.resolvedAt === null ? null : 'set',
    firstHumanUpdateAt: incident.firstHumanUpdateAt === null ? null : 'set',
    timeToFirstHumanUpdateMs: incident.timeToFirstHumanUpdateMs === null ? null : 'set',
    latestUpdate: incident.latestUpdate && { ...incident.latestUpdate, id: 0, createdAt: '' },
    updates: incident.updates.map((update) => ({ ...update, id: 0, createdAt: '' })),
  };
}

async function setup() {
  const t = await testApp({ now: '2027-03-01T00:30:00Z' });
  for (const slug of ['api', 'db', 'web']) await createService(t, slug);
  return { t, ...(await statusActors(t)) };
}

describe('the incident preview', () => {
  it('is what the API answers for a new incident and for each update after it', async () => {
    const { t, asAgent } = await setup();
    const opening = {
      title: 'Errors',
      impact: 'major' as const,
      status: 'investigating' as const,
      // In the console's order (the services' display order), not the API's (by slug).
      components: [
        { service: 'web', status: 'operational' as const },
        { service: 'api', status: 'major_outage' as const },
      ],
      body: '  We are looking into it.  ',
    };
    const preview = draftIncident({ ...opening, nowMs: t.clock.now() });
    let incident: Incident = await expectStatus(
      await asAgent('POST', '/staff/incidents', { ...opening, services: [] }),
      201,
    );
    expect(comparable(preview)).toEqual(comparable(incident));

    const steps = [
      // A status moves, a component joins, another is named at the status it has.
      {
        status: 'identified' as const,
        impact: 'critical' as const,
        named: [
          { service: 'api', status: 'major_outage' as const },
          { service: 'db', status: 'degraded' as const },
        ],
        body: 'Found it.',
      },
      { status: 'monitoring' as const, impact: 'critical' as const, named: [], body: 'Fixed.' },
      // Resolving releases every held component, in the API's order.
      { status: 'resolved' as const, impact: 'critical' as const, named: [], body: 'Done.' },
      // Reopened: components stay operational until set again.
      {
        status: 'investigating' as const,
        impact: 'minor' as const,
        named: [{ service: 'web', status: 'partial_outage' as const }],
        body: 'Back again.',
      },
    ];
    for (const step of steps) {
      t.clock.advance(MINUTE);
      const expected = withUpdate(incident, { ...step, nowMs: t.clock.now() });
      const body = {
        status: step.status,
        body: step.body,
        ...(step.impact !== incident.impact ? { impact: step.impact } : {}),
        ...(step.named.length > 0 ? { components: step.named } : {}),
      };
      incident = await expectStatus(
        await asAgent('POST', `/staff/incidents/${incident.id}/updates`, body),
        201,
      );
      expect(comparable(expected), step.body).toEqual(comparable(incident));
      // The times the preview shows are the moment of writing, as the API records it here.
      expect(expected.latestUpdate?.createdAt).toBe(incident.latestUpdate?.createdAt);
    }
  });
});

describe('times typed on the on-call screens', () => {
  it.each([
    ['2027-03-07 02:00', '2027-03-07T02:00:00.000Z'],
    ['2027-03-07T02:00', '2027-03-07T02:00:00.000Z'],
    [' 2027-03-07 02:00:30 UTC ', '2027-03-07T02:00:30.000Z'],
    ['2028-02-29 23:59Z', '2028-02-29T23:59:00.000Z'],
  ])('reads %j as UTC', (text, iso) => {
    expect(new Date(parseUtcInput(text) ?? Number.NaN).toISOString()).toBe(iso);
  });

  it.each([
    '2027-02-29 10:00',
    '2027-03-07 24:00',
    '2027-03-07 02:60',
    '07/03/2027 02:00',
    '2027-03-07',
    '2027-03-07 02:00+01:00',
  ])('refuses %j', (text) => {
    expect(parseUtcInput(text)).toBeNull();
  });

  it('writes an instant back in the form it reads, and says what is wrong in words', () => {
    expect(utcInput('2027-03-07T02:05:00.000Z')).toBe('2027-03-07 02:05');
    expect(parseUtcInput(utcInput('2027-03-07T02:05:00.000Z'))).toBe(
      Date.parse('2027-03-07T02:05:00Z'),
    );
    expect(timeProblem('', 'the start')).toBe('Enter the start, in UTC, as YYYY-MM-DD HH:MM.');
    expect(timeProblem('tomorrow', 'the end')).toBe(
      'Enter the end as YYYY-MM-DD HH:MM (UTC), e.g. 2027-03-07 02:00.',
    );
    expect(timeProblem('2027-03-07 02:00', 'the end')).toBeNull();
  });

  it('says notice in days, hours and minutes', () => {
    expect(noticeText((3 * 24 * 60 + 89) * MINUTE)).toBe('3\u00a0days 1\u00a0h 29\u00a0min');
    expect(noticeText(24 * 60 * MINUTE)).toBe('1\u00a0day');
    expect(noticeText(0)).toBe('none');
    expect(noticeText(-MINUTE)).toBe('none (announced after the start)');
    expect(requiredText(2880)).toBe('2\u00a0days');
    expect(requiredText(0)).toBe('none');
  });
});
