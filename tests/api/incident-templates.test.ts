import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { createService } from '../helpers/factories.ts';
import { expectStatus, statusActors } from '../helpers/status-data.ts';

const MINUTE = 60_000;

async function setup() {
  const t = await testApp({ now: '2026-06-02T09:00:00Z' });
  await createService(t, 'api');
  return { t, ...(await statusActors(t)) };
}

async function auditActions(t: Awaited<ReturnType<typeof setup>>['t'], entityType: string) {
  const result = await t.db.client.execute({
    sql: 'SELECT action, before, after FROM audit_log WHERE entity_type = ? ORDER BY id',
    args: [entityType],
  });
  return result.rows.map((row) => ({
    action: row.action,
    before: row.before === null ? null : JSON.parse(String(row.before)),
    after: row.after === null ? null : JSON.parse(String(row.after)),
  }));
}

describe('incident update templates', () => {
  it('start with one template per update status, which staff edit, add and delete', async () => {
    const { t, asAgent, asAdmin } = await setup();
    const initial = await expectStatus(await asAgent('GET', '/staff/incident-templates'), 200);
    expect(
      initial.items.map((item: { name: string; status: string }) => [item.name, item.status]),
    ).toEqual([
      ['Identified', 'identified'],
      ['Investigating', 'investigating'],
      ['Monitoring', 'monitoring'],
      ['Resolved', 'resolved'],
    ]);
    expect(initial.items[1].body).toMatch(/^We are looking into reports of …/);

    const created = await expectStatus(
      await asAgent('POST', '/staff/incident-templates', {
        name: '  Database failover  ',
        status: 'identified',
        body: 'The primary database failed over; writes are paused while it catches up.',
      }),
      201,
    );
    expect(created).toMatchObject({
      name: 'Database failover',
      status: 'identified',
      createdAt: '2026-06-02T09:00:00.000Z',
    });

    t.clock.advance(MINUTE);
    const edited = await expectStatus(
      await asAdmin('PATCH', `/staff/incident-templates/${created.id}`, { status: null }),
      200,
    );
    expect(edited).toMatchObject({
      name: 'Database failover',
      status: null,
      updatedAt: '2026-06-02T09:01:00.000Z',
    });

    const response = await asAgent('DELETE', `/staff/incident-templates/${created.id}`);
    expect(response.status).toBe(204);
    const after = await expectStatus(await asAgent('GET', '/staff/incident-templates'), 200);
    expect(after.items.map((item: { id: number }) => item.id)).not.toContain(created.id);
    expect((await auditActions(t, 'incident_template')).map((entry) => entry.action)).toEqual([
      'incident_template.create',
      'incident_template.update',
      'incident_template.delete',
    ]);
  });

  it.each([
    ['an empty name', { name: '  ', body: 'x' }, 400, 'name', 'must not be empty'],
    ['no text', { name: 'A' }, 400, 'body', 'is required'],
    ['an unknown status', { name: 'A', body: 'x', status: 'fixed' }, 400, 'status', null],
    ['an unknown field', { name: 'A', body: 'x', kind: 'human' }, 400, 'kind', null],
  ])('refuses %s in the shared error shape', async (_name, body, status, path, message) => {
    const { asAgent } = await setup();
    const error = (
      await expectStatus(await asAgent('POST', '/staff/incident-templates', body), status)
    ).error;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues.map((issue: { path: string }) => issue.path)).toContain(path);
    if (message !== null) expect(error.issues).toContainEqual({ path, message });
  });

  it('refuses a name another template has (409) and an unknown template (404)', async () => {
    const { t, asAgent } = await setup();
    const taken = await asAgent('POST', '/staff/incident-templates', {
      name: 'Investigating',
      body: 'Again.',
    });
    expect((await expectStatus(taken, 409)).error.code).toBe('TEMPLATE_NAME_TAKEN');
    await expectStatus(
      await asAgent('PATCH', '/staff/incident-templates/999', { body: 'Changed.' }),
      404,
    );
    await expectStatus(await asAgent('DELETE', '/staff/incident-templates/999'), 404);
    const count = await t.db.client.execute('SELECT count(*) AS n FROM incident_templates');
    expect(count.rows[0]?.n).toBe(4);
  });
});

