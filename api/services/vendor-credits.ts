import { and, asc, eq, gte, inArray, isNull, lte, ne, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  agreements,
  customers,
  incidents,
  services,
  users,
  type VendorClaimStatus,
  vendorAttributions,
  vendorClaims,
  windows,
} from '../../db/schema/index.ts';
import type { Deps, StaffContext } from '../context.ts';
import { conflict, notFound, unprocessable } from '../domain-errors.ts';
import { afterCursor, type Page, type PageQuery, toPage } from '../infra/pagination.ts';
import { type EvaluationResult, periodBounds, periodOf } from '../sla/index.ts';
import { recordAudit } from './audit.ts';
import { localDateTime } from './claims.ts';
import {
  currentPeriod,
  evaluatePeriods,
  type LoadedAgreement,
  loadAgreements,
  storedEvaluation,
  tripleKey,
} from './sla-figures.ts';

/**
 * Vendor agreements (docs/decisions/196–198): which of our windows a vendor caused, what the
 * vendor owes us for them under its own policy (the same engine as for our customers), the
 * claims staff file with the vendor, and the quarter's totals per vendor and currency.
 */

type Reader = Deps['db']['db'];

const notVendor = (path: string) =>
  unprocessable(
    'Only a vendor agreement takes vendor attributions and vendor claims.',
    'NOT_A_VENDOR_AGREEMENT',
    [{ path, message: 'must be a vendor agreement' }],
  );

async function vendorAgreement(db: Reader | Tx, id: number): Promise<LoadedAgreement> {
  const [agreement] = await loadAgreements(db, { agreementIds: [id] });
  if (!agreement) {
    throw unprocessable('There is no such agreement.', 'UNKNOWN_REFERENCE', [
      { path: 'agreementId', message: 'no such agreement' },
    ]);
  }
  if (agreement.kind !== 'vendor') throw notVendor('agreementId');
  return agreement;
}

// ---------------------------------------------------------------------------
// Attributions.

export interface AttributionDto {
  id: number;
  agreementId: number;
  windowId: number;
  service: string;
  state: string;
  start: string;
  end: string | null;
  incidentId: number | null;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export interface NewAttribution {
  agreementId: number;
  /** Exactly one of the two. */
  windowId?: number | undefined;
  incidentId?: number | undefined;
  reason: string;
}

async function attributionDtos(db: Reader | Tx, ids: number[]): Promise<AttributionDto[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      attribution: vendorAttributions,
      window: windows,
      slug: services.slug,
      email: users.email,
    })
    .from(vendorAttributions)
    .innerJoin(windows, eq(windows.id, vendorAttributions.windowId))
    .innerJoin(services, eq(services.id, windows.serviceId))
    .innerJoin(users, eq(users.id, vendorAttributions.createdByUserId))
    .where(inArray(vendorAttributions.id, ids))
    .orderBy(asc(vendorAttributions.id));
  return rows.map(({ attribution, window, slug, email }) => ({
    id: attribution.id,
    agreementId: attribution.agreementId,
    windowId: window.id,
    service: slug,
    state: window.state,
    start: window.start.toISOString(),
    end: window.end?.toISOString() ?? null,
    incidentId: attribution.incidentId,
    reason: attribution.reason,
    createdBy: email,
    createdAt: attribution.createdAt.toISOString(),
  }));
}

/**
 * Attributes to a vendor agreement one window, or every outage window of an incident's span
 * on the agreement's services: the vendor's service caused them. Maintenance is never
 * attributed (it is our notice to our customers, not the vendor's to us), nor a window of a
 * service the agreement does not cover. Already attributed windows are refused (409).
 */
