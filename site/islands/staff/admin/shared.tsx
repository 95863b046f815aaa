import type { ComponentChildren, TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiIssue } from '../../../lib/client.ts';
import { zonedDateTime } from '../../shared/format.ts';
import { asApiError, Loading } from '../../shared/messages.tsx';
import { Pager } from '../../shared/Pager.tsx';
import { PortalBar } from '../../shared/PortalBar.tsx';
import { queryParam, setQuery } from '../../shared/page-query.ts';
import { STAFF_LINKS } from '../../shared/portal-links.ts';
import { SessionGate } from '../../shared/SessionGate.tsx';
import type { SessionUser } from '../../shared/types.ts';
import type { Problems } from './problems.ts';

/**
 * Pieces of the administration screens (/staff/admin/…): the page frame with its trail,
 * lists with search, sort and pages, form problems next to their fields, confirm steps,
 * a secret shown once, times labelled with their zones.
 */

export const ADMIN_HOME = '/staff/admin/';

export interface Crumb {
  href: string;
  label: string;
}

/**
 * An administration page: the sign-in gate (staff), the console's bar, the trail back to
 * the administration home and the page's own heading; only admins see the content.
 */
export function AdminPage(props: {
  /** The page's name for the window title, e.g. "Customers". */
  title: string;
  trail?: Crumb[];
  children: (user: SessionUser) => ComponentChildren;
}) {
  useEffect(() => {
    document.title = `${props.title} · Administration · Service status`;
  }, [props.title]);
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => (
        <>
          <PortalBar user={user} signOut={signOut} links={STAFF_LINKS(user, ADMIN_HOME)} />
          <Trail crumbs={[{ href: ADMIN_HOME, label: 'Administration' }, ...(props.trail ?? [])]} />
          {user.role === 'admin' ? (
            props.children(user)
          ) : (
            <>
              <h1>{props.title}</h1>
              <p>Administration is for admins. Your role is {user.role}.</p>
            </>
          )}
        </>
      )}
    </SessionGate>
  );
}

