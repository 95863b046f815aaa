import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { agreements, policies, policyVersions } from '../../db/schema/index.ts';
import type { AdminContext, Deps } from '../context.ts';
import { conflict, InvalidInput, notFound, Unprocessable, zodIssues } from '../domain-errors.ts';
import { afterCursor, type Page, type PageQuery, toPage } from '../infra/pagination.ts';
import {
  defaultWeights,
  type Policy,
  periodOf,
  policySchema,
  type ResponsePolicy,
  shiftPeriod,
} from '../sla/index.ts';
import { recordAudit, updateAudited } from './audit.ts';

/** The first version of a policy is in force from the beginning. */
export const FIRST_EFFECTIVE_FROM = '0000-01';

/**
 * The zone whose months end first (UTC+14, Line Islands): a month has closed for some
 * agreement as soon as it has ended there.
 */
const EARLIEST_ZONE = 'Etc/GMT-14';

export interface PolicyVersionDto {
  version: number;
  /** `YYYY-MM`; the first version's is `0000-01` (from the beginning). */
  effectiveFrom: string;
  rules: Policy;
  /** The response block (sla-response.md §1), versioned with the rules; null: none offered. */
  response: ResponsePolicy | null;
  createdByUserId: number | null;
  createdAt: string;
}

export interface PolicyDto {
  id: number;
  name: string;
  active: boolean;
  /** The latest version's number (it may take effect in a month still to come). */
  version: number;
  effectiveFrom: string;
  rules: Policy;
  response: ResponsePolicy | null;
  versions: PolicyVersionDto[];
  /** Agreements on this policy, and how many of them are active. */
  agreementCount: number;
  activeAgreementCount: number;
  createdAt: string;
}

type PolicyRow = typeof policies.$inferSelect;
type VersionRow = typeof policyVersions.$inferSelect;

function versionDto(row: VersionRow): PolicyVersionDto {
  return {
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    rules: row.rules as Policy,
    response: (row.response ?? null) as ResponsePolicy | null,
    createdByUserId: row.createdByUserId,
    createdAt: row.createdAt.toISOString(),
  };
}

interface AgreementCounts {
  all: number;
  active: number;
}

function policyDto(
  row: PolicyRow,
  versionRows: VersionRow[],
  counts: Map<number, AgreementCounts>,
): PolicyDto {
  const versions = versionRows
    .filter((version) => version.policyId === row.id)
    .sort((a, b) => a.version - b.version)
    .map(versionDto);
  const latest = versions.at(-1);
  if (!latest) throw new Error(`policy ${row.id} has no version`);
  return {
    id: row.id,
    name: row.name,
    active: row.active,
    version: latest.version,
    effectiveFrom: latest.effectiveFrom,
    rules: latest.rules,
    response: latest.response,
    versions,
    agreementCount: counts.get(row.id)?.all ?? 0,
    activeAgreementCount: counts.get(row.id)?.active ?? 0,
    createdAt: row.createdAt.toISOString(),
  };
}

async function agreementCounts(
  tx: Tx | Deps['db']['db'],
  policyIds: number[],
): Promise<Map<number, AgreementCounts>> {
  if (policyIds.length === 0) return new Map();
  const rows = await tx
    .select({
      policyId: agreements.policyId,
      all: count(),
      active: sql<number>`sum(case when ${agreements.active} then 1 else 0 end)`,
    })
    .from(agreements)
    .where(inArray(agreements.policyId, policyIds))
    .groupBy(agreements.policyId);
  return new Map(
    rows.map((row) => [row.policyId, { all: row.all, active: Number(row.active ?? 0) }]),
  );
}

async function loadPolicy(tx: Tx | Deps['db']['db'], id: number): Promise<PolicyDto | null> {
  const row = await tx.select().from(policies).where(eq(policies.id, id)).get();
  if (!row) return null;
  const versions = await tx.select().from(policyVersions).where(eq(policyVersions.policyId, id));
  return policyDto(row, versions, await agreementCounts(tx, [id]));
}

/** The earliest month a new version may take effect from: the first not closed anywhere. */
export function earliestOpenMonth(nowMs: number): string {
  return periodOf(nowMs, EARLIEST_ZONE);
}

/** The default `effectiveFrom` of a change: next month in UTC. */
export function defaultEffectiveFrom(nowMs: number): string {
  return shiftPeriod(periodOf(nowMs, 'UTC'), 1);
}

export async function createPolicy(
  ctx: AdminContext,
  input: { name: string; rules: Policy; response?: ResponsePolicy | null | undefined },
): Promise<PolicyDto> {
  const { deps, principal } = ctx;
  return deps.db.write(async (tx) => {
    const now = new Date(deps.clock.now());
    const row = await tx
      .insert(policies)
      .values({ name: input.name, createdAt: now })
      .returning()
      .get();
    const version = await tx
      .insert(policyVersions)
      .values({
        policyId: row.id,
        version: 1,
        effectiveFrom: FIRST_EFFECTIVE_FROM,
        rules: input.rules,
        response: input.response ?? null,
        createdByUserId: principal.user.id,
        createdAt: now,
      })
      .returning()
      .get();
    const dto = policyDto(row, [version], new Map());
    await recordAudit(tx, ctx, {
      action: 'policy.create',
      entityType: 'policy',
      entityId: row.id,
      after: dto,
    });
    return dto;
  });
}