describe('PUT /staff/incidents/{id}/postmortem', () => {
  it('publishes a postmortem once the incident is resolved: on the public incident and in the feed', async () => {
    const { t, asAgent, anonymous } = await setup();
    const incident = await expectStatus(
      await asAgent('POST', '/staff/incidents', {
        title: 'API errors',
        impact: 'major',
        components: [{ service: 'api', status: 'major_outage' }],
        body: 'We are investigating.',
      }),
      201,
    );
    expect(incident.postmortem).toBeNull();
    const early = await asAgent('PUT', `/staff/incidents/${incident.id}/postmortem`, {
      body: 'Too soon.',
    });
    expect((await expectStatus(early, 409)).error.code).toBe('INCIDENT_NOT_RESOLVED');

    t.clock.advance(30 * MINUTE);
    await expectStatus(
      await asAgent('POST', `/staff/incidents/${incident.id}/updates`, {
        status: 'resolved',
        body: 'Fixed.',
      }),
      201,
    );
    t.clock.advance(60 * MINUTE);
    const text = 'A configuration change removed a route.\n\nWe now check routes before deploying.';
    const written = await expectStatus(
      await asAgent('PUT', `/staff/incidents/${incident.id}/postmortem`, { body: `${text}  ` }),
      200,
    );
    expect(written.postmortem).toEqual({
      body: text,
      publishedAt: '2026-06-02T10:30:00.000Z',
      updatedAt: '2026-06-02T10:30:00.000Z',
    });
    expect(written.updatedAt).toBe('2026-06-02T10:30:00.000Z');
    const shown = await expectStatus(await anonymous('GET', `/incidents/${incident.id}`), 200);
    expect(shown.postmortem.body).toBe(text);
    // Lists and the status carry summaries only.
    const list = await expectStatus(await anonymous('GET', '/incidents'), 200);
    expect(list.items[0]).not.toHaveProperty('postmortem');
    const feed = await (await anonymous('GET', '/feed.atom')).text();
    expect(feed).toContain('Postmortem: A configuration change removed a route.');

    t.clock.advance(MINUTE);
    const replaced = await expectStatus(
      await asAgent('PUT', `/staff/incidents/${incident.id}/postmortem`, { body: 'Rewritten.' }),
      200,
    );
    expect(replaced.postmortem).toEqual({
      body: 'Rewritten.',
      publishedAt: '2026-06-02T10:30:00.000Z',
      updatedAt: '2026-06-02T10:31:00.000Z',
    });
    expect(await auditActions(t, 'incident')).toEqual([
      expect.objectContaining({ action: 'incident.create' }),
      { action: 'incident.postmortem.create', before: null, after: { postmortem: text } },
      {
        action: 'incident.postmortem.update',
        before: { postmortem: text },
        after: { postmortem: 'Rewritten.' },
      },
    ]);
  });

  it('moves the status version (the site rebuilds) only when the text changes', async () => {
    const { t, asAgent } = await setup();
    const incident = await expectStatus(
      await asAgent('POST', '/staff/incidents', {
        title: 'Blip',
        status: 'resolved',
        services: ['api'],
        body: 'A short blip, resolved.',
      }),
      201,
    );
    const version = async () =>
      Number((await t.db.client.execute('SELECT version FROM status_version')).rows[0]?.version);
    const before = await version();
    await expectStatus(
      await asAgent('PUT', `/staff/incidents/${incident.id}/postmortem`, { body: 'Why.' }),
      200,
    );
    expect(await version()).toBe(before + 1);
    await expectStatus(
      await asAgent('PUT', `/staff/incidents/${incident.id}/postmortem`, { body: 'Why.' }),
      200,
    );
    expect(await version()).toBe(before + 1);
  });

  it('refuses an empty text (400) and an unknown incident (404)', async () => {
    const { asAgent } = await setup();
    const empty = await expectStatus(
      await asAgent('PUT', '/staff/incidents/1/postmortem', { body: '   ' }),
      400,
    );
    expect(empty.error.issues).toEqual([{ path: 'body', message: 'must not be empty' }]);
    await expectStatus(await asAgent('PUT', '/staff/incidents/404/postmortem', { body: 'x' }), 404);
  });
});
