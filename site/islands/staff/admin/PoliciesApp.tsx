import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiClient, call, type components } from '../../../lib/api-client.ts';
import type { ApiError } from '../../../lib/client.ts';
import { fieldsIn, monthLabel } from '../../../lib/format.ts';
import { Field } from '../../shared/Field.tsx';
import { percent, zonedDate } from '../../shared/format.ts';
import { asApiError, ErrorMessage, Loading } from '../../shared/messages.tsx';
import { Pager } from '../../shared/Pager.tsx';
import { PortalBar } from '../../shared/PortalBar.tsx';
import { queryParam, setQuery } from '../../shared/page-query.ts';
import { STAFF_LINKS } from '../../shared/portal-links.ts';
import { SessionGate } from '../../shared/SessionGate.tsx';
import { TableWrap } from '../../shared/TableWrap.tsx';
import type { SessionUser } from '../../shared/types.ts';
import { useApiQuery } from '../../shared/use-api-query.ts';
import { AdminTrail } from './AdminTrail.tsx';
import { PreviewFigures } from './PolicyPreview.tsx';
import {
  changeAgainst,
  draftOf,
  focusFirstProblem,
  type Problems,
  problemsFromIssues,
  type RulesDraft,
  RulesFields,
  readDraft,
} from './policy-form.tsx';
import { ChangeList, RuleList } from './policy-view.tsx';
import { DEFAULT_RULES, effectiveText, ruleChangeLines } from './policy-words.ts';
import {
  type ResponseDraft,
  ResponseFields,
  readResponseDraft,
  responseDraftOf,
} from './response-form.tsx';

/**
 * `/staff/admin/policies/`: the policies (search, sort, pages), a new policy (`?new`), and
 * one policy (`?id=`) with its versions and the form for a new version, whose changes and
 * figures on the last 12 months are previewed before a confirming step saves it.
 */
export default function PoliciesApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => (
        <>
          <PortalBar
            user={user}
            signOut={signOut}
            links={STAFF_LINKS(user, '/staff/admin/policies/')}
          />
          {user.role !== 'admin' ? (
            <>
              <h1>Policies</h1>
              <p>Policies are for admins. Your role is {user.role}.</p>
            </>
          ) : (
            <Route user={user} />
          )}
        </>
      )}
    </SessionGate>
  );
}

type Policy = components['schemas']['Policy'];

function Route(_: { user: SessionUser }) {
  const id = Number(queryParam('id'));
  if (queryParam('new') !== null) return <NewPolicy />;
  if (Number.isSafeInteger(id) && id > 0) return <PolicyDetail id={id} />;
  return <PolicyList />;
}

const PAGE_SIZE = 25;

