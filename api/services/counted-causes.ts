import { and, asc, eq, gt, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { incidentServices, incidents, type WindowState, windows } from '../../db/schema/index.ts';
import type { CountedPiece, Policy } from '../sla/index.ts';

type Reader = Pick<Tx, 'select'>;

/**
 * What lies behind each piece of counted downtime, for the customer's evidence: the state of
 * the window that gave the piece its weight, and the incident that caused it
 * (docs/decisions/144-counted-windows-and-their-incidents.md).
 */

export interface CountedCause {
  /** The piece's bounds, as in the evaluation's `counted`. */
  start: string;
  end: string;
  /**
   * The most severe state among the stored windows under the piece that carry its weight;
   * null when no stored window lies under it any more (a decided month corrected since).
   */
  state: WindowState | null;
  /**
   * The incident: the one the window was written for (`linked: window`), else the incident on
   * the service whose time overlaps the piece longest (`linked: overlap`); null when none.
   */
  incident: { id: number; title: string; linked: 'window' | 'overlap' } | null;
}

const SEVERITY: Record<WindowState, number> = {
  major_outage: 4,
  maintenance: 3,
  partial_outage: 2,
  degraded: 1,
};

interface Span {
  startMs: number;
  /** +∞ while open. */
  endMs: number;
}

function overlapMs(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.endMs, b.endMs) - Math.max(a.startMs, b.startMs));
}

/** The weight (0–1) a window of this state carries under the policy; maintenance as unannounced. */
function weightOf(state: WindowState, weights: Policy['weights']): number {
  return state === 'maintenance' || state === 'major_outage'
    ? weights.major_outage
    : weights[state];
}

/**
 * The cause of each counted piece of one service, in the order of `counted`. Reads the
 * service's windows and incidents over the pieces' span, twice at most, whatever their count.
 */
export async function countedCauses(
  db: Reader,
  serviceId: number,
  counted: readonly CountedPiece[],
  weights: Policy['weights'],
): Promise<CountedCause[]> {
  if (counted.length === 0) return [];
  const pieces = counted.map((piece) => ({
    piece,
    span: { startMs: Date.parse(piece.start), endMs: Date.parse(piece.end) },
  }));
  const fromMs = Math.min(...pieces.map(({ span }) => span.startMs));
  const toMs = Math.max(...pieces.map(({ span }) => span.endMs));
  const windowRows = await db
    .select({
      state: windows.state,
      start: windows.start,
      end: windows.end,
      incidentId: windows.incidentId,
    })
    .from(windows)
    .where(
      and(
        eq(windows.serviceId, serviceId),
        lt(windows.start, new Date(toMs)),
        or(isNull(windows.end), gt(windows.end, new Date(fromMs))),
      ),
    )
    .orderBy(asc(windows.start), asc(windows.id));
  const incidentRows = await db
    .select({
      id: incidents.id,
      title: incidents.title,
      startedAt: incidents.startedAt,
      resolvedAt: incidents.resolvedAt,
    })
    .from(incidents)
    .innerJoin(incidentServices, eq(incidentServices.incidentId, incidents.id))
    .where(
      and(
        eq(incidentServices.serviceId, serviceId),
        lt(incidents.startedAt, new Date(toMs)),
        or(isNull(incidents.resolvedAt), gt(incidents.resolvedAt, new Date(fromMs))),
      ),
    )
    .orderBy(asc(incidents.startedAt), asc(incidents.id));
  const titles = new Map(incidentRows.map((row) => [row.id, row.title]));
  const linkedIds = windowRows
    .map((row) => row.incidentId)
    .filter((id): id is number => id !== null && !titles.has(id));
  if (linkedIds.length > 0) {
    // An incident may have left the service's list while its window stayed: still the cause.
    const extra = await db
      .select({ id: incidents.id, title: incidents.title })
      .from(incidents)
      .where(inArray(incidents.id, [...new Set(linkedIds)]));
    for (const row of extra) titles.set(row.id, row.title);
  }
  const stored = windowRows.map((row) => ({
    state: row.state,
    incidentId: row.incidentId,
    span: {
      startMs: row.start.getTime(),
      endMs: row.end === null ? Number.POSITIVE_INFINITY : row.end.getTime(),
    },
  }));
  const incidentSpans = incidentRows.map((row) => ({
    id: row.id,
    title: row.title,
    span: {
      startMs: row.startedAt.getTime(),
      endMs: row.resolvedAt === null ? Number.POSITIVE_INFINITY : row.resolvedAt.getTime(),
    },
  }));

  return pieces.map(({ piece, span }) => {
    const under = stored.filter((window) => overlapMs(window.span, span) > 0);
    // The weight compared in hundredths, as the engine holds it.
    const carrying = under.filter(
      (window) =>
        Math.round(weightOf(window.state, weights) * 100) === Math.round(piece.weight * 100),
    );
    const candidates = carrying.length > 0 ? carrying : under;
    const state = candidates.reduce<WindowState | null>(
      (worst, window) =>
        worst === null || SEVERITY[window.state] > SEVERITY[worst] ? window.state : worst,
      null,
    );
    const written = candidates
      .flatMap((window) =>
        window.incidentId === null ? [] : [{ id: window.incidentId, span: window.span }],
      )
      .sort((a, b) => overlapMs(b.span, span) - overlapMs(a.span, span))[0];
    let incident: CountedCause['incident'] = null;
    if (written !== undefined) {
      incident = {
        id: written.id,
        title: titles.get(written.id) ?? `Incident #${written.id}`,
        linked: 'window',
      };
    } else {
      const nearest = incidentSpans
        .filter((candidate) => overlapMs(candidate.span, span) > 0)
        .sort((a, b) => overlapMs(b.span, span) - overlapMs(a.span, span))[0];
      if (nearest) incident = { id: nearest.id, title: nearest.title, linked: 'overlap' };
    }
    return { start: piece.start, end: piece.end, state, incident };
  });
}
