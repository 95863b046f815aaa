import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  and,
  asc,
  eq,
  gt,
  gte,
  isNull,
  lt,
  lte,
  max as maxOf,
  min as minOf,
  or,
  sql,
} from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  dailyRollups,
  incidentServices,
  incidents,
  type WindowState,
  windows,
} from '../../db/schema/index.ts';
import type { Deps } from '../context.ts';
import { EARLIEST_INSTANT_MS, INSTANT_LIMIT_MS } from '../instant-range.ts';
import { defaultWeights } from '../sla/index.ts';
import { MS_PER_DAY } from '../sla/instant.ts';
import {
  add,
  floorToFixed,
  fromDecimal,
  mul,
  type Rational,
  rat,
  ratInt,
  sub,
  toNumber,
  ZERO,
} from '../sla/rational.ts';

/** Milliseconds of each state in some stretch of time (one UTC day, usually). */
export interface StateMs {
  majorMs: number;
  partialMs: number;
  degradedMs: number;
  maintenanceMs: number;
}

export interface TimedWindow {
  state: WindowState;
  startMs: number;
  endMs: number;
}

const STATE_INDEX: Record<WindowState, number> = {
  major_outage: 0,
  partial_outage: 1,
  degraded: 2,
  maintenance: 3,
};

/** Midnight UTC at or before `ms`. */
export function utcDayStart(ms: number): number {
  return Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
}

/** The UTC date of `ms`, `YYYY-MM-DD`. */
export function utcDate(ms: number): string {
  return new Date(utcDayStart(ms)).toISOString().slice(0, 10);
}

/**
 * Per UTC day (keyed by its midnight in epoch ms), the milliseconds of each state
 * within `[fromMs, toMs)`. Outage states share one timeline on which the heaviest wins
 * at every instant (major > partial > degraded), so overlapping windows count once;
 * maintenance is measured on its own (the union of maintenance windows) and may overlap
 * outage time. Days with nothing to count are absent. Pure: no I/O, no clock; windows are
 * half-open `[startMs, endMs)`, all values integer milliseconds.
 */
export function stateMsByUtcDay(
  windowList: readonly TimedWindow[],
  fromMs: number,
  toMs: number,
): Map<number, StateMs> {
  const events: [atMs: number, state: number, delta: number][] = [];
  for (const window of windowList) {
    const startMs = Math.max(window.startMs, fromMs);
    const endMs = Math.min(window.endMs, toMs);
    if (startMs >= endMs) continue;
    const state = STATE_INDEX[window.state];
    events.push([startMs, state, 1], [endMs, state, -1]);
  }
  events.sort((a, b) => a[0] - b[0]);
  const open = [0, 0, 0, 0];
  const days = new Map<number, StateMs>();
  const count = (startMs: number, endMs: number) => {
    const outage = open.findIndex((n, state) => state < 3 && n > 0);
    const maintenance = (open[3] ?? 0) > 0;
    if (outage < 0 && !maintenance) return;
    for (let day = utcDayStart(startMs); day < endMs; day += MS_PER_DAY) {
      const length = Math.min(endMs, day + MS_PER_DAY) - Math.max(startMs, day);
      let figures = days.get(day);
      if (figures === undefined) {
        figures = { majorMs: 0, partialMs: 0, degradedMs: 0, maintenanceMs: 0 };
        days.set(day, figures);
      }
      if (outage === 0) figures.majorMs += length;
      else if (outage === 1) figures.partialMs += length;
      else if (outage === 2) figures.degradedMs += length;
      if (maintenance) figures.maintenanceMs += length;
    }
  };
  let previousMs = fromMs;
  for (let i = 0; i < events.length; ) {
    const atMs = (events[i] as [number, number, number])[0];
    if (atMs > previousMs) count(previousMs, atMs);
    for (; i < events.length && (events[i] as [number, number, number])[0] === atMs; i += 1) {
      const [, state, delta] = events[i] as [number, number, number];
      open[state] = (open[state] ?? 0) + delta;
    }
    previousMs = atMs;
  }
  return days;
}

