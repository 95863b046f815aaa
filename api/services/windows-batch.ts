import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { services, type WindowSource, type WindowState } from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import { type ErrorIssue, unprocessable } from '../domain-errors.ts';
import { unchanged, writeStatusData } from '../infra/status-cache.ts';
import { refreshRollupsFor, type WindowExtent } from './rollups.ts';
import {
  type IngestWindowInput,
  reservedIdProblem,
  takenExternalId,
  type WindowDto,
  windowBounds,
  windowBoundsIssues,
  windowFingerprint,
} from './windows.ts';

/**
 * Batch ingestion (docs/decisions/170-batch-ingestion.md): up to 1,000 windows in one write
 * transaction, each answered as `POST /ingest/windows` would answer it alone, in order.
 * The work is per batch, not per window: one read of the ids already taken, one of the
 * services named, one insert, and one roll-up refresh per run of touched days.
 */

export const INGEST_BATCH_MAX_WINDOWS = 1_000;

export type BatchItemResult =
  | { index: number; externalId: string; result: 'created' | 'replayed'; window: WindowDto }
  | {
      index: number;
      externalId: string;
      result: 'conflict';
      error: { code: 'WINDOW_CONFLICT' | 'EXTERNAL_ID_TAKEN'; message: string };
    };

export interface BatchOutcome {
  created: number;
  replayed: number;
  conflicts: number;
  results: BatchItemResult[];
}

/** A row as SQLite returns it from `RETURNING *`: instants are integer milliseconds. */
interface RawWindowRow {
  id: number;
  service_id: number;
  external_id: string;
  state: WindowState;
  start: number;
  end: number | null;
  announced_at: number | null;
  source: WindowSource;
  api_key_id: number | null;
  incident_id: number | null;
  author_user_id: number | null;
  request_fingerprint: string;
  maintenance_id: number | null;
  created_at: number;
  updated_at: number;
}

