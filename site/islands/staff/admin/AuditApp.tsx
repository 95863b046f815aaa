import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { apiClient, call, type components, definedOnly } from '../../../lib/api-client.ts';
import { Field } from '../../shared/Field.tsx';
import { zonedDateTime } from '../../shared/format.ts';
import { ErrorMessage, Loading } from '../../shared/messages.tsx';
import { Pager } from '../../shared/Pager.tsx';
import { PortalBar } from '../../shared/PortalBar.tsx';
import { queryParam, setQuery } from '../../shared/page-query.ts';
import { STAFF_LINKS } from '../../shared/portal-links.ts';
import { SessionGate } from '../../shared/SessionGate.tsx';
import { TableWrap } from '../../shared/TableWrap.tsx';
import { useApiQuery } from '../../shared/use-api-query.ts';
import { AdminTrail } from './AdminTrail.tsx';
import {
  actionText,
  diffFields,
  ENTITY_TYPES,
  entityLabel,
  type FieldDiff,
} from './audit-words.ts';
import { ChangeList } from './policy-view.tsx';
import { asRules, ruleChangeLines } from './policy-words.ts';

/**
 * `/staff/admin/audit/`: every administrative change, newest first, filtered on the server by
 * actor, entity and a time range in UTC; each entry's before and after as a list of fields.
 */
export default function AuditApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => (
        <>
          <PortalBar
            user={user}
            signOut={signOut}
            links={STAFF_LINKS(user, '/staff/admin/audit/')}
          />
          {user.role !== 'admin' ? (
            <>
              <h1>Audit log</h1>
              <p>The audit log is for admins. Your role is {user.role}.</p>
            </>
          ) : (
            <Audit />
          )}
        </>
      )}
    </SessionGate>
  );
}

type Entry = components['schemas']['AuditEntry'];

interface Filters {
  actorUserId: string;
  actorApiKeyId: string;
  entityType: string;
  entityId: string;
  /** `YYYY-MM-DD HH:MM` in UTC, as typed. */
  from: string;
  to: string;
}

const FILTER_KEYS = [
  'actorUserId',
  'actorApiKeyId',
  'entityType',
  'entityId',
  'from',
  'to',
] as const;