/** Days of roll-ups one statement writes: each statement a short step of a long refresh. */
const ROLLUP_ROWS_PER_STATEMENT = 2_000;

/**
 * Recomputes the stored roll-ups of one service for every UTC day that `[fromMs, toMs)`
 * touches, from its closed windows, in the caller's write transaction. Every write that
 * closes, moves or removes a closed window calls this for the window's old and new extent.
 */
export async function refreshRollups(
  tx: Tx,
  serviceId: number,
  fromMs: number,
  toMs: number,
): Promise<void> {
  // Only days in the API's instant range are rolled up: a window stored before that range
  // was enforced (docs/decisions/110) must not make one refresh touch millions of days.
  const startMs = Math.max(fromMs, EARLIEST_INSTANT_MS);
  const limitMs = Math.min(toMs, INSTANT_LIMIT_MS);
  if (limitMs <= startMs) return;
  const firstDayMs = utcDayStart(startMs);
  const endDayMs = utcDayStart(limitMs - 1) + MS_PER_DAY;
  // Raw rows: instants stay integer milliseconds, with no Date made and read back per row.
  const closed = await tx.all<{ state: WindowState; startMs: number; endMs: number }>(sql`
    SELECT state, start AS startMs, "end" AS endMs FROM windows
    WHERE service_id = ${serviceId} AND "end" IS NOT NULL
      AND start < ${endDayMs} AND "end" > ${firstDayMs}`);
  // The embedded driver works synchronously: without a turn of the event loop between the
  // steps of a long refresh, every other request would wait for all of it (ADR 113).
  await yieldToEventLoop();
  const byDay = stateMsByUtcDay(closed, firstDayMs, endDayMs);
  await tx.run(sql`
    DELETE FROM daily_rollups
    WHERE service_id = ${serviceId} AND day >= ${utcDate(firstDayMs)} AND day < ${utcDate(endDayMs)}`);
  // The rows as JSON parameters, a few thousand days per statement: at the product's limits
  // (ADR 113) that is ten thousand days, which row-by-row binding made ten times slower.
  const rows = [...byDay].map(([dayMs, figures]) => [
    utcDate(dayMs),
    figures.majorMs,
    figures.partialMs,
    figures.degradedMs,
    figures.maintenanceMs,
  ]);
  for (let i = 0; i < rows.length; i += ROLLUP_ROWS_PER_STATEMENT) {
    await yieldToEventLoop();
    await tx.run(sql`
      INSERT INTO daily_rollups (service_id, day, major_ms, partial_ms, degraded_ms, maintenance_ms)
      SELECT ${serviceId}, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4
      FROM json_each(${JSON.stringify(rows.slice(i, i + ROLLUP_ROWS_PER_STATEMENT))})`);
  }
}

/** A window's extent before or after a change; open windows are not in the roll-ups. */
export interface WindowExtent {
  serviceId: number;
  startMs: number;
  endMs: number | null;
}

/**
 * Refreshes the roll-ups under each closed extent (a change's before and after, or a
 * batch's windows), each day once: the extents of one service are widened to whole UTC
 * days and merged where they overlap or meet, so a batch of a thousand windows over three
 * days refreshes those three days in one step, not a thousand.
 */
