import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { incidentTemplates } from '../../db/schema/index.ts';
import type { Deps, StaffContext } from '../context.ts';
import { conflict, notFound } from '../domain-errors.ts';
import { recordAudit } from './audit.ts';
import type { IncidentStatus } from './incidents.ts';

/**
 * Saved update texts (docs/decisions/130-incident-templates-and-postmortems.md): staff keep
 * them, the incident screens offer them. Every change is in the audit log.
 */

export interface IncidentTemplateDto {
  id: number;
  name: string;
  /** The update status the template suits; null for any. */
  status: IncidentStatus | null;
  body: string;
  createdAt: string;
  updatedAt: string;
}

type TemplateRow = typeof incidentTemplates.$inferSelect;

function templateDto(row: TemplateRow): IncidentTemplateDto {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Templates are few (a handful per status); the list is capped rather than paged. */
export const MAX_TEMPLATES = 200;

export async function listTemplates(deps: Deps): Promise<IncidentTemplateDto[]> {
  const rows = await deps.db.db
    .select()
    .from(incidentTemplates)
    .orderBy(asc(incidentTemplates.name), asc(incidentTemplates.id))
    .limit(MAX_TEMPLATES);
  return rows.map(templateDto);
}

async function templateRow(tx: Tx, id: number): Promise<TemplateRow> {
  const row = await tx.select().from(incidentTemplates).where(eq(incidentTemplates.id, id)).get();
  if (!row) throw notFound(`There is no template ${id}.`);
  return row;
}

/** A name another template has is a 409 naming it (names pick templates in the form). */
async function refuseTakenName(tx: Tx, name: string, exceptId?: number): Promise<void> {
  const other = await tx
    .select({ id: incidentTemplates.id })
    .from(incidentTemplates)
    .where(eq(incidentTemplates.name, name))
    .get();
  if (other && other.id !== exceptId) {
    throw conflict(`A template named "${name}" exists already.`, 'TEMPLATE_NAME_TAKEN');
  }
}

export interface TemplateInput {
  name: string;
  status: IncidentStatus | null;
  body: string;
}

/** The fields an edit states; one omitted (or undefined) keeps its value. */
export type TemplateChanges = { [Field in keyof TemplateInput]?: TemplateInput[Field] | undefined };

export async function createTemplate(
  ctx: StaffContext,
  input: TemplateInput,
): Promise<IncidentTemplateDto> {
  const { deps, principal: actor } = ctx;
  return deps.db.write(async (tx) => {
    await refuseTakenName(tx, input.name);
    const now = new Date(deps.clock.now());
    const row = await tx
      .insert(incidentTemplates)
      .values({ ...input, createdByUserId: actor.user.id, createdAt: now, updatedAt: now })
      .returning()
      .get();
    const dto = templateDto(row);
    await recordAudit(tx, ctx, {
      action: 'incident_template.create',
      entityType: 'incident_template',
      entityId: row.id,
      after: input,
    });
    return dto;
  });
}

export async function updateTemplate(
  ctx: StaffContext,
  id: number,
  changes: TemplateChanges,
): Promise<IncidentTemplateDto> {
  const { deps } = ctx;
  return deps.db.write(async (tx) => {
    const before = await templateRow(tx, id);
    if (changes.name !== undefined) await refuseTakenName(tx, changes.name, id);
    const fields = (row: TemplateRow) => ({ name: row.name, status: row.status, body: row.body });
    // A spread would copy an undefined field over the stored one; `null` is a status.
    const next = {
      name: changes.name ?? before.name,
      status: changes.status === undefined ? before.status : changes.status,
      body: changes.body ?? before.body,
    };
    const same = JSON.stringify(next) === JSON.stringify(fields(before));
    if (same) return templateDto(before);
    const row = await tx
      .update(incidentTemplates)
      .set({ ...next, updatedAt: new Date(deps.clock.now()) })
      .where(eq(incidentTemplates.id, id))
      .returning()
      .get();
    await recordAudit(tx, ctx, {
      action: 'incident_template.update',
      entityType: 'incident_template',
      entityId: id,
      before: fields(before),
      after: fields(row),
    });
    return templateDto(row);
  });
}

/** Removes a template; the updates written with it keep their text. */
export async function deleteTemplate(ctx: StaffContext, id: number): Promise<void> {
  const { deps } = ctx;
  await deps.db.write(async (tx) => {
    const before = await templateRow(tx, id);
    await tx.delete(incidentTemplates).where(eq(incidentTemplates.id, id));
    await recordAudit(tx, ctx, {
      action: 'incident_template.delete',
      entityType: 'incident_template',
      entityId: id,
      before: { name: before.name, status: before.status, body: before.body },
    });
  });
}