const isoOf = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function rawWindowDto(row: RawWindowRow, slug: string): WindowDto {
  return {
    id: row.id,
    externalId: row.external_id,
    service: slug,
    state: row.state,
    start: new Date(row.start).toISOString(),
    end: isoOf(row.end),
    announcedAt: isoOf(row.announced_at),
    source: row.source,
    maintenanceId: row.maintenance_id,
    incidentId: row.incident_id,
    author: null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/**
 * Every new window in one statement: the rows travel as one JSON parameter. Only the new
 * ids come back, as one JSON value (the driver's cost per returned row was a third of the
 * insert's, docs/decisions/213): everything else of a new row is what was sent (see
 * `createdDto`). The transaction holds the write lock and every id was free when read, so
 * each row is inserted; a count that says otherwise fails the batch.
 */
async function insertWindows(
  tx: Tx,
  apiKeyId: number,
  nowMs: number,
  rows: { serviceId: number; input: IngestWindowInput; fingerprint: string }[],
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const values = JSON.stringify(
    rows.map(({ serviceId, input, fingerprint }) => [
      serviceId,
      input.externalId,
      input.state,
      input.startMs,
      input.endMs,
      input.announcedAtMs,
      fingerprint,
    ]),
  );
  // `WHERE true` tells SQLite's parser that ON CONFLICT belongs to the INSERT, not the join.
  const inserted = await tx.run(sql`
    INSERT INTO windows (service_id, external_id, state, start, "end", announced_at, source,
                         api_key_id, request_fingerprint, created_at, updated_at)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5,
           'ingest', ${apiKeyId}, value ->> 6, ${nowMs}, ${nowMs}
    FROM json_each(${values}) WHERE true
    ON CONFLICT (external_id) DO NOTHING`);
  if (inserted.rowsAffected !== rows.length) {
    throw new Error(`${rows.length} windows to insert, ${inserted.rowsAffected} inserted`);
  }
  const [found] = await tx.all<{ ids: string | null }>(sql`
    SELECT json_group_array(json_array(external_id, id)) AS ids FROM windows
    WHERE external_id IN (SELECT value ->> 1 FROM json_each(${values}))`);
  return new Map(JSON.parse(found?.ids ?? '[]') as [string, number][]);
}

/** A window just inserted from `input`, as `rawWindowDto` would read it back. */
function createdDto(id: number, input: IngestWindowInput, nowIso: string): WindowDto {
  return {
    id,
    externalId: input.externalId,
    service: input.service,
    state: input.state,
    start: new Date(input.startMs).toISOString(),
    end: isoOf(input.endMs),
    announcedAt: isoOf(input.announcedAtMs),
    source: 'ingest',
    maintenanceId: null,
    incidentId: null,
    author: null,
    createdAt: nowIso,
    updatedAt: nowIso,
  };
}

/**
 * Records a batch of a monitor's windows in one transaction. Each item is created,
 * replayed (the same request again: the window as it is now) or a conflict (another
 * request under that id, or an id that is not this key's), exactly as the single endpoint
 * decides; a later item with the id of an earlier one in the batch meets it as already
 * recorded. An item the single endpoint would refuse outright (a reserved id, an unknown
 * service, an instant out of bounds) refuses the whole batch with a 422 naming every such
 * item, and nothing is written. A batch that creates nothing changes nothing.
 */
export async function ingestWindows(
  deps: Deps,
  apiKeyId: number,
  inputs: readonly IngestWindowInput[],
): Promise<BatchOutcome> {
  const reserved = inputs.flatMap((input, index) => {
    const problem = reservedIdProblem(input.externalId);
    return problem === null ? [] : [{ path: `windows.${index}.externalId`, message: problem }];
  });
  if (reserved.length > 0) {
    throw unprocessable(
      `${reserved.length} of the windows use a reserved externalId.`,
      'RESERVED_EXTERNAL_ID',
      reserved,
    );
  }
  const fingerprints = inputs.map(windowFingerprint);
  return writeStatusData(deps, async (tx) => {
    const ids = [...new Set(inputs.map((input) => input.externalId))];
    // One parameter however many ids, and raw rows: no per-row mapping for a lookup that
    // mostly finds nothing.
    const existingRows = await tx.all<RawWindowRow>(
      sql`SELECT * FROM windows WHERE external_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
    );
    const existing = new Map(existingRows.map((row) => [row.external_id, row]));

    type Slot =
      | { kind: 'done'; result: BatchItemResult }
      | { kind: 'new'; index: number }
      | { kind: 'again'; index: number; firstIndex: number };
    const slots: Slot[] = [];
    /** The first item of the batch that will create each id. */
    const creating = new Map<string, number>();
    for (const [index, input] of inputs.entries()) {
      const fingerprint = fingerprints[index] as string;
      const { externalId } = input;
      const conflict = (code: 'WINDOW_CONFLICT' | 'EXTERNAL_ID_TAKEN', message: string) =>
        slots.push({
          kind: 'done',
          result: { index, externalId, result: 'conflict', error: { code, message } },
        });
      const stored = existing.get(externalId);
      const firstIndex = creating.get(externalId);
      if (stored !== undefined) {
        if (stored.source !== 'ingest' || stored.api_key_id !== apiKeyId) {
          conflict('EXTERNAL_ID_TAKEN', takenExternalId(externalId).message);
        } else if (stored.request_fingerprint !== fingerprint) {
          conflict(
            'WINDOW_CONFLICT',
            `A different window ${externalId} exists; change it with PATCH.`,
          );
        } else {
          const window = rawWindowDto(stored, input.service);
          slots.push({ kind: 'done', result: { index, externalId, result: 'replayed', window } });
        }
      } else if (firstIndex !== undefined) {
        if (fingerprints[firstIndex] !== fingerprint) {
          conflict(
            'WINDOW_CONFLICT',
            `A different window ${externalId} comes earlier in this batch (item ${firstIndex}).`,
          );
        } else {
          slots.push({ kind: 'again', index, firstIndex });
        }
      } else {
        creating.set(externalId, index);
        slots.push({ kind: 'new', index });
      }
    }

    // Only the windows to create are checked, as the single endpoint checks a new window only.
    const newIndexes = [...creating.values()];
    const slugs = [
      ...new Set(newIndexes.map((index) => (inputs[index] as IngestWindowInput).service)),
    ];
    const serviceRows =
      slugs.length === 0
        ? []
        : await tx.select().from(services).where(inArray(services.slug, slugs));
    const serviceBySlug = new Map(
      serviceRows.filter((row) => row.active).map((row) => [row.slug, row]),
    );
    const issues: ErrorIssue[] = [];
    let unknownService = false;
    for (const index of newIndexes) {
      const input = inputs[index] as IngestWindowInput;
      const service = serviceBySlug.get(input.service);
      if (service === undefined) {
        unknownService = true;
        issues.push({ path: `windows.${index}.service`, message: 'unknown service' });
        continue;
      }
      const bounds = windowBounds(deps, service.monitoredSince);
      for (const issue of windowBoundsIssues(bounds, [
        { path: `windows.${index}.start`, ms: input.startMs, kind: 'start' },
        ...(input.endMs === null
          ? []
          : [{ path: `windows.${index}.end`, ms: input.endMs, kind: 'end' } as const]),
      ])) {
        issues.push(issue);
      }
    }
    if (issues.length > 0) {
      throw unknownService
        ? unprocessable(
            'The batch names a service that does not exist or is not active; nothing was recorded.',
            'UNKNOWN_SERVICE',
            issues,
          )
        : unprocessable(
            `${issues.length} instant(s) of the batch are out of bounds; nothing was recorded.`,
            'WINDOW_OUT_OF_BOUNDS',
            issues,
          );
    }

    const toInsert = newIndexes.map((index) => {
      const input = inputs[index] as IngestWindowInput;
      const service = serviceBySlug.get(input.service);
      if (service === undefined) throw new Error(`service ${input.service} vanished`);
      return { serviceId: service.id, input, fingerprint: fingerprints[index] as string };
    });
    const nowMs = deps.clock.now();
    const insertedIds = await insertWindows(tx, apiKeyId, nowMs, toInsert);
    // The transaction holds the write lock, so every new id was free when read above.
    for (const { input } of toInsert) {
      if (!insertedIds.has(input.externalId)) {
        throw new Error(`window ${input.externalId} neither inserted nor found`);
      }
    }
    const extents: WindowExtent[] = toInsert.map(({ serviceId, input }) => ({
      serviceId,
      startMs: input.startMs,
      endMs: input.endMs,
    }));
    await refreshRollupsFor(tx, extents);

    const nowIso = new Date(nowMs).toISOString();
    const windowOf = (index: number): WindowDto => {
      const input = inputs[index] as IngestWindowInput;
      return createdDto(insertedIds.get(input.externalId) as number, input, nowIso);
    };
    const results = slots.map((slot): BatchItemResult => {
      if (slot.kind === 'done') return slot.result;
      const externalId = (inputs[slot.index] as IngestWindowInput).externalId;
      return slot.kind === 'new'
        ? { index: slot.index, externalId, result: 'created', window: windowOf(slot.index) }
        : {
            index: slot.index,
            externalId,
            result: 'replayed',
            window: windowOf(slot.firstIndex),
          };
    });
    const outcome: BatchOutcome = {
      created: results.filter((item) => item.result === 'created').length,
      replayed: results.filter((item) => item.result === 'replayed').length,
      conflicts: results.filter((item) => item.result === 'conflict').length,
      results,
    };
    // Replays and conflicts record nothing: the status (and the site) stay as they are.
    return outcome.created === 0 ? unchanged(outcome) : outcome;
  });
}