/** The weights of a change: each state omitted (inherited), null (the default) or a weight. */
export type WeightsChange = { [State in keyof Policy['weights']]?: number | null | undefined };

/**
 * The rules a new version states: every field optional. An omitted field is inherited from
 * the version it follows; a field given as `null` takes its default (for `termination` and
 * `dailyRule` that is "none"), as `null` means in a whole policy (sla-accounting §6.8).
 * Fields other than `weights` arrive with that default already applied by the schema.
 */
export type PolicyChange = {
  [Field in Exclude<keyof Policy, 'weights'>]?: Policy[Field] | undefined;
} & {
  weights?: WeightsChange | null | undefined;
};

/** One changed field of a version against the version it follows. */
export type RuleChanges = Partial<Record<keyof Policy, { from: unknown; to: unknown }>>;

/**
 * The full rules of a new version: `base` with the stated fields replaced, weights merged
 * state by state. Validated again as a whole (a weight's range is checked here).
 */
export function inheritRules(base: Policy, change: PolicyChange): Policy {
  const { weights, ...stated } = change;
  const merged: Record<string, unknown> = { ...base };
  for (const [field, value] of Object.entries(stated)) {
    if (value !== undefined) merged[field] = value;
  }
  if (weights === null) {
    merged.weights = { ...defaultWeights };
  } else if (weights !== undefined) {
    const next: Record<string, number> = { ...base.weights };
    for (const state of Object.keys(defaultWeights) as (keyof typeof defaultWeights)[]) {
      const value = weights[state];
      if (value === null) next[state] = defaultWeights[state];
      else if (value !== undefined) next[state] = value;
    }
    merged.weights = next;
  }
  const parsed = policySchema.safeParse(merged);
  if (!parsed.success) {
    throw new InvalidInput('The policy version is not valid.', {
      issues: zodIssues(parsed.error.issues),
    });
  }
  return parsed.data;
}

/** The fields whose value differs between two versions' rules, with both values. */
export function ruleChanges(before: Policy, after: Policy): RuleChanges {
  const changes: RuleChanges = {};
  for (const field of Object.keys(after) as (keyof Policy)[]) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      changes[field] = { from: before[field] ?? null, to: after[field] };
    }
  }
  return changes;
}

/**
 * Adds a version. It takes effect from `effectiveFrom` (default: next month in UTC), which
 * must be a month not yet closed in any time zone and later than every existing version's:
 * a version in force for a closed month is never altered or overtaken. It inherits every
 * rule it does not state from the version in force just before its `effectiveFrom`
 * (docs/decisions/080-policy-version-inheritance.md).
 */
/** What a new version would be: the month it takes effect from, the version it follows, its rules. */
export interface PlannedVersion {
  version: number;
  effectiveFrom: string;
  base: PolicyVersionDto;
  rules: Policy;
  response: ResponsePolicy | null;
}

/** The response block of a change: omitted inherits, null offers none, an object replaces it. */
export type ResponseChange = ResponsePolicy | null | undefined;

/**
 * Checks a change against the policy as it is and works out the new version, without
 * writing: shared by saving a version and by its preview, so a preview refuses exactly
 * what saving would refuse.
 */
export function planVersion(
  before: PolicyDto,
  input: { effectiveFrom?: string | undefined; change: PolicyChange; response?: ResponseChange },
  nowMs: number,
): PlannedVersion {
  const effectiveFrom = input.effectiveFrom ?? defaultEffectiveFrom(nowMs);
  const earliest = earliestOpenMonth(nowMs);
  if (effectiveFrom < earliest) {
    throw new Unprocessable(
      `${effectiveFrom} has closed; a new version can take effect from ${earliest} on.`,
      {
        code: 'PERIOD_CLOSED',
        issues: [{ path: 'effectiveFrom', message: `must be ${earliest} or later` }],
      },
    );
  }
  if (effectiveFrom <= before.effectiveFrom) {
    throw conflict(
      `Version ${before.version} takes effect from ${before.effectiveFrom}; a new version must take effect later.`,
      'VERSION_ORDER',
    );
  }
  const base = versionBefore(before.versions, effectiveFrom);
  return {
    version: before.version + 1,
    effectiveFrom,
    base,
    rules: inheritRules(base.rules, input.change),
    response: input.response === undefined ? base.response : input.response,
  };
}