/** An instant from the address (`2026-11-02T09:30:00Z`) as the field shows it, in UTC. */
function fieldTime(instant: string | null): string {
  if (instant === null) return '';
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

const UTC_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;

/** A typed `YYYY-MM-DD HH:MM` (UTC) as an instant the API reads; null when it is not one. */
function instantOf(text: string): string | null {
  const match = UTC_TIME.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  const ms = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  const instant = new Date(ms).toISOString();
  // 2026-02-30 rolls over to March: not a time anyone meant.
  return instant.slice(0, 16) === `${text.trim().slice(0, 10)}T${text.trim().slice(11, 16)}`
    ? instant.replace('.000Z', 'Z')
    : null;
}

function filtersFromAddress(): Filters {
  return {
    actorUserId: queryParam('actorUserId') ?? '',
    actorApiKeyId: queryParam('actorApiKeyId') ?? '',
    entityType: queryParam('entityType') ?? '',
    entityId: queryParam('entityId') ?? '',
    from: fieldTime(queryParam('from')),
    to: fieldTime(queryParam('to')),
  };
}

const PAGE_SIZE = 25;
const POSITIVE_ID = /^[1-9]\d{0,15}$/;

function Audit() {
  const [filters, setFilters] = useState<Filters>(filtersFromAddress);
  const [draft, setDraft] = useState<Filters>(filters);
  const [problems, setProblems] = useState<Partial<Record<keyof Filters, string>>>({});
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const staff = useApiQuery(async (signal) => {
    const [admins, agents] = await Promise.all(
      (['admin', 'agent'] as const).map((role) =>
        call(apiClient.GET('/staff/users', { params: { query: { role, limit: 100 } }, signal })),
      ),
    );
    return [...(admins?.items ?? []), ...(agents?.items ?? [])].sort((a, b) =>
      a.email.localeCompare(b.email),
    );
  }, []);
  const page = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/audit-log', {
          params: {
            query: definedOnly({
              limit: PAGE_SIZE,
              ...(cursor === undefined ? {} : { cursor }),
              ...(filters.actorUserId ? { actorUserId: Number(filters.actorUserId) } : {}),
              ...(filters.actorApiKeyId ? { actorApiKeyId: Number(filters.actorApiKeyId) } : {}),
              ...(filters.entityType ? { entityType: filters.entityType } : {}),
              ...(filters.entityId ? { entityId: filters.entityId } : {}),
              ...(filters.from ? { from: instantOf(filters.from) ?? undefined } : {}),
              ...(filters.to ? { to: instantOf(filters.to) ?? undefined } : {}),
            }),
          },
          signal,
        }),
      ),
    [JSON.stringify(filters), cursor],
  );

  const apply = (next: Filters) => {
    setFilters(next);
    setDraft(next);
    setCursors([undefined]);
    setQuery({
      actorUserId: next.actorUserId || null,
      actorApiKeyId: next.actorApiKeyId || null,
      entityType: next.entityType || null,
      entityId: next.entityId || null,
      from: instantOf(next.from) ?? null,
      to: instantOf(next.to) ?? null,
    });
  };

  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Partial<Record<keyof Filters, string>> = {};
    if (draft.entityId !== '' && draft.entityType === '') {
      found.entityType = 'Choose what kind of record the id belongs to.';
    }
    if (draft.entityId !== '' && !POSITIVE_ID.test(draft.entityId.trim())) {
      found.entityId = 'Enter the record’s number, such as 12.';
    }
    const from = draft.from.trim() === '' ? '' : instantOf(draft.from);
    const to = draft.to.trim() === '' ? '' : instantOf(draft.to);
    if (from === null)
      found.from = 'Enter a date and time in UTC as YYYY-MM-DD HH:MM, such as 2026-11-02 09:30.';
    if (to === null)
      found.to = 'Enter a date and time in UTC as YYYY-MM-DD HH:MM, such as 2026-11-30 18:00.';
    if (from && to && to <= from) found.to = 'Choose a time after “From”.';
    setProblems(found);
    if (Object.keys(found).length > 0) {
      const first = FILTER_KEYS.find((key) => found[key] !== undefined);
      if (first) document.getElementById(`audit-${first}`)?.focus();
      return;
    }
    apply({
      ...draft,
      entityId: draft.entityId.trim(),
      from: draft.from.trim(),
      to: draft.to.trim(),
    });
  };

  const actorNamed = page.data?.items.find(
    (entry) => entry.actor.kind === 'user' && String(entry.actor.id) === filters.actorUserId,
  )?.actor.name;
  const filtered = FILTER_KEYS.some((key) => filters[key] !== '');

  return (
    <>
      <AdminTrail here="Audit log" />
      <h1>Audit log</h1>
      <p class="lead">
        Every change made through administration, newest first: who, when (UTC), and each field
        before and after. Names are today’s; the values are as they were.
      </p>
      <form class="form" onSubmit={submit} noValidate aria-label="Filter the audit log">
        <div class="filters">
          <Field id="audit-actorUserId" label="Who">
            {(aria) => (
              <select
                {...aria}
                value={draft.actorUserId}
                onChange={(event) => setDraft({ ...draft, actorUserId: event.currentTarget.value })}
              >
                <option value="">Anyone</option>
                {draft.actorUserId !== '' &&
                  !staff.data?.some((user) => String(user.id) === draft.actorUserId) && (
                    <option value={draft.actorUserId}>
                      {actorNamed ?? `User #${draft.actorUserId}`}
                    </option>
                  )}
                {(staff.data ?? []).map((user) => (
                  <option key={user.id} value={String(user.id)}>
                    {user.email} ({user.role})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="audit-entityType" label="Kind of record" problem={problems.entityType}>
            {(aria) => (
              <select
                {...aria}
                value={draft.entityType}
                onChange={(event) => setDraft({ ...draft, entityType: event.currentTarget.value })}
              >
                <option value="">Any</option>
                {ENTITY_TYPES.map((entry) => (
                  <option key={entry.type} value={entry.type}>
                    {entry.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="audit-entityId"
            label="Record number"
            hint="Optional: one record’s history."
            problem={problems.entityId}
          >
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="numeric"
                autocomplete="off"
                value={draft.entityId}
                onInput={(event) => setDraft({ ...draft, entityId: event.currentTarget.value })}
              />
            )}
          </Field>
          <Field id="audit-from" label="From (UTC)" hint="YYYY-MM-DD HH:MM" problem={problems.from}>
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="numeric"
                autocomplete="off"
                placeholder="2026-11-02 09:30"
                value={draft.from}
                onInput={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
              />
            )}
          </Field>
          <Field
            id="audit-to"
            label="Until (UTC, not included)"
            hint="YYYY-MM-DD HH:MM"
            problem={problems.to}
          >
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="numeric"
                autocomplete="off"
                placeholder="2026-11-02 09:30"
                value={draft.to}
                onInput={(event) => setDraft({ ...draft, to: event.currentTarget.value })}
              />
            )}
          </Field>
        </div>
        <p class="actions">
          <button type="submit">Show changes</button>
          {filtered && (
            <button
              type="button"
              class="secondary"
              onClick={() =>
                apply({
                  actorUserId: '',
                  actorApiKeyId: '',
                  entityType: '',
                  entityId: '',
                  from: '',
                  to: '',
                })
              }
            >
              Clear the filters
            </button>
          )}
        </p>
        {filters.actorApiKeyId && (
          <p class="meta">Only changes made with API key #{filters.actorApiKeyId}.</p>
        )}
      </form>
      {page.error && <ErrorMessage error={page.error} />}
      {page.loading && page.data === null && <Loading what="Loading the audit log" />}
      <div role="status">
        {page.data && !page.loading && (
          <p class="meta">
            {page.data.items.length === 0
              ? filtered
                ? 'No change matches these filters.'
                : 'No change has been recorded yet.'
              : `Showing ${page.data.items.length} ${page.data.items.length === 1 ? 'change' : 'changes'}${page.data.nextCursor ? ' (more on the next page)' : ''}.`}
          </p>
        )}
      </div>
      {page.data && page.data.items.length > 0 && (
        <ol class="audit-list">
          {page.data.items.map((entry) => (
            <AuditEntry
              key={entry.id}
              entry={entry}
              onFilter={(change) => apply({ ...filters, ...change })}
            />
          ))}
        </ol>
      )}
      {page.data && (
        <Pager cursors={cursors} nextCursor={page.data.nextCursor} onChange={setCursors} />
      )}
    </>
  );
}

function actorText(actor: Entry['actor']): string {
  if (actor.kind === 'system') return 'the system';
  if (actor.kind === 'key') return `API key ${actor.name ?? `#${actor.id}`}`;
  return `${actor.name ?? `user #${actor.id}`}${actor.role ? ` (${actor.role})` : ''}`;
}

function AuditEntry(props: { entry: Entry; onFilter: (change: Partial<Filters>) => void }) {
  const { entry } = props;
  const before = entry.before as Record<string, unknown> | null | undefined;
  const after = entry.after as Record<string, unknown> | null | undefined;
  const rulesBefore = asRules(before?.rules);
  const rulesAfter = asRules(after?.rules);
  const ruleChanges =
    entry.action === 'policy.version.create' && rulesBefore && rulesAfter
      ? ruleChangeLines(rulesBefore, rulesAfter)
      : null;
  // A new version's rules are told in words above; the raw `changed` map repeats them.
  const fields = diffFields(before, after, ruleChanges ? ['rules', 'changed'] : []);
  const entity = `${entityLabel(entry.entityType)} ${entry.entityName ? `“${entry.entityName}”` : `#${entry.entityId}`}`;
  const title = `${entity}: ${actionText(entry.action, entry.entityType)}`;
  return (
    <li class="panel audit-entry">
      <article aria-labelledby={`audit-${entry.id}`}>
        <h2 id={`audit-${entry.id}`}>{title}</h2>
        <p class="meta">
          {zonedDateTime(entry.createdAt, 'UTC')} UTC, by {actorText(entry.actor)}
          {entry.requestId && (
            <>
              {' '}
              · request <code>{entry.requestId}</code>
            </>
          )}
        </p>
        <p class="actions">
          <button
            type="button"
            class="link"
            onClick={() =>
              props.onFilter({
                entityType: entry.entityType,
                entityId: entry.entityId,
              })
            }
          >
            History of {entity}
          </button>
          {entry.actor.kind === 'user' && entry.actor.id !== null && (
            <button
              type="button"
              class="link"
              onClick={() =>
                props.onFilter({ actorUserId: String(entry.actor.id), actorApiKeyId: '' })
              }
            >
              Changes by {entry.actor.name ?? `user #${entry.actor.id}`}
            </button>
          )}
        </p>
        {ruleChanges && (
          <>
            <p>Rule changes:</p>
            <ChangeList changes={ruleChanges} />
          </>
        )}
        <DiffTable
          fields={fields}
          title={title}
          created={before === null || before === undefined}
        />
      </article>
    </li>
  );
}

function DiffTable(props: { fields: FieldDiff[]; title: string; created: boolean }) {
  const changed = props.fields.filter((field) => field.changed);
  const same = props.fields.filter((field) => !field.changed);
  if (props.fields.length === 0) return null;
  const table = (rows: FieldDiff[], caption: string) => (
    <TableWrap label={`${caption}, ${props.title}`}>
      <table class="stack diff">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            {!props.created && <th scope="col">Before</th>}
            <th scope="col">{props.created ? 'Value' : 'After'}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((field) => (
            <tr key={field.path} class={field.changed && !props.created ? 'changed' : undefined}>
              <th scope="row" data-label="Field">
                {field.label}
              </th>
              {!props.created && (
                <td data-label="Before" class="old">
                  {field.before}
                </td>
              )}
              <td data-label={props.created ? 'Value' : 'After'}>{field.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
  return (
    <>
      {changed.length > 0 && table(changed, props.created ? 'Values' : 'Changed fields')}
      {same.length > 0 && !props.created && (
        <details>
          <summary>
            {same.length} unchanged {same.length === 1 ? 'field' : 'fields'}
          </summary>
          {table(same, 'Unchanged fields')}
        </details>
      )}
    </>
  );
}