export async function refreshRollupsFor(tx: Tx, extents: readonly WindowExtent[]): Promise<void> {
  const closed = extents
    .filter((extent): extent is WindowExtent & { endMs: number } => extent.endMs !== null)
    .map((extent) => ({
      serviceId: extent.serviceId,
      startMs: utcDayStart(extent.startMs),
      endMs: utcDayStart(extent.endMs - 1) + MS_PER_DAY,
    }))
    .sort((a, b) => a.serviceId - b.serviceId || a.startMs - b.startMs);
  const merged: { serviceId: number; startMs: number; endMs: number }[] = [];
  for (const extent of closed) {
    const last = merged.at(-1);
    if (last !== undefined && last.serviceId === extent.serviceId && extent.startMs <= last.endMs) {
      last.endMs = Math.max(last.endMs, extent.endMs);
    } else {
      merged.push({ ...extent });
    }
  }
  // Only days in the API's instant range are rolled up (as in refreshRollups).
  const ranges = merged.flatMap((extent) => {
    const startMs = Math.max(extent.startMs, EARLIEST_INSTANT_MS);
    const limitMs = Math.min(extent.endMs, INSTANT_LIMIT_MS);
    if (limitMs <= startMs) return [];
    return [
      {
        serviceId: extent.serviceId,
        firstDayMs: utcDayStart(startMs),
        endDayMs: utcDayStart(limitMs - 1) + MS_PER_DAY,
      },
    ];
  });
  if (ranges.length === 0) return;
  if (ranges.length === 1) {
    const [only] = ranges as [(typeof ranges)[number]];
    await refreshRollups(tx, only.serviceId, only.firstDayMs, only.endDayMs);
    return;
  }
  // Several runs of days (a batch over many services): three statements for all of them,
  // not three each. The runs are disjoint whole days, so each day is written once.
  const rangesJson = JSON.stringify(
    ranges.map((range) => [
      range.serviceId,
      range.firstDayMs,
      range.endDayMs,
      utcDate(range.firstDayMs),
      utcDate(range.endDayMs),
    ]),
  );
  // One row holding every window as JSON: the driver makes an object with a property per
  // column for each row it returns, which cost four times the query for a batch's two
  // thousand windows; SQLite writes the JSON and JSON.parse reads it far faster
  // (docs/decisions/213).
  const [found] = await tx.all<{ windows: string | null }>(sql`
    SELECT json_group_array(json_array(r.key, w.state, w.start, w."end")) AS windows
    FROM json_each(${rangesJson}) r
    JOIN windows w ON w.service_id = r.value ->> 0 AND w."end" IS NOT NULL
      AND w.start < r.value ->> 2 AND w."end" > r.value ->> 1`);
  await yieldToEventLoop();
  const byRange = new Map<number, TimedWindow[]>();
  const listed = JSON.parse(found?.windows ?? '[]') as [number, WindowState, number, number][];
  for (const [range, state, startMs, endMs] of listed) {
    const window = { state, startMs, endMs };
    const list = byRange.get(range);
    if (list === undefined) byRange.set(range, [window]);
    else list.push(window);
  }
  const rows = ranges.flatMap((range, index) =>
    [...stateMsByUtcDay(byRange.get(index) ?? [], range.firstDayMs, range.endDayMs)].map(
      ([dayMs, figures]) => [
        range.serviceId,
        utcDate(dayMs),
        figures.majorMs,
        figures.partialMs,
        figures.degradedMs,
        figures.maintenanceMs,
      ],
    ),
  );
  await tx.run(sql`
    DELETE FROM daily_rollups WHERE rowid IN (
      SELECT d.rowid FROM json_each(${rangesJson}) r
      JOIN daily_rollups d ON d.service_id = r.value ->> 0
        AND d.day >= r.value ->> 3 AND d.day < r.value ->> 4)`);
  for (let i = 0; i < rows.length; i += ROLLUP_ROWS_PER_STATEMENT) {
    await yieldToEventLoop();
    await tx.run(sql`
      INSERT INTO daily_rollups (service_id, day, major_ms, partial_ms, degraded_ms, maintenance_ms)
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5
      FROM json_each(${JSON.stringify(rows.slice(i, i + ROLLUP_ROWS_PER_STATEMENT))})`);
  }
}