function Trail(props: { crumbs: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" class="trail-nav">
      <ol>
        {props.crumbs.map((crumb) => (
          <li key={crumb.href}>
            <a href={crumb.href}>{crumb.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** `?id=` of the page's address as a record id, or null when it names none. */
export function idParam(name = 'id'): number | null {
  const text = queryParam(name);
  if (text === null || !/^[1-9][0-9]{0,15}$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}

/** A message for an address that names no record. */
export function noRecord(what: string): ApiError {
  return new ApiError(0, 'CLIENT', `This address names no ${what}. Open one from the list.`);
}

/* ---------------------------------------------------------------- times */

/** `1 Jan 2027, 00:00 (Europe/Berlin)`. */
export function inZone(at: string | number, timeZone: string): string {
  return `${zonedDateTime(at, timeZone)} (${timeZone})`;
}

/** `1 Jan 2027, 00:00 UTC`. */
export function inUtc(at: string | number): string {
  return `${zonedDateTime(at, 'UTC')} UTC`;
}

/**
 * An instant as staff read it where two zones matter: the local time with its zone, and UTC
 * beside it (the same instant, both labelled). In UTC itself, once.
 */
export function BothZones(props: { at: string | null; timeZone: string; none?: string }) {
  if (props.at === null) return <>{props.none ?? '—'}</>;
  if (props.timeZone === 'UTC') {
    return <time dateTime={props.at}>{inUtc(props.at)}</time>;
  }
  return (
    <time dateTime={props.at} class="both-zones">
      <span>{inZone(props.at, props.timeZone)}</span> <span class="utc">= {inUtc(props.at)}</span>
    </time>
  );
}

/** An instant in UTC, labelled. */
export function Utc(props: { at: string | null; none?: string }) {
  if (props.at === null) return <>{props.none ?? '—'}</>;
  return <time dateTime={props.at}>{inUtc(props.at)}</time>;
}

/* ---------------------------------------------------------------- tags */

export function ActiveTag(props: { active: boolean; off?: string }) {
  return props.active ? (
    <span class="status status-met">Active</span>
  ) : (
    <span class="status status-none">{props.off ?? 'Deactivated'}</span>
  );
}

/* ---------------------------------------------------------------- form problems */

/**
 * What stops a form, at its top: the API's message or a count of the fields to fix, each
 * linked to its field (keyboard users jump there), and the request id support can look up.
 * Takes the focus when it appears.
 */
export function FormAlert(props: {
  error: ApiError | null;
  problems: Problems;
  /** Field keys to their element ids and labels, in the form's order. */
  fields: { key: string; id: string; label: string }[];
  rest?: ApiIssue[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const listed = props.fields.filter((field) => props.problems[field.key]);
  const shown = props.error !== null || listed.length > 0;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [props.error, props.problems]);
  if (!shown) return null;
  const summary =
    props.error && props.error.issues.length === 0
      ? props.error.message
      : listed.length === 1
        ? 'Fix one field to continue:'
        : listed.length > 1
          ? `Fix ${listed.length} fields to continue:`
          : (props.error?.message ?? '');
  return (
    <div class="alert" role="alert" tabIndex={-1} ref={ref}>
      <p>{summary}</p>
      {(listed.length > 0 || (props.rest?.length ?? 0) > 0) && (
        <ul>
          {listed.map((field) => (
            <li key={field.key}>
              <a href={`#${field.id}`}>{props.problems[field.key]}</a>
            </li>
          ))}
          {props.rest?.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path ? `${issue.path}: ` : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      {props.error?.requestId && <p class="meta">Reference for support: {props.error.requestId}</p>}
    </div>
  );
}

/* ---------------------------------------------------------------- confirm */

/**
 * A destructive action behind a confirm step: the first button only asks, stating what will
 * happen; the second does it. Escape or Cancel steps back. Nothing happens on one press.
 */
export function ConfirmAction(props: {
  /** The first button, e.g. "Deactivate the customer". */
  label: string;
  /** What will happen, in words, shown before the final button. */
  question: ComponentChildren;
  /** The final button, e.g. "Yes, deactivate Acme". */
  confirm: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
      setAsking(false);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  if (!asking) {
    return (
      <button
        type="button"
        class={props.danger ? 'secondary danger-outline' : 'secondary'}
        ref={openRef}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  }
  return (
    <fieldset
      class="confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') setAsking(false);
      }}
    >
      <legend class="visually-hidden">{props.label}</legend>
      <p>{props.question}</p>
      {error && (
        <p class="field-problem" role="alert">
          {error.message}
          {error.issues.map((issue) => ` ${issue.message}.`).join('')}
        </p>
      )}
      <p class="actions">
        <button
          type="button"
          class={props.danger ? 'danger' : undefined}
          ref={confirmRef}
          disabled={busy}
          onClick={() => void run()}
        >
          {busy ? 'Working…' : props.confirm}
        </button>
        <button type="button" class="secondary" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </p>
    </fieldset>
  );
}

/* ---------------------------------------------------------------- secrets */

// Shown once to customers too (their read keys), so it lives with the shared pieces.
export { SecretOnce } from '../../shared/SecretOnce.tsx';

/* ---------------------------------------------------------------- lists */

export interface Column<T> {
  header: string;
  cell: (row: T) => ComponentChildren;
  number?: boolean;
}

export interface SortChoice {
  value: string;
  label: string;
}

export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ListQuery {
  q?: string;
  sort?: string;
  filter?: string;
  cursor?: string;
  limit: number;
}

const PAGE_SIZE = 25;

/**
 * A list of records: search (`q`), sort and a filter in a form whose values the address keeps
 * (so reload and back show the same list), the table (a stack of cards on a phone), and
 * previous/next pages by cursor. `load` asks the API for one page.
 */
export function RecordList<T extends { id: number }>(props: {
  /** The list's name: the table's label and the status line. */
  label: string;
  /** Prefix of the address parameters, for a page with two lists. */
  param?: string;
  search?: { label: string; hint?: string };
  sorts?: SortChoice[];
  filter?: { label: string; choices: SortChoice[] };
  columns: Column<T>[];
  load: (query: ListQuery, signal: AbortSignal) => Promise<ListPage<T>>;
  empty: ComponentChildren;
  /** Bumped by the page to read the list again (after a change). */
  version?: number;
}) {
  const prefix = props.param ?? '';
  const key = (name: string) => `${prefix}${name}`;
  const [q, setQ] = useState(props.search ? (queryParam(key('q')) ?? '') : '');
  const [draft, setDraft] = useState(q);
  const firstSort = props.sorts?.[0]?.value ?? '';
  const askedSort = queryParam(key('sort'));
  const [sort, setSort] = useState(
    props.sorts?.some((choice) => choice.value === askedSort) ? (askedSort ?? '') : firstSort,
  );
  const firstFilter = props.filter?.choices[0]?.value ?? '';
  const askedFilter = queryParam(key('show'));
  const [filter, setFilter] = useState(
    props.filter?.choices.some((choice) => choice.value === askedFilter)
      ? (askedFilter ?? '')
      : firstFilter,
  );
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<ListPage<T> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const cursor = cursors.at(-1);
  const id = (name: string) => `${prefix || 'list'}-${name}`;

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    props
      .load(
        {
          limit: PAGE_SIZE,
          ...(q === '' ? {} : { q }),
          ...(sort === '' ? {} : { sort }),
          ...(filter === '' ? {} : { filter }),
          ...(cursor === undefined ? {} : { cursor }),
        },
        controller.signal,
      )
      .then(setPage)
      .catch((caught: unknown) => {
        if (caught instanceof DOMException && caught.name === 'AbortError') return;
        setError(asApiError(caught));
      });
    return () => controller.abort();
  }, [q, sort, filter, cursor, props.version]);

  const apply = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = draft.trim();
    setQ(text);
    setCursors([undefined]);
    setQuery({ [key('q')]: text });
  };

  const first = cursors.length - 1;
  const status =
    page === null
      ? ''
      : page.items.length === 0
        ? q
          ? `Nothing matches “${q}”.`
          : ''
        : `${props.label}: ${first * PAGE_SIZE + 1}–${first * PAGE_SIZE + page.items.length}${
            q ? `, matching “${q}”` : ''
          }.`;

  return (
    <section class="record-list" aria-label={props.label}>
      {(props.search || props.sorts || props.filter) && (
        <form class="filters list-tools" onSubmit={apply}>
          {props.search && (
            <div class="field grow">
              <label for={id('q')}>{props.search.label}</label>
              {props.search.hint && (
                <p class="hint" id={id('q-hint')}>
                  {props.search.hint}
                </p>
              )}
              <input
                id={id('q')}
                type="search"
                value={draft}
                autocomplete="off"
                aria-describedby={props.search.hint ? id('q-hint') : undefined}
                onInput={(event) => setDraft(event.currentTarget.value)}
              />
            </div>
          )}
          {props.sorts && (
            <div class="field">
              <label for={id('sort')}>Sort by</label>
              <select
                id={id('sort')}
                value={sort}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setSort(value);
                  setCursors([undefined]);
                  setQuery({ [key('sort')]: value === firstSort ? null : value });
                }}
              >
                {props.sorts.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </div>
          )}
          {props.filter && (
            <div class="field">
              <label for={id('show')}>{props.filter.label}</label>
              <select
                id={id('show')}
                value={filter}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setFilter(value);
                  setCursors([undefined]);
                  setQuery({ [key('show')]: value === firstFilter ? null : value });
                }}
              >
                {props.filter.choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </div>
          )}
          {props.search && (
            <p class="actions">
              <button type="submit" class="secondary">
                Search
              </button>
              {q !== '' && (
                <button
                  type="button"
                  class="link"
                  onClick={() => {
                    setDraft('');
                    setQ('');
                    setCursors([undefined]);
                    setQuery({ [key('q')]: null });
                  }}
                >
                  Clear the search
                </button>
              )}
            </p>
          )}
        </form>
      )}
      <p role="status" class="meta list-status">
        {status}
      </p>
      {error && (
        <div class="alert" role="alert">
          <p>{error.message}</p>
        </div>
      )}
      {!error && page === null && <Loading what={`Loading ${props.label.toLowerCase()}`} />}
      {page && page.items.length === 0 && !q && <p>{props.empty}</p>}
      {page && page.items.length > 0 && (
        <div class="table-wrap">
          <table class="stack">
            <caption class="visually-hidden">{props.label}</caption>
            <thead>
              <tr>
                {props.columns.map((column) => (
                  <th key={column.header} scope="col" class={column.number ? 'number' : undefined}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.items.map((row) => (
                <tr key={row.id}>
                  {props.columns.map((column) => (
                    <td
                      key={column.header}
                      data-label={column.header}
                      class={column.number ? 'number' : undefined}
                    >
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && <Pager cursors={cursors} nextCursor={page.nextCursor} onChange={setCursors} />}
    </section>
  );
}

/**
 * Whether the page was opened right after the record was made (`&added=1`, set by the form
 * that made it). The flag leaves the address at once, so a reload or a bookmark does not say
 * it again.
 */
export function useJustAdded(): boolean {
  const [added] = useState(() => new URLSearchParams(window.location.search).has('added'));
  useEffect(() => {
    if (added) setQuery({ added: null });
  }, []);
  return added;
}

/** A notice that takes the focus when it appears (after a change was saved). */
export function SavedNotice(props: { text: string | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (props.text) ref.current?.focus();
  }, [props.text]);
  return (
    <p class="notice" role="status" tabIndex={-1} ref={ref} hidden={!props.text}>
      {props.text ?? ''}
    </p>
  );
}
