import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { type ApiApp, defineRoute, errorResponses, jsonBody, jsonContent, z } from '../openapi.ts';
import {
  archiveFileName,
  getStatementRun,
  listStatementRuns,
  startStatementRun,
  statementRunArchive,
} from '../services/statement-runs.ts';

/**
 * Statement runs from the staff console (issue 17, ADRs 173–174): every agreement's statement
 * of a closed month, made in the background and downloaded as one zip archive.
 */

const StatementRunSchema = z
  .object({
    id: z.string().openapi({ example: '2026-10-1795176000000' }),
    period: z.string().openapi({ example: '2026-10' }),
    state: z.enum(['running', 'finished', 'failed']),
    startedAt: z.iso.datetime().openapi({
      description: 'When the run started: its statements show the figures as they stood then.',
    }),
    finishedAt: z.iso.datetime().nullable(),
    startedBy: z.object({ userId: z.number().int().nullable(), email: z.string().nullable() }),
    agreements: z.number().int().openapi({ description: 'Agreements covering some of the month.' }),
    customers: z.number().int(),
    done: z.number().int().openapi({ description: 'Agreements whose statements are written.' }),
    files: z.number().int().nullable().openapi({
      description: 'Files in the archive (CSV, JSON and PDF per agreement, and index.csv).',
    }),
    unavailable: z.number().int().nullable().openapi({
      description: 'Agreement services whose figures could not be computed (named in index.csv).',
    }),
    archiveBytes: z.number().int().nullable(),
    failure: z.string().nullable(),
  })
  .openapi('StatementRun');

const RunParams = z.strictObject({
  id: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])-\d{13}$/, { message: 'is not a statement run id' })
    .openapi({ param: { name: 'id', in: 'path' }, example: '2026-10-1795176000000' }),
});

const start = defineRoute('staff', {
  method: 'post',
  path: '/staff/statement-runs',
  tags: ['Staff: claims and credits'],
  summary: "Start a run of every agreement's statement of a closed month",
  description:
    'Writes, in the background, the statement of every agreement covering the month (CSV, JSON ' +
    'and PDF, named by customer, agreement and month) and `index.csv`, as one zip archive; ' +
    'the figures are those of `GET /staff/customers/{id}/statements/{file}` at the start, ' +
    'without the per-window rows (ADR 173). One run at a time: 409 `RUN_IN_PROGRESS` while ' +
    'one is going on. 422 `PERIOD_NOT_CLOSED` until the month has ended in the zone of every ' +
    'agreement covering it. The start is recorded in the audit log.',
  request: {
    body: jsonBody(
      z.strictObject({
        period: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be YYYY-MM (e.g. 2026-10)' })
          .openapi({ example: '2026-10' }),
      }),
    ),
  },
  responses: {
    202: jsonContent(StatementRunSchema, 'Started; follow it at GET /staff/statement-runs/{id}'),
    ...errorResponses(400, 409, 422),
  },
});

const list = defineRoute('staff', {
  method: 'get',
  path: '/staff/statement-runs',
  tags: ['Staff: claims and credits'],
  summary: 'The latest statement runs, newest first',
  responses: {
    200: jsonContent(z.object({ items: z.array(StatementRunSchema) }), 'Up to 20 runs'),
  },
});

const detail = defineRoute('staff', {
  method: 'get',
  path: '/staff/statement-runs/{id}',
  tags: ['Staff: claims and credits'],
  summary: 'A statement run: its state and progress',
  request: { params: RunParams },
  responses: {
    200: jsonContent(StatementRunSchema, 'The run'),
    ...errorResponses(404),
  },
});

const archive = defineRoute('staff', {
  method: 'get',
  path: '/staff/statement-runs/{id}/archive',
  tags: ['Staff: claims and credits'],
  summary: "A finished run's statements as one zip archive",
  description:
    'Every file of the run, with `index.csv` listing them. 409 `RUN_NOT_FINISHED` while the ' +
    'run is going on, `RUN_FAILED` when it failed.',
  request: { params: RunParams },
  responses: {
    200: {
      description: 'The archive',
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses(404, 409),
  },
});

export function registerStaffStatementRuns(api: ApiApp): void {
  api.openapi(start, async (c) => {
    const status = await startStatementRun(
      c.var.caller,
      c.req.valid('json').period,
      c.var.deps.statementRunHooks,
    );
    return c.json(status, 202);
  });

  api.openapi(list, async (c) => c.json({ items: await listStatementRuns(c.var.deps) }, 200));

  api.openapi(detail, async (c) =>
    c.json(await getStatementRun(c.var.deps, c.req.valid('param').id), 200),
  );

  api.openapi(archive, async (c) => {
    const found = await statementRunArchive(c.var.deps, c.req.valid('param').id);
    const body = Readable.toWeb(createReadStream(found.path)) as ReadableStream<Uint8Array>;
    return c.body(body, 200, {
      'Content-Type': 'application/zip',
      'Content-Length': String(found.bytes),
      'Content-Disposition': `attachment; filename="${archiveFileName(found.status)}"`,
      'Cache-Control': 'no-store',
    });
  });
}