/** Rebuilds a service's roll-ups from all of its windows (for data written around the API). */
export async function rebuildRollups(tx: Tx, serviceId: number): Promise<void> {
  const extent = await tx
    .select({ first: minOf(windows.start), last: maxOf(windows.end) })
    .from(windows)
    .where(eq(windows.serviceId, serviceId))
    .get();
  await tx.delete(dailyRollups).where(eq(dailyRollups.serviceId, serviceId));
  if (extent?.first && extent.last) {
    await refreshRollups(tx, serviceId, extent.first.getTime(), extent.last.getTime());
  }
}

// ——— Reading: the public 90-day bars ———

/** Public bars use the default weights (portal.md), whatever any customer's policy says. */
const MAJOR_WEIGHT = fromDecimal(defaultWeights.major_outage);
const PARTIAL_WEIGHT = fromDecimal(defaultWeights.partial_outage);
const DEGRADED_WEIGHT = fromDecimal(defaultWeights.degraded);

function weightedDowntime(figures: StateMs): Rational {
  return add(
    add(mul(ratInt(figures.majorMs), MAJOR_WEIGHT), mul(ratInt(figures.partialMs), PARTIAL_WEIGHT)),
    mul(ratInt(figures.degradedMs), DEGRADED_WEIGHT),
  );
}

export interface UptimeDay extends Partial<StateMs> {
  /** UTC date, YYYY-MM-DD. */
  date: string;
  /** True for days wholly before the service's monitoredSince: never shown as "up". */
  noData: boolean;
  /** Milliseconds of the day after monitoredSince and before now. */
  monitoredMs: number;
  /** Weighted downtime with the default weights (may be fractional); null without data. */
  downtimeMs: number | null;
  /** Incidents on this service overlapping the day. */
  incidents: { id: number; title: string; impact: string }[];
}

export interface UptimeSummary {
  days: number;
  /** Monitored time within the window: after monitoredSince and before now. */
  monitoredMs: number;
  downtimeMs: number;
  /**
   * Exact value as the nearest double, over the monitored time only; null until at least
   * MIN_UPTIME_MONITORED_MS has been monitored in the window (a figure over minutes says nothing).
   */
  uptimePercent: number | null;
  /** Floored to 3 decimals, so any downtime never shows as 100.000; null like uptimePercent. */
  uptimeDisplay: string | null;
  /**
   * The service's monitoredSince when it falls after the window's start: the figure then
   * covers only the time since (docs/decisions/096). Null when monitored the whole window.
   */
  monitoringBegan: string | null;
}

/** A public uptime figure needs a full day of monitored time in its window (ADR 096). */
export const MIN_UPTIME_MONITORED_MS = MS_PER_DAY;

function summarise(
  days: readonly { monitoredMs: number; downtime: Rational }[],
  windowStartMs: number,
  monitoredSinceMs: number,
): UptimeSummary {
  let monitored = 0;
  let downtime = ZERO;
  for (const day of days) {
    monitored += day.monitoredMs;
    downtime = add(downtime, day.downtime);
  }
  const monitoringBegan =
    monitoredSinceMs > windowStartMs ? new Date(monitoredSinceMs).toISOString() : null;
  if (monitored < MIN_UPTIME_MONITORED_MS) {
    return {
      days: days.length,
      monitoredMs: monitored,
      downtimeMs: toNumber(downtime),
      uptimePercent: null,
      uptimeDisplay: null,
      monitoringBegan,
    };
  }
  const percent = rat(sub(ratInt(monitored), downtime).n * 100n, downtime.d * BigInt(monitored));
  return {
    days: days.length,
    monitoredMs: monitored,
    downtimeMs: toNumber(downtime),
    uptimePercent: toNumber(percent),
    uptimeDisplay: floorToFixed(percent, 3),
    monitoringBegan,
  };
}

/** The longest span the public bars cover (a year, leap or not). */
export const MAX_UPTIME_DAYS = 366;

type Db = Deps['db']['db'];