/**
 * Adds a version. It takes effect from `effectiveFrom` (default: next month in UTC), which
 * must be a month not yet closed in any time zone and later than every existing version's:
 * a version in force for a closed month is never altered or overtaken. It inherits every
 * rule it does not state from the version in force just before its `effectiveFrom`
 * (docs/decisions/080-policy-version-inheritance.md).
 */
export async function addPolicyVersion(
  ctx: AdminContext,
  policyId: number,
  input: { effectiveFrom?: string | undefined; change: PolicyChange; response?: ResponseChange },
): Promise<PolicyDto> {
  const { deps, principal } = ctx;
  return deps.db.write(async (tx) => {
    const before = await loadPolicy(tx, policyId);
    if (!before) throw notFound('No such policy.');
    const nowMs = deps.clock.now();
    const { version, effectiveFrom, base, rules, response } = planVersion(before, input, nowMs);
    await tx.insert(policyVersions).values({
      policyId,
      version,
      effectiveFrom,
      rules,
      response,
      createdByUserId: principal.user.id,
      createdAt: new Date(nowMs),
    });
    const after = await loadPolicy(tx, policyId);
    if (!after) throw new Error('policy vanished');
    await recordAudit(tx, ctx, {
      action: 'policy.version.create',
      entityType: 'policy',
      entityId: policyId,
      before: {
        version: base.version,
        effectiveFrom: base.effectiveFrom,
        rules: base.rules,
        response: base.response,
      },
      after: {
        version: after.version,
        effectiveFrom: after.effectiveFrom,
        rules: after.rules,
        response: after.response,
        inheritedFrom: base.version,
        changed: ruleChanges(base.rules, after.rules),
      },
    });
    return after;
  });
}

/** The version in force in the month before `effectiveFrom`: the one a new version follows. */
function versionBefore(versions: PolicyVersionDto[], effectiveFrom: string): PolicyVersionDto {
  const earlier = versions
    .filter((version) => version.effectiveFrom < effectiveFrom)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const base = earlier.at(-1);
  // Version 1 is in force from 0000-01, before any month a new version may name.
  if (!base) throw new Error(`no version before ${effectiveFrom}`);
  return base;
}

/** `%`, `_` and the escape character itself match literally in a LIKE pattern. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Policies by id (the order they were made) or by name. A name-ordered page's cursor is
 * the number of policies before it: names change, ids do not, so only the id order can
 * resume after the last row seen.
 */
export async function listPolicies(
  deps: Deps,
  query: PageQuery & {
    active?: boolean | undefined;
    q?: string | undefined;
    sort?: 'id' | 'name' | undefined;
  },
): Promise<Page<PolicyDto>> {
  const byName = query.sort === 'name';
  const conditions: (SQL | undefined)[] = [byName ? undefined : afterCursor(policies.id, query)];
  if (query.active !== undefined) conditions.push(eq(policies.active, query.active));
  if (query.q !== undefined) {
    conditions.push(sql`lower(${policies.name}) like ${likePattern(query.q)} escape '\\'`);
  }
  const offset = byName && query.cursor !== undefined ? Number(query.cursor) : 0;
  const rows = await deps.db.db
    .select()
    .from(policies)
    .where(and(...conditions))
    .orderBy(
      ...(byName ? [asc(sql`lower(${policies.name})`), asc(policies.id)] : [asc(policies.id)]),
    )
    .limit(query.limit + 1)
    .offset(offset);
  const ids = rows.slice(0, query.limit).map((row) => row.id);
  const versions = ids.length
    ? await deps.db.db.select().from(policyVersions).where(inArray(policyVersions.policyId, ids))
    : [];
  const counts = await agreementCounts(deps.db.db, ids);
  const page = toPage(rows, query, (row) => policyDto(row, versions, counts));
  if (byName && page.nextCursor !== null) page.nextCursor = String(offset + query.limit);
  return page;
}

export async function getPolicy(deps: Deps, id: number): Promise<PolicyDto> {
  const dto = await loadPolicy(deps.db.db, id);
  if (!dto) throw notFound('No such policy.');
  return dto;
}

/** Renames or (de)activates a policy; its rules change only through new versions. */
export async function updatePolicy(
  ctx: AdminContext,
  id: number,
  change: { name?: string | undefined; active?: boolean | undefined },
): Promise<PolicyDto> {
  const { deps } = ctx;
  return deps.db.write(async (tx) => {
    await updateAudited(tx, ctx, {
      entityType: 'policy',
      id,
      load: () => tx.select().from(policies).where(eq(policies.id, id)).get(),
      missing: 'No such policy.',
      change: async (row) => {
        const updated = await tx
          .update(policies)
          .set({ name: change.name ?? row.name, active: change.active ?? row.active })
          .where(eq(policies.id, id))
          .returning()
          .get();
        return {
          updated,
          before: { name: row.name, active: row.active },
          after: { name: updated.name, active: updated.active },
        };
      },
    });
    const dto = await loadPolicy(tx, id);
    if (!dto) throw new Error('policy vanished');
    return dto;
  });
}