function PolicyList() {
  const [search, setSearch] = useState(queryParam('q') ?? '');
  const [draft, setDraft] = useState(search);
  const [sort, setSort] = useState<'id' | 'name'>(queryParam('sort') === 'name' ? 'name' : 'id');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const page = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/policies', {
          params: {
            query: {
              limit: PAGE_SIZE,
              sort,
              ...(search === '' ? {} : { q: search }),
              ...(cursor === undefined ? {} : { cursor }),
            },
          },
          signal,
        }),
      ),
    [search, sort, cursor],
  );
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearch(draft.trim());
    setCursors([undefined]);
    setQuery({ q: draft.trim() || null, sort: sort === 'name' ? 'name' : null });
  };
  const items = page.data?.items ?? [];
  return (
    <>
      <AdminTrail here="Policies" />
      <h1>Policies</h1>
      <p class="lead">
        A policy holds the rules of sla-accounting §1 in numbered versions. A change is a new
        version from a month not yet closed; past months keep the version that governed them.
      </p>
      <p class="actions">
        <a class="button" href="?new">
          New policy
        </a>
      </p>
      <form class="form filters" onSubmit={submit} noValidate aria-label="Find policies">
        <Field id="policy-search" label="Name contains">
          {(aria) => (
            <input
              {...aria}
              type="search"
              value={draft}
              onInput={(event) => setDraft(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="policy-sort" label="Order">
          {(aria) => (
            <select
              {...aria}
              value={sort}
              onChange={(event) => {
                const next = event.currentTarget.value === 'name' ? 'name' : 'id';
                setSort(next);
                setCursors([undefined]);
                setQuery({ sort: next === 'name' ? 'name' : null });
              }}
            >
              <option value="id">Oldest first</option>
              <option value="name">By name</option>
            </select>
          )}
        </Field>
        <p class="actions">
          <button type="submit">Search</button>
        </p>
      </form>
      {page.error && <ErrorMessage error={page.error} />}
      {page.loading && page.data === null && <Loading what="Loading the policies" />}
      <div role="status">
        {page.data && items.length === 0 && (
          <p>{search ? `No policy’s name contains “${search}”.` : 'No policy yet.'}</p>
        )}
      </div>
      {items.length > 0 && (
        <TableWrap label="Policies">
          <table class="stack">
            <caption class="visually-hidden">
              Policies, {sort === 'name' ? 'by name' : 'oldest first'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Latest version</th>
                <th scope="col" class="number">
                  Target
                </th>
                <th scope="col" class="number">
                  Agreements
                </th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {items.map((policy) => (
                <tr key={policy.id}>
                  <td data-label="Name">
                    <a href={`?id=${policy.id}`}>{policy.name}</a>
                  </td>
                  <td data-label="Latest version">
                    {policy.version}, {effectiveText(policy.effectiveFrom)}
                  </td>
                  <td data-label="Target" class="number">
                    {percent(policy.rules.targetPercent)}
                  </td>
                  <td data-label="Agreements" class="number">
                    {policy.activeAgreementCount}
                    {policy.agreementCount > policy.activeAgreementCount &&
                      ` (+${policy.agreementCount - policy.activeAgreementCount} ended)`}
                  </td>
                  <td data-label="State">{policy.active ? 'Active' : 'Inactive'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {page.data && (
        <Pager cursors={cursors} nextCursor={page.data.nextCursor} onChange={setCursors} />
      )}
    </>
  );
}

function NewPolicy() {
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<RulesDraft>(() => draftOf(DEFAULT_RULES));
  const [responseDraft, setResponseDraft] = useState<ResponseDraft>(() => responseDraftOf(null));
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readDraft(draft);
    const readResponse = readResponseDraft(responseDraft);
    const found: Problems = { ...read.problems, ...readResponse.problems };
    if (name.trim() === '') found.name = 'Enter a name for the policy.';
    setProblems(found);
    setError(null);
    if (read.rules === null || Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstProblem(form.current));
      return;
    }
    setBusy(true);
    try {
      const created = await call(
        apiClient.POST('/staff/policies', {
          body: { name: name.trim(), ...read.rules, response: readResponse.response },
        }),
      );
      window.location.assign(`?id=${created.id}&created=1`);
    } catch (caught) {
      const apiError = asApiError(caught);
      setProblems(problemsFromIssues(apiError.issues));
      setError(apiError);
      setBusy(false);
    }
  };

  return (
    <>
      <AdminTrail here="New policy" policies />
      <h1>New policy</h1>
      <p class="lead">
        Version 1 governs every month from the beginning. The fields start at the defaults of
        sla-accounting §1 and common tiers; change what your contract says.
      </p>
      <form class="form policy-form" ref={form} onSubmit={submit} noValidate>
        {error && <ErrorMessage error={error} focus />}
        <Field id="policy-name" label="Name" problem={problems.name}>
          {(aria) => (
            <input
              {...aria}
              type="text"
              autocomplete="off"
              value={name}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          )}
        </Field>
        <RulesFields id="new" draft={draft} problems={problems} onChange={setDraft} />
        <ResponseFields
          id="new"
          draft={responseDraft}
          problems={problems}
          onChange={setResponseDraft}
        />
        <p class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Creating…' : 'Create the policy'}
          </button>
          <a href="./">Cancel</a>
        </p>
      </form>
    </>
  );
}

function PolicyDetail(props: { id: number }) {
  const policy = useApiQuery(
    (signal) =>
      call(apiClient.GET('/staff/policies/{id}', { params: { path: { id: props.id } }, signal })),
    [props.id],
  );
  const [saved, setSaved] = useState<string | null>(
    queryParam('created') === null ? null : 'The policy was created.',
  );
  if (policy.error) {
    return (
      <>
        <AdminTrail here="Policy" policies />
        <h1>Policy #{props.id}</h1>
        <ErrorMessage error={policy.error} />
      </>
    );
  }
  if (policy.data === null) return <Loading what="Loading the policy" />;
  const data = policy.data;
  const latest = data.versions.at(-1);
  return (
    <>
      <AdminTrail here={data.name} policies />
      <h1>{data.name}</h1>
      <div role="status">{saved && <p class="notice">{saved}</p>}</div>
      <p class="lead">
        {data.active ? 'Active' : 'Inactive: no new agreement may use it'}. Used by{' '}
        {data.activeAgreementCount} active{' '}
        {data.activeAgreementCount === 1 ? 'agreement' : 'agreements'}
        {data.agreementCount > data.activeAgreementCount &&
          ` and ${data.agreementCount - data.activeAgreementCount} that ended`}
        . Created {zonedDate(data.createdAt, 'UTC')} (UTC).
      </p>
      <Versions policy={data} />
      {latest && (
        <NewVersion
          key={data.version}
          policy={data}
          onSaved={(message) => {
            setSaved(message);
            policy.reload();
          }}
        />
      )}
      <RenameForm policy={data} onSaved={policy.reload} />
      <p>
        <a href={`/staff/admin/audit/?entityType=policy&entityId=${data.id}`}>
          Every change to this policy in the audit log
        </a>
      </p>
    </>
  );
}

function Versions(props: { policy: Policy }) {
  const { versions } = props.policy;
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <ol class="versions">
        {[...versions].reverse().map((version, index, newestFirst) => {
          const next = newestFirst[index - 1];
          const before = versions.find((other) => other.version === version.version - 1);
          const changes = before ? ruleChangeLines(before.rules, version.rules) : [];
          return (
            <li key={version.version} class="panel">
              <h3>
                Version {version.version}: {effectiveText(version.effectiveFrom)}
                {next ? ` to the end of ${monthLabel(previousMonth(next.effectiveFrom))}` : ''}
              </h3>
              <p class="meta">Saved {zonedDate(version.createdAt, 'UTC')} (UTC).</p>
              {before && (
                <>
                  <p>Changes against version {before.version}:</p>
                  <ChangeList changes={changes} />
                </>
              )}
              <details>
                <summary>Every rule of version {version.version}</summary>
                <RuleList rules={version.rules} />
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function previousMonth(month: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return index === 1 ? `${year - 1}-12` : `${year}-${String(index - 1).padStart(2, '0')}`;
}

/** `YYYY-MM` of an instant in a zone, as the API reckons months. */
function monthIn(ms: number, timeZone: string): string {
  const fields = fieldsIn(ms, timeZone);
  return `${fields.year}-${String(fields.month).padStart(2, '0')}`;
}

function nextMonth(month: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, '0')}`;
}

/**
 * The months a new version may take effect from: not yet closed anywhere (the month it is now
 * in UTC+14, where months end first) and after the latest version's; the next 12 of them.
 */
function allowedMonths(latestFrom: string, nowMs: number): { months: string[]; initial: string } {
  let first = monthIn(nowMs, 'Etc/GMT-14');
  if (first <= latestFrom) first = nextMonth(latestFrom);
  const months = [first];
  while (months.length < 12) months.push(nextMonth(months.at(-1) as string));
  const utcNext = nextMonth(monthIn(nowMs, 'UTC'));
  return { months, initial: months.includes(utcNext) ? utcNext : first };
}

type Preview = components['schemas']['PolicyVersionPreview'];

type Stage =
  | { phase: 'editing' }
  | { phase: 'previewing' }
  | { phase: 'previewed'; preview: Preview; body: string }
  | { phase: 'confirming'; preview: Preview; body: string }
  | { phase: 'saving'; preview: Preview; body: string };

function NewVersion(props: { policy: Policy; onSaved: (message: string) => void }) {
  const { policy } = props;
  const base = policy.rules;
  const [{ months, initial }] = useState(() => allowedMonths(policy.effectiveFrom, Date.now()));
  const [effectiveFrom, setEffectiveFrom] = useState(initial);
  const [draft, setDraft] = useState<RulesDraft>(() => draftOf(base));
  const [responseDraft, setResponseDraft] = useState<ResponseDraft>(() =>
    responseDraftOf(policy.response),
  );
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [stage, setStage] = useState<Stage>({ phase: 'editing' });
  const form = useRef<HTMLFormElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);

  const read = readDraft(draft);
  const readResponse = readResponseDraft(responseDraft);
  // The response block is stated only when it changes; omitted, the version inherits it.
  const responseChange =
    JSON.stringify(readResponse.response) === JSON.stringify(policy.response)
      ? {}
      : { response: readResponse.response };
  const body =
    read.rules === null || Object.keys(readResponse.problems).length > 0
      ? null
      : JSON.stringify({ effectiveFrom, ...changeAgainst(base, read.rules), ...responseChange });
  const shown = stage.phase === 'editing' || stage.phase === 'previewing' ? null : stage;
  const stale = shown !== null && shown.body !== body;

  useEffect(() => {
    if (stage.phase === 'previewed') previewHeading.current?.focus();
    if (stage.phase === 'confirming') confirmHeading.current?.focus();
  }, [stage.phase]);

  const preview = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblems({ ...read.problems, ...readResponse.problems });
    setError(null);
    if (read.rules === null || body === null) {
      requestAnimationFrame(() => focusFirstProblem(form.current));
      return;
    }
    setStage({ phase: 'previewing' });
    try {
      const answer = await call(
        apiClient.POST('/staff/policies/{id}/versions/preview', {
          params: { path: { id: policy.id } },
          body: JSON.parse(body),
        }),
      );
      setStage({ phase: 'previewed', preview: answer, body });
    } catch (caught) {
      const apiError = asApiError(caught);
      setProblems(problemsFromIssues(apiError.issues));
      setError(apiError);
      setStage({ phase: 'editing' });
    }
  };

  const save = async () => {
    if (stage.phase !== 'confirming') return;
    setStage({ ...stage, phase: 'saving' });
    setError(null);
    try {
      await call(
        apiClient.POST('/staff/policies/{id}/versions', {
          params: { path: { id: policy.id } },
          body: JSON.parse(stage.body),
        }),
      );
      props.onSaved(
        `Version ${stage.preview.version} was saved. It governs ${monthLabel(stage.preview.effectiveFrom)} and the months after.`,
      );
    } catch (caught) {
      setError(asApiError(caught));
      setStage({ ...stage, phase: 'previewed' });
    }
  };

  const changes = shown ? ruleChangeLines(shown.preview.follows.rules, shown.preview.rules) : [];

  return (
    <section aria-labelledby="new-version-title">
      <h2 id="new-version-title">Change the rules: version {policy.version + 1}</h2>
      <p>
        The new version starts from version {policy.version}’s rules; change what differs. It
        governs the month you choose and every month after, in each agreement’s own time zone. It
        cannot be edited once saved.
      </p>
      <form class="form policy-form" ref={form} onSubmit={preview} noValidate>
        {error && <ErrorMessage error={error} focus />}
        <Field
          id="version-effectiveFrom"
          label="In force from"
          hint="A month that has ended anywhere on Earth cannot be chosen: its figures are final."
          problem={problems.effectiveFrom}
        >
          {(aria) => (
            <select
              {...aria}
              value={effectiveFrom}
              onChange={(event) => setEffectiveFrom(event.currentTarget.value)}
            >
              {months.map((month) => (
                <option key={month} value={month}>
                  {monthLabel(month)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <RulesFields id="version" draft={draft} problems={problems} onChange={setDraft} />
        <ResponseFields
          id="version"
          draft={responseDraft}
          problems={problems}
          onChange={setResponseDraft}
        />
        <p class="actions">
          <button type="submit" disabled={stage.phase === 'previewing'}>
            {stage.phase === 'previewing' ? 'Working out the figures…' : 'Preview the change'}
          </button>
        </p>
      </form>
      {shown && (
        <section class="preview" aria-labelledby="preview-title">
          <h3 id="preview-title" tabIndex={-1} ref={previewHeading}>
            Preview of version {shown.preview.version}, from{' '}
            {monthLabel(shown.preview.effectiveFrom)}
          </h3>
          {stale && (
            <p class="alert" role="alert">
              The form has changed since this preview. Preview the change again before saving.
            </p>
          )}
          <h4>What changes against version {shown.preview.follows.version}</h4>
          <ChangeList changes={changes} />
          <PreviewFigures preview={shown.preview} />
          {!stale && changes.length === 0 && (
            <p>Nothing to save: this version would be the same as version {policy.version}.</p>
          )}
          {!stale && changes.length > 0 && shown.phase === 'previewed' && (
            <p class="actions">
              <button type="button" onClick={() => setStage({ ...shown, phase: 'confirming' })}>
                Save version {shown.preview.version}…
              </button>
            </p>
          )}
          {!stale && (shown.phase === 'confirming' || shown.phase === 'saving') && (
            <div class="panel confirm">
              <h4 id="confirm-title" tabIndex={-1} ref={confirmHeading}>
                Save version {shown.preview.version} of {policy.name}?
              </h4>
              <p>
                From {monthLabel(shown.preview.effectiveFrom)}, for the{' '}
                {policy.activeAgreementCount} active{' '}
                {policy.activeAgreementCount === 1 ? 'agreement' : 'agreements'} on this policy:
              </p>
              <ChangeList changes={changes} />
              <p>A saved version cannot be edited or removed; a later change is a new version.</p>
              <p class="actions">
                <button type="button" onClick={save} disabled={shown.phase === 'saving'}>
                  {shown.phase === 'saving'
                    ? 'Saving…'
                    : `Yes, save version ${shown.preview.version}`}
                </button>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => setStage({ ...shown, phase: 'previewed' })}
                >
                  Go back
                </button>
              </p>
            </div>
          )}
        </section>
      )}
    </section>
  );
}

function RenameForm(props: { policy: Policy; onSaved: () => void }) {
  const [name, setName] = useState(props.policy.name);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const change = async (body: { name?: string; active?: boolean }) => {
    setBusy(true);
    setError(null);
    try {
      await call(
        apiClient.PATCH('/staff/policies/{id}', {
          params: { path: { id: props.policy.id } },
          body,
        }),
      );
      props.onSaved();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="panel">
      <summary>Rename or deactivate</summary>
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() === '') {
            setProblem('Enter a name for the policy.');
            return;
          }
          setProblem(null);
          void change({ name: name.trim() });
        }}
      >
        {error && <ErrorMessage error={error} focus />}
        <Field id="rename-name" label="Name" problem={problem}>
          {(aria) => (
            <input
              {...aria}
              type="text"
              autocomplete="off"
              value={name}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          )}
        </Field>
        <p class="actions">
          <button type="submit" disabled={busy}>
            Rename
          </button>
          <button
            type="button"
            class="secondary"
            disabled={busy}
            onClick={() => void change({ active: !props.policy.active })}
          >
            {props.policy.active ? 'Deactivate (no new agreements)' : 'Activate again'}
          </button>
        </p>
      </form>
    </details>
  );
}