/** The span uptimeDays reads: UTC days from `rangeStartMs` to `todayMs`, counted up to `nowMs`. */
interface DaySpan {
  serviceId: number;
  rangeStartMs: number;
  todayMs: number;
  nowMs: number;
  monitoredSinceMs: number;
}

type DayIncident = {
  id: number;
  title: string;
  impact: string;
  startedAt: Date;
  resolvedAt: Date | null;
};

const NO_STATE_MS: StateMs = { majorMs: 0, partialMs: 0, degradedMs: 0, maintenanceMs: 0 };

/** The stored roll-ups of the span, by UTC date. */
async function storedRollupsByDay(db: Db, span: DaySpan) {
  const stored = await db
    .select()
    .from(dailyRollups)
    .where(
      and(
        eq(dailyRollups.serviceId, span.serviceId),
        gte(dailyRollups.day, utcDate(span.rangeStartMs)),
        lte(dailyRollups.day, utcDate(span.todayMs)),
      ),
    );
  return new Map(stored.map((row) => [row.day, row]));
}

/** Each UTC day of [fromMs, toMs) computed from the windows (days without any get zeros). */
async function stateMsFromWindows(db: Db, span: DaySpan, fromMs: number, toMs: number) {
  const days = new Map<number, StateMs>();
  if (toMs <= fromMs) return days;
  const rows = await db
    .select({ state: windows.state, start: windows.start, end: windows.end })
    .from(windows)
    .where(
      and(
        eq(windows.serviceId, span.serviceId),
        lt(windows.start, new Date(toMs)),
        or(isNull(windows.end), gt(windows.end, new Date(fromMs))),
      ),
    );
  const computed = stateMsByUtcDay(
    rows.map((row) => ({
      state: row.state,
      startMs: row.start.getTime(),
      endMs: row.end?.getTime() ?? span.nowMs,
    })),
    fromMs,
    toMs,
  );
  for (let day = utcDayStart(fromMs); day < toMs; day += MS_PER_DAY) {
    days.set(day, computed.get(day) ?? NO_STATE_MS);
  }
  return days;
}

/**
 * The days roll-ups cannot serve, computed from the windows: from the day an open window
 * began (or today) on, and the day of monitoredSince (its roll-up counts the whole day).
 */
async function liveStateMs(db: Db, span: DaySpan): Promise<Map<number, StateMs>> {
  const firstOpen = await db
    .select({ start: minOf(windows.start) })
    .from(windows)
    .where(and(eq(windows.serviceId, span.serviceId), isNull(windows.end)))
    .get();
  const liveFromMs = Math.min(span.todayMs, utcDayStart(firstOpen?.start?.getTime() ?? span.nowMs));
  const live = await stateMsFromWindows(
    db,
    span,
    Math.max(liveFromMs, span.rangeStartMs, span.monitoredSinceMs),
    span.nowMs,
  );
  const monitoredDayMs = utcDayStart(span.monitoredSinceMs);
  if (monitoredDayMs >= span.rangeStartMs && monitoredDayMs < liveFromMs) {
    const firstDay = await stateMsFromWindows(
      db,
      span,
      span.monitoredSinceMs,
      monitoredDayMs + MS_PER_DAY,
    );
    for (const [day, figures] of firstDay) live.set(day, figures);
  }
  return live;
}

/** The service's incidents that overlap the span, oldest first. */
async function incidentsInSpan(db: Db, span: DaySpan): Promise<DayIncident[]> {
  return db
    .select({
      id: incidents.id,
      title: incidents.title,
      impact: incidents.impact,
      startedAt: incidents.startedAt,
      resolvedAt: incidents.resolvedAt,
    })
    .from(incidents)
    .innerJoin(incidentServices, eq(incidentServices.incidentId, incidents.id))
    .where(
      and(
        eq(incidentServices.serviceId, span.serviceId),
        lt(incidents.startedAt, new Date(span.nowMs)),
        or(isNull(incidents.resolvedAt), gte(incidents.resolvedAt, new Date(span.rangeStartMs))),
      ),
    )
    .orderBy(asc(incidents.startedAt), asc(incidents.id));
}