export async function attributeToVendor(
  ctx: StaffContext,
  input: NewAttribution,
): Promise<AttributionDto[]> {
  const { deps, principal: actor } = ctx;
  return deps.db.write(async (tx) => {
    const agreement = await vendorAgreement(tx, input.agreementId);
    const covered = new Set(agreement.services.map((service) => service.serviceId));
    const nowMs = deps.clock.now();
    let chosen: (typeof windows.$inferSelect)[];
    if (input.windowId !== undefined) {
      const window = await tx.select().from(windows).where(eq(windows.id, input.windowId)).get();
      if (!window) {
        throw unprocessable(`There is no window ${input.windowId}.`, 'UNKNOWN_REFERENCE', [
          { path: 'windowId', message: 'no such window' },
        ]);
      }
      if (!covered.has(window.serviceId)) {
        throw unprocessable(
          'The window is of a service the vendor agreement does not cover.',
          'SERVICE_NOT_COVERED',
          [{ path: 'windowId', message: 'not a window of a service of this agreement' }],
        );
      }
      if (window.state === 'maintenance') {
        throw unprocessable(
          'Maintenance windows are our notice to our customers; they are never attributed to a vendor.',
          'MAINTENANCE_NOT_ATTRIBUTABLE',
          [{ path: 'windowId', message: 'is a maintenance window' }],
        );
      }
      chosen = [window];
    } else {
      const incident = await tx
        .select()
        .from(incidents)
        .where(eq(incidents.id, input.incidentId ?? 0))
        .get();
      if (!incident) {
        throw unprocessable(`There is no incident ${input.incidentId}.`, 'UNKNOWN_REFERENCE', [
          { path: 'incidentId', message: 'no such incident' },
        ]);
      }
      const endMs = incident.resolvedAt?.getTime() ?? nowMs;
      // The incident's span: outage windows of the covered services that overlap it.
      chosen = (
        await tx
          .select()
          .from(windows)
          .where(
            and(
              inArray(windows.serviceId, [...covered]),
              ne(windows.state, 'maintenance'),
              lte(windows.start, new Date(endMs)),
              or(isNull(windows.end), gte(windows.end, incident.startedAt)),
            ),
          )
          .orderBy(asc(windows.start), asc(windows.id))
      ).filter(
        (window) =>
          window.start.getTime() < endMs &&
          (window.end === null || window.end.getTime() > incident.startedAt.getTime()),
      );
      if (chosen.length === 0) {
        throw unprocessable(
          'The incident has no outage window on a service of the vendor agreement.',
          'NOTHING_TO_ATTRIBUTE',
          [{ path: 'incidentId', message: 'no outage window of a covered service in its span' }],
        );
      }
    }
    const existing = await tx
      .select({ windowId: vendorAttributions.windowId })
      .from(vendorAttributions)
      .where(
        and(
          eq(vendorAttributions.agreementId, agreement.id),
          inArray(
            vendorAttributions.windowId,
            chosen.map((window) => window.id),
          ),
        ),
      );
    if (existing.length > 0) {
      throw conflict(
        `Window ${existing.map((row) => row.windowId).join(', ')} is already attributed to this agreement.`,
        'ALREADY_ATTRIBUTED',
      );
    }
    const now = new Date(nowMs);
    const rows = await tx
      .insert(vendorAttributions)
      .values(
        chosen.map((window) => ({
          agreementId: agreement.id,
          windowId: window.id,
          incidentId: input.incidentId ?? null,
          reason: input.reason,
          createdByUserId: actor.user.id,
          createdAt: now,
        })),
      )
      .returning();
    const dtos = await attributionDtos(
      tx,
      rows.map((row) => row.id),
    );
    for (const dto of dtos) {
      await recordAudit(tx, ctx, {
        action: 'vendor-attribution.create',
        entityType: 'vendor-attribution',
        entityId: dto.id,
        after: dto,
      });
    }
    return dtos;
  });
}