/** The incidents overlapping the UTC day starting at `dayMs` (an open one runs until now). */
function incidentsOfDay(all: DayIncident[], dayMs: number, nowMs: number) {
  const dayEndMs = dayMs + MS_PER_DAY;
  return all
    .filter((incident) => {
      const startMs = incident.startedAt.getTime();
      const endMs = Math.max(incident.resolvedAt?.getTime() ?? nowMs, startMs + 1);
      return startMs < dayEndMs && endMs > dayMs;
    })
    .map(({ id, title, impact }) => ({ id, title, impact }));
}

/** One day's figures: "no data" wholly before monitoring began, else its state and downtime. */
function dayFigures(
  span: DaySpan,
  dayMs: number,
  figures: StateMs,
  dayIncidents: UptimeDay['incidents'],
): UptimeDay & { downtime: Rational } {
  const date = utcDate(dayMs);
  const dayEndMs = dayMs + MS_PER_DAY;
  if (dayEndMs <= span.monitoredSinceMs) {
    return {
      date,
      noData: true,
      monitoredMs: 0,
      downtimeMs: null,
      incidents: dayIncidents,
      downtime: ZERO,
    };
  }
  const downtime = weightedDowntime(figures);
  return {
    date,
    noData: false,
    monitoredMs: Math.max(
      0,
      Math.min(dayEndMs, span.nowMs) - Math.max(dayMs, span.monitoredSinceMs),
    ),
    ...figures,
    downtimeMs: toNumber(downtime),
    incidents: dayIncidents,
    downtime,
  };
}

/**
 * Per UTC day for the last `dayCount` days (today last, counted up to `nowMs`): the
 * state milliseconds, weighted downtime and monitored time of one service, plus 30- and
 * 90-day summaries. Stored roll-ups serve the days they can; days touched by an open
 * window, today and the day of monitoredSince are computed from the windows.
 */
export async function uptimeDays(
  deps: Deps,
  service: { id: number; monitoredSince: Date },
  dayCount: number,
  nowMs: number,
): Promise<{ days: UptimeDay[]; last30: UptimeSummary; last90: UptimeSummary }> {
  const { db } = deps.db;
  const todayMs = utcDayStart(nowMs);
  const span: DaySpan = {
    serviceId: service.id,
    // At least 90 days: the 90-day summary needs them whatever is shown.
    rangeStartMs: todayMs - (Math.max(dayCount, 90) - 1) * MS_PER_DAY,
    todayMs,
    nowMs,
    monitoredSinceMs: service.monitoredSince.getTime(),
  };
  const storedByDay = await storedRollupsByDay(db, span);
  const live = await liveStateMs(db, span);
  const spanIncidents = await incidentsInSpan(db, span);

  const all: (UptimeDay & { downtime: Rational })[] = [];
  for (let dayMs = span.rangeStartMs; dayMs <= todayMs; dayMs += MS_PER_DAY) {
    const row = storedByDay.get(utcDate(dayMs));
    const figures: StateMs = live.get(dayMs) ?? {
      majorMs: row?.majorMs ?? 0,
      partialMs: row?.partialMs ?? 0,
      degradedMs: row?.degradedMs ?? 0,
      maintenanceMs: row?.maintenanceMs ?? 0,
    };
    all.push(dayFigures(span, dayMs, figures, incidentsOfDay(spanIncidents, dayMs, nowMs)));
  }
  return {
    days: all.slice(-dayCount).map(({ downtime: _, ...day }) => day),
    last30: summarise(all.slice(-30), todayMs - 29 * MS_PER_DAY, span.monitoredSinceMs),
    last90: summarise(all.slice(-90), todayMs - 89 * MS_PER_DAY, span.monitoredSinceMs),
  };
}