/** The attributions of a vendor agreement, oldest first, paged. */
export async function listAttributions(
  deps: Deps,
  agreementId: number,
  page: PageQuery,
): Promise<Page<AttributionDto>> {
  const { db } = deps.db;
  await vendorAgreement(db, agreementId);
  const rows = await db
    .select({ id: vendorAttributions.id })
    .from(vendorAttributions)
    .where(
      and(
        eq(vendorAttributions.agreementId, agreementId),
        afterCursor(vendorAttributions.id, page),
      ),
    )
    .orderBy(asc(vendorAttributions.id))
    .limit(page.limit + 1);
  const dtos = await attributionDtos(
    db,
    rows.slice(0, page.limit).map((row) => row.id),
  );
  const byId = new Map(dtos.map((dto) => [dto.id, dto]));
  return toPage(rows, page, (row) => byId.get(row.id) as AttributionDto);
}

// ---------------------------------------------------------------------------
// Vendor claims.

export interface VendorClaimDto {
  id: number;
  agreementId: number;
  vendor: { id: number; name: string };
  service: string;
  serviceName: string;
  period: string;
  status: VendorClaimStatus;
  /** The engine's figures when the claim was filed: the evidence sent to the vendor. */
  evaluation: EvaluationResult;
  computedCreditMinor: number;
  currency: string;
  claimDeadline: string;
  filedAt: string;
  vendorReference: string | null;
  note: string | null;
  filedBy: string;
  amountReceivedMinor: number | null;
  decidedAt: string | null;
  decisionNote: string | null;
  decidedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

type VendorClaimRow = typeof vendorClaims.$inferSelect;

async function vendorClaimDtos(db: Reader | Tx, rows: VendorClaimRow[]): Promise<VendorClaimDto[]> {
  if (rows.length === 0) return [];
  const names = await db
    .select({ id: agreements.id, vendorId: customers.id, vendorName: customers.name })
    .from(agreements)
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .where(
      inArray(
        agreements.id,
        rows.map((row) => row.agreementId),
      ),
    );
  const serviceRows = await db
    .select({ id: services.id, slug: services.slug, name: services.name })
    .from(services)
    .where(
      inArray(
        services.id,
        rows.map((row) => row.serviceId),
      ),
    );
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.id,
        rows.flatMap((row) => [row.filedByUserId, row.decidedByUserId ?? row.filedByUserId]),
      ),
    );
  const vendorOf = new Map(names.map((row) => [row.id, row]));
  const serviceOf = new Map(serviceRows.map((row) => [row.id, row]));
  const emailOf = new Map(people.map((row) => [row.id, row.email]));
  return rows.map((row) => {
    const vendor = vendorOf.get(row.agreementId);
    const service = serviceOf.get(row.serviceId);
    return {
      id: row.id,
      agreementId: row.agreementId,
      vendor: { id: vendor?.vendorId ?? 0, name: vendor?.vendorName ?? '' },
      service: service?.slug ?? String(row.serviceId),
      serviceName: service?.name ?? String(row.serviceId),
      period: row.period,
      status: row.status,
      evaluation: storedEvaluation(row.evaluation),
      computedCreditMinor: row.computedCreditMinor,
      currency: row.currency,
      claimDeadline: row.claimDeadline.toISOString(),
      filedAt: row.filedAt.toISOString(),
      vendorReference: row.vendorReference,
      note: row.note,
      filedBy: emailOf.get(row.filedByUserId) ?? '',
      amountReceivedMinor: row.amountReceivedMinor,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      decisionNote: row.decisionNote,
      decidedBy: row.decidedByUserId === null ? null : (emailOf.get(row.decidedByUserId) ?? ''),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

export interface NewVendorClaim {
  agreementId: number;
  service: string;
  period: string;
  /** When it was filed with the vendor; default now. */
  filedAt?: number | undefined;
  vendorReference?: string | undefined;
  note?: string | undefined;
}

function isUniqueViolation(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (/UNIQUE constraint failed/.test(cause.message)) return true;
  }
  return false;
}

const claimExists = () =>
  conflict(
    'A vendor claim for this agreement, service and month is already filed or granted.',
    'CLAIM_EXISTS',
  );

/**
 * Records a claim filed with the vendor: for an ended month, filed before the vendor's
 * deadline (its policy's claim window), not in the future. The engine's figures at filing
 * are stored as the evidence. A month without credit needs a note saying what we dispute.
 * One live claim per (agreement, service, month); a refused one may be filed again.
 */
export async function fileVendorClaim(
  ctx: StaffContext,
  input: NewVendorClaim,
): Promise<VendorClaimDto> {
  const { deps, principal: actor } = ctx;
  const nowMs = deps.clock.now();
  const agreement = await vendorAgreement(deps.db.db, input.agreementId);
  const service = agreement.services.find((item) => item.slug === input.service);
  if (!service) {
    throw unprocessable(
      `The vendor agreement does not cover the service "${input.service}".`,
      'SERVICE_NOT_COVERED',
      [{ path: 'service', message: 'not a service of this agreement' }],
    );
  }
  const bounds = periodBounds(input.period, agreement.timeZone);
  if (nowMs < bounds.endMs) {
    throw unprocessable(
      `${input.period} has not ended: it ends on ${localDateTime(bounds.endMs, agreement.timeZone)} (${agreement.timeZone}).`,
      'PERIOD_NOT_ENDED',
      [{ path: 'period', message: 'the period has not ended' }],
    );
  }
  const filedAtMs = input.filedAt ?? nowMs;
  if (filedAtMs > nowMs || filedAtMs < bounds.endMs) {
    throw unprocessable(
      'A claim is filed after the month ended and no later than now.',
      'FILED_AT_OUT_OF_RANGE',
      [{ path: 'filedAt', message: 'must lie between the end of the month and now' }],
    );
  }
  const [figures] = await evaluatePeriods(deps, agreement, [input.period], nowMs, {
    serviceIds: [service.serviceId],
  });
  if (!figures) throw new Error('no evaluation for a covered service');
  const { evaluation } = figures;
  if (evaluation.status === 'not-covered') {
    throw unprocessable(
      `The vendor agreement did not cover ${input.service} in ${input.period}.`,
      'PERIOD_NOT_COVERED',
      [{ path: 'period', message: 'not covered by the agreement' }],
    );
  }
  const deadlineMs = Date.parse(evaluation.claimDeadline);
  if (filedAtMs >= deadlineMs) {
    throw unprocessable(
      `The vendor's deadline for ${input.period} was ${localDateTime(deadlineMs, agreement.timeZone)} (${agreement.timeZone}).`,
      'CLAIM_DEADLINE_PASSED',
      [{ path: 'filedAt', message: 'after the vendor’s claim deadline' }],
    );
  }
  const note = input.note?.trim() || null;
  if (evaluation.creditMinor === 0 && note === null) {
    throw unprocessable(
      'The vendor’s policy gives no credit for this month; say in a note what you dispute.',
      'NOTE_REQUIRED',
      [{ path: 'note', message: 'required when the computed credit is 0' }],
    );
  }
  try {
    return await deps.db.write(async (tx) => {
      const live = await tx
        .select({ id: vendorClaims.id })
        .from(vendorClaims)
        .where(
          and(
            eq(vendorClaims.agreementId, agreement.id),
            eq(vendorClaims.serviceId, service.serviceId),
            eq(vendorClaims.period, input.period),
            ne(vendorClaims.status, 'refused'),
          ),
        )
        .get();
      if (live) throw claimExists();
      const now = new Date(nowMs);
      const row = await tx
        .insert(vendorClaims)
        .values({
          agreementId: agreement.id,
          serviceId: service.serviceId,
          period: input.period,
          status: 'filed',
          evaluation,
          policyVersionId: figures.policy.id,
          computedCreditMinor: evaluation.creditMinor,
          currency: evaluation.currency,
          claimDeadline: new Date(deadlineMs),
          filedAt: new Date(filedAtMs),
          vendorReference: input.vendorReference?.trim() || null,
          note,
          filedByUserId: actor.user.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      const [dto] = await vendorClaimDtos(tx, [row]);
      await recordAudit(tx, ctx, {
        action: 'vendor-claim.file',
        entityType: 'vendor-claim',
        entityId: row.id,
        after: { ...dto, evaluation: undefined },
      });
      return dto as VendorClaimDto;
    });
  } catch (error) {
    // Another request filed between our check and insert: the partial unique index decides.
    if (isUniqueViolation(error)) throw claimExists();
    throw error;
  }
}

export interface VendorDecision {
  decision: 'granted' | 'refused';
  /** For `granted`: what the vendor credited or paid, in minor units. */
  amountReceivedMinor?: number | undefined;
  /** When the vendor answered; default now. */
  decidedAt?: number | undefined;
  note?: string | undefined;
}

/**
 * Records the vendor's answer to a filed claim, once: granted with the amount received (at
 * least one minor unit: a grant of nothing is a refusal), or refused with the vendor's reason.
 */
export async function decideVendorClaim(
  ctx: StaffContext,
  id: number,
  input: VendorDecision,
): Promise<VendorClaimDto> {
  const { deps, principal: actor } = ctx;
  const nowMs = deps.clock.now();
  const note = input.note?.trim() || null;
  return deps.db.write(async (tx) => {
    const row = await tx.select().from(vendorClaims).where(eq(vendorClaims.id, id)).get();
    if (!row) throw notFound('No such vendor claim.');
    if (row.status !== 'filed') {
      throw conflict(`The vendor claim was already ${row.status}.`, 'CLAIM_ALREADY_DECIDED');
    }
    const decidedAtMs = input.decidedAt ?? nowMs;
    if (decidedAtMs > nowMs || decidedAtMs < row.filedAt.getTime()) {
      throw unprocessable(
        'The vendor answers after the claim was filed and no later than now.',
        'DECIDED_AT_OUT_OF_RANGE',
        [{ path: 'decidedAt', message: 'must lie between the filing and now' }],
      );
    }
    if (input.decision === 'granted') {
      if (input.amountReceivedMinor === undefined) {
        throw unprocessable('A granted claim needs the amount received.', 'AMOUNT_REQUIRED', [
          { path: 'amountReceivedMinor', message: 'required when granted' },
        ]);
      }
    } else {
      if (input.amountReceivedMinor !== undefined) {
        throw unprocessable('A refused claim has no amount received.', 'UNPROCESSABLE', [
          { path: 'amountReceivedMinor', message: 'not allowed when refused' },
        ]);
      }
      if (note === null) {
        throw unprocessable('Record the vendor’s reason for the refusal.', 'REASON_REQUIRED', [
          { path: 'note', message: 'required when refused' },
        ]);
      }
    }
    const updated = await tx
      .update(vendorClaims)
      .set({
        status: input.decision,
        amountReceivedMinor: input.decision === 'granted' ? (input.amountReceivedMinor ?? 0) : null,
        decidedAt: new Date(decidedAtMs),
        decisionNote: note,
        decidedByUserId: actor.user.id,
        updatedAt: new Date(nowMs),
      })
      // The status in the WHERE makes a concurrent second answer find nothing to change.
      .where(and(eq(vendorClaims.id, id), eq(vendorClaims.status, 'filed')))
      .returning()
      .get();
    if (!updated) throw conflict('The vendor claim changed meanwhile.', 'CLAIM_ALREADY_DECIDED');
    const [before, after] = await vendorClaimDtos(tx, [row, updated]);
    await recordAudit(tx, ctx, {
      action: `vendor-claim.${input.decision === 'granted' ? 'grant' : 'refuse'}`,
      entityType: 'vendor-claim',
      entityId: id,
      before: { ...before, evaluation: undefined },
      after: { ...after, evaluation: undefined },
    });
    return after as VendorClaimDto;
  });
}

export async function getVendorClaim(deps: Deps, id: number): Promise<VendorClaimDto> {
  const row = await deps.db.db.select().from(vendorClaims).where(eq(vendorClaims.id, id)).get();
  if (!row) throw notFound('No such vendor claim.');
  const [dto] = await vendorClaimDtos(deps.db.db, [row]);
  return dto as VendorClaimDto;
}

// ---------------------------------------------------------------------------
// The quarter.

const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isQuarter(text: string): boolean {
  return QUARTER.test(text);
}

/** The quarter `YYYY-Qn` holding a month `YYYY-MM`. */
export function quarterOf(period: string): string {
  const month = Number(period.slice(5, 7));
  return `${period.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** The three months of a quarter, in order. */
export function quarterMonths(quarter: string): string[] {
  const match = QUARTER.exec(quarter);
  if (!match) throw new Error(`not a quarter: ${quarter}`);
  const first = (Number(match[2]) - 1) * 3 + 1;
  return [0, 1, 2].map((offset) => `${match[1]}-${String(first + offset).padStart(2, '0')}`);
}

export function shiftQuarter(quarter: string, delta: number): string {
  const match = QUARTER.exec(quarter);
  if (!match) throw new Error(`not a quarter: ${quarter}`);
  const index = Number(match[1]) * 4 + Number(match[2]) - 1 + delta;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export interface VendorMonth {
  agreementId: number;
  policy: { id: number; name: string; version: number; targetPercent: number };
  service: string;
  serviceName: string;
  month: string;
  timeZone: string;
  /** True once the month has ended in the agreement's zone: its credit is owed. */
  final: boolean;
  availabilityDisplay: string | null;
  met: boolean | null;
  downtimeMs: number;
  creditMinor: number;
  currency: string;
  claimDeadline: string;
  /** The live claim, or the latest refused one. */
  claim: VendorClaimDto | null;
}

export interface VendorTotal {
  currency: string;
  /** Credit of the ended months: what the vendor's policy says it owes us. */
  owedMinor: number;
  /** Received on granted claims for these months. */
  receivedMinor: number;
  /** Owed for months not yet answered by the vendor and whose deadline has not passed unfiled. */
  openMinor: number;
  /** Credit so far in the month still going on (not owed yet). */
  soFarMinor: number;
}

export interface VendorQuarter {
  quarter: string;
  previous: string;
  next: string;
  months: string[];
  generatedAt: string;
  vendors: {
    vendor: { id: number; name: string };
    totals: VendorTotal[];
    items: VendorMonth[];
  }[];
  /** Vendor agreements whose stored data could not be evaluated (ADR 114). */
  unavailable: { agreementId: number; reason: string }[];
}

/** The current quarter on UTC's calendar. */
export function currentQuarter(nowMs: number): string {
  return quarterOf(periodOf(nowMs, 'UTC'));
}

/**
 * What our vendors owe us for the months of a quarter (each month in the vendor agreement's
 * own zone), per vendor and currency, with the claims filed for them. A month going on now
 * shows its credit so far; a month not begun in the agreement's zone is left out.
 */
export async function vendorQuarter(deps: Deps, quarter: string): Promise<VendorQuarter> {
  const nowMs = deps.clock.now();
  const { db } = deps.db;
  const months = quarterMonths(quarter);
  const list = await loadAgreements(db, { kinds: ['vendor'] });
  const vendorRows =
    list.length === 0
      ? []
      : await db
          .select({ id: customers.id, name: customers.name })
          .from(customers)
          .where(
            inArray(
              customers.id,
              list.map((agreement) => agreement.customerId),
            ),
          );
  const claimRows =
    list.length === 0
      ? []
      : await db
          .select()
          .from(vendorClaims)
          .where(
            and(
              inArray(
                vendorClaims.agreementId,
                list.map((agreement) => agreement.id),
              ),
              inArray(vendorClaims.period, months),
            ),
          )
          .orderBy(asc(vendorClaims.id));
  const claimDtoList = await vendorClaimDtos(db, claimRows);
  const claimOf = new Map<string, VendorClaimDto>();
  for (const claim of claimDtoList) {
    const agreement = list.find((candidate) => candidate.id === claim.agreementId);
    const serviceId = agreement?.services.find((item) => item.slug === claim.service)?.serviceId;
    const key = tripleKey(claim.agreementId, serviceId ?? 0, claim.period);
    const previous = claimOf.get(key);
    // A live claim wins over a refused one; among equals, the newest.
    if (!previous || claim.status !== 'refused' || previous.status === 'refused') {
      claimOf.set(key, claim);
    }
  }
  const byVendor = new Map<number, VendorQuarter['vendors'][number]>();
  const unavailable: VendorQuarter['unavailable'] = [];
  for (const agreement of list) {
    const vendor = vendorRows.find((row) => row.id === agreement.customerId);
    const entry = byVendor.get(agreement.customerId) ?? {
      vendor: { id: agreement.customerId, name: vendor?.name ?? '' },
      totals: [],
      items: [],
    };
    byVendor.set(agreement.customerId, entry);
    try {
      const current = currentPeriod(agreement, nowMs);
      const covered = months.filter((month) => {
        if (month > current) return false;
        const bounds = periodBounds(month, agreement.timeZone);
        return (
          agreement.startMs < bounds.endMs &&
          (agreement.endMs === null || agreement.endMs > bounds.startMs)
        );
      });
      if (covered.length === 0) continue;
      const figures = await evaluatePeriods(deps, agreement, covered, nowMs);
      for (const figure of figures) {
        const evaluation = figure.evaluation;
        entry.items.push({
          agreementId: agreement.id,
          policy: {
            id: figure.policy.policyId,
            name: figure.policy.policyName,
            version: figure.policy.version,
            targetPercent: figure.policy.rules.targetPercent,
          },
          service: figure.service.slug,
          serviceName: figure.service.name,
          month: figure.period,
          timeZone: agreement.timeZone,
          final: nowMs >= periodBounds(figure.period, agreement.timeZone).endMs,
          availabilityDisplay: evaluation.availabilityDisplay,
          met: evaluation.met,
          downtimeMs: evaluation.downtimeMs,
          creditMinor: evaluation.creditMinor,
          currency: evaluation.currency,
          claimDeadline: evaluation.claimDeadline,
          claim:
            claimOf.get(tripleKey(agreement.id, figure.service.serviceId, figure.period)) ?? null,
        });
      }
    } catch (error) {
      console.warn(`vendor agreement ${agreement.id} cannot be evaluated:`, error);
      unavailable.push({
        agreementId: agreement.id,
        reason:
          'The figures cannot be computed from the stored data of this agreement. The operators have been told.',
      });
    }
  }
  const vendors = [...byVendor.values()]
    .filter((entry) => entry.items.length > 0)
    .sort((a, b) => a.vendor.name.localeCompare(b.vendor.name));
  for (const entry of vendors) {
    entry.items.sort(
      (a, b) =>
        a.month.localeCompare(b.month) ||
        a.agreementId - b.agreementId ||
        a.service.localeCompare(b.service),
    );
    entry.totals = totalsOf(entry.items, nowMs);
  }
  return {
    quarter,
    previous: shiftQuarter(quarter, -1),
    next: shiftQuarter(quarter, 1),
    months,
    generatedAt: new Date(nowMs).toISOString(),
    vendors,
    unavailable,
  };
}

function totalsOf(items: VendorMonth[], nowMs: number): VendorTotal[] {
  const totals = new Map<string, VendorTotal>();
  for (const item of items) {
    const total = totals.get(item.currency) ?? {
      currency: item.currency,
      owedMinor: 0,
      receivedMinor: 0,
      openMinor: 0,
      soFarMinor: 0,
    };
    totals.set(item.currency, total);
    if (!item.final) {
      total.soFarMinor += item.creditMinor;
      continue;
    }
    total.owedMinor += item.creditMinor;
    const claim = item.claim;
    if (claim?.status === 'granted') total.receivedMinor += claim.amountReceivedMinor ?? 0;
    const unfiledButOpen = claim === null && nowMs < Date.parse(item.claimDeadline);
    if (claim?.status === 'filed' || unfiledButOpen) total.openMinor += item.creditMinor;
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

export { VENDOR_CLAIM_STATUSES, WINDOW_STATES } from '../../db/schema/index.ts';
