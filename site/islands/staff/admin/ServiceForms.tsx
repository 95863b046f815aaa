import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { apiClient, call } from '../../../lib/api-client.ts';
import type { ApiError, ApiIssue } from '../../../lib/client.ts';
import { Field } from '../../shared/Field.tsx';
import { asApiError } from '../../shared/messages.tsx';
import { useApiQuery } from '../../shared/use-api-query.ts';
import type { Service, ServiceGroup } from './api.ts';
import { WallTimeField } from './fields.tsx';
import { inWords, type Problems, problemsOf } from './problems.ts';
import { FormAlert } from './shared.tsx';
import { instantToWall, wallToInstant } from './time.ts';

/** The forms of services and service groups, for adding one and for changing it. */

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const SLUG_RULE = '1–64 lower-case letters, digits and inner hyphens, such as api or eu-web';

function slugProblem(slug: string, what: string): string | undefined {
  if (slug === '') return `Enter the ${what}’s slug.`;
  if (!SLUG.test(slug)) return `Slug must be ${SLUG_RULE}.`;
  return undefined;
}

function orderProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || Math.abs(value) > 1_000_000) {
    return 'Display order must be a whole number between −1,000,000 and 1,000,000.';
  }
  return undefined;
}

export interface ServiceValues {
  slug?: string;
  name: string;
  description: string | null;
  group: string | null;
  monitoredSince?: string;
  sortOrder: number;
}

const SERVICE_FIELDS = [
  { key: 'slug', id: 'service-slug', label: 'Slug' },
  { key: 'name', id: 'service-name', label: 'Name' },
  { key: 'description', id: 'service-description', label: 'Description' },
  { key: 'group', id: 'service-group', label: 'Group' },
  { key: 'monitoredSince', id: 'service-monitored', label: 'Monitored since' },
  { key: 'sortOrder', id: 'service-order', label: 'Display order' },
];

const SERVICE_API_FIELDS = Object.fromEntries(
  SERVICE_FIELDS.map((field) => [field.key, { key: field.key, label: field.label }]),
);

/**
 * A service: its slug (fixed once made: monitors and agreements name the service by it),
 * name, description, group (named by its slug, made if new), when monitoring began (UTC;
 * before it the public bars say "no data") and its place on the status page.
 */
export function ServiceForm(props: {
  service: Service | null;
  submitLabel: string;
  onSubmit: (values: ServiceValues) => Promise<void>;
}) {
  const { service } = props;
  const groups = useApiQuery(
    (signal) =>
      call(apiClient.GET('/staff/service-groups', { params: { query: { limit: 100 } }, signal })),
    [],
  );
  const initialMonitored = service === null ? '' : instantToWall(service.monitoredSince, 'UTC');
  const [slug, setSlug] = useState(service?.slug ?? '');
  const [name, setName] = useState(service?.name ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const [group, setGroup] = useState(service?.group?.slug ?? '');
  const [monitored, setMonitored] = useState(initialMonitored);
  const [order, setOrder] = useState(String(service?.sortOrder ?? 0));
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [rest, setRest] = useState<ApiIssue[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Problems = {};
    if (service === null) {
      const problem = slugProblem(slug.trim(), 'service');
      if (problem) found.slug = problem;
    }
    if (name.trim() === '') found.name = 'Enter the service’s name.';
    else if (name.trim().length > 200) found.name = 'Name must be at most 200 characters.';
    if (description.length > 2000)
      found.description = 'Description must be at most 2,000 characters.';
    if (group.trim() !== '' && !SLUG.test(group.trim())) {
      found.group = `Group must be a group’s slug: ${SLUG_RULE}.`;
    }
    let monitoredSince: string | undefined;
    if (monitored !== '' && monitored !== initialMonitored) {
      const reading = wallToInstant(monitored, 'UTC');
      if (reading.ok) monitoredSince = reading.iso;
      else found.monitoredSince = inWords('Monitored since', reading.problem);
    }
    const orderText = orderProblem(order);
    if (orderText) found.sortOrder = orderText;
    setProblems(found);
    setError(null);
    setRest([]);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await props.onSubmit({
        ...(service === null ? { slug: slug.trim() } : {}),
        name: name.trim(),
        description: description.trim() === '' ? null : description.trim(),
        group: group.trim() === '' ? null : group.trim(),
        ...(monitoredSince === undefined ? {} : { monitoredSince }),
        sortOrder: order.trim() === '' ? 0 : Number(order),
      });
    } catch (caught) {
      const failure = asApiError(caught);
      const mapped = problemsOf(failure, SERVICE_API_FIELDS);
      if (failure.code === 'SLUG_TAKEN') mapped.problems.slug = failure.message;
      setProblems(mapped.problems);
      setRest(mapped.rest);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form narrow" onSubmit={submit} noValidate>
      <FormAlert error={error} problems={problems} fields={SERVICE_FIELDS} rest={rest} />
      {service === null && (
        <Field
          id="service-slug"
          label="Slug"
          hint={`Monitors and agreements name the service by it; it never changes. ${SLUG_RULE}.`}
          problem={problems.slug}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              autocomplete="off"
              spellcheck={false}
              value={slug}
              onInput={(event) => setSlug(event.currentTarget.value)}
            />
          )}
        </Field>
      )}
      <Field
        id="service-name"
        label="Name"
        hint="As the status page shows it."
        problem={problems.name}
      >
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
      <Field id="service-description" label="Description (optional)" problem={problems.description}>
        {(aria) => (
          <textarea
            {...aria}
            rows={3}
            value={description}
            onInput={(event) => setDescription(event.currentTarget.value)}
          />
        )}
      </Field>
      <Field
        id="service-group"
        label="Group (optional)"
        hint="A group’s slug; a new slug makes a new group named after it."
        problem={problems.group}
      >
        {(aria) => (
          <>
            <input
              {...aria}
              type="text"
              list="service-groups"
              autocomplete="off"
              spellcheck={false}
              value={group}
              onInput={(event) => setGroup(event.currentTarget.value)}
            />
            <datalist id="service-groups">
              {(groups.data?.items ?? []).map((option: ServiceGroup) => (
                <option key={option.slug} value={option.slug}>
                  {option.name}
                </option>
              ))}
            </datalist>
          </>
        )}
      </Field>
      <WallTimeField
        id="service-monitored"
        label={service === null ? 'Monitored since (optional)' : 'Monitored since'}
        hint={
          service === null
            ? 'Before it the public bars say “no data” and no figure counts. Empty: now.'
            : 'Before it the public bars say “no data” and no figure counts.'
        }
        value={monitored}
        timeZone="UTC"
        onInput={setMonitored}
        problem={problems.monitoredSince}
      />
      <Field
        id="service-order"
        label="Display order"
        hint="Smaller numbers come first on the status page."
        problem={problems.sortOrder}
      >
        {(aria) => (
          <input
            {...aria}
            type="number"
            step={1}
            value={order}
            onInput={(event) => setOrder(event.currentTarget.value)}
          />
        )}
      </Field>
      <p class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : props.submitLabel}
        </button>
      </p>
    </form>
  );
}

export interface GroupValues {
  slug?: string;
  name: string;
  sortOrder: number;
}

const GROUP_FIELDS = [
  { key: 'slug', id: 'group-slug', label: 'Slug' },
  { key: 'name', id: 'group-name', label: 'Name' },
  { key: 'sortOrder', id: 'group-order', label: 'Display order' },
];

const GROUP_API_FIELDS = Object.fromEntries(
  GROUP_FIELDS.map((field) => [field.key, { key: field.key, label: field.label }]),
);

/** A service group: slug (fixed), name and place on the status page. */
export function GroupForm(props: {
  group: ServiceGroup | null;
  submitLabel: string;
  onSubmit: (values: GroupValues) => Promise<void>;
}) {
  const { group } = props;
  const [slug, setSlug] = useState(group?.slug ?? '');
  const [name, setName] = useState(group?.name ?? '');
  const [order, setOrder] = useState(String(group?.sortOrder ?? 0));
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [rest, setRest] = useState<ApiIssue[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Problems = {};
    if (group === null) {
      const problem = slugProblem(slug.trim(), 'group');
      if (problem) found.slug = problem;
    }
    if (name.trim() === '') found.name = 'Enter the group’s name.';
    else if (name.trim().length > 200) found.name = 'Name must be at most 200 characters.';
    const orderText = orderProblem(order);
    if (orderText) found.sortOrder = orderText;
    setProblems(found);
    setError(null);
    setRest([]);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await props.onSubmit({
        ...(group === null ? { slug: slug.trim() } : {}),
        name: name.trim(),
        sortOrder: order.trim() === '' ? 0 : Number(order),
      });
    } catch (caught) {
      const failure = asApiError(caught);
      const mapped = problemsOf(failure, GROUP_API_FIELDS);
      if (failure.code === 'SLUG_TAKEN') mapped.problems.slug = failure.message;
      setProblems(mapped.problems);
      setRest(mapped.rest);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form narrow" onSubmit={submit} noValidate>
      <FormAlert error={error} problems={problems} fields={GROUP_FIELDS} rest={rest} />
      {group === null && (
        <Field
          id="group-slug"
          label="Slug"
          hint={`Services name their group by it; it never changes. ${SLUG_RULE}.`}
          problem={problems.slug}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              autocomplete="off"
              spellcheck={false}
              value={slug}
              onInput={(event) => setSlug(event.currentTarget.value)}
            />
          )}
        </Field>
      )}
      <Field
        id="group-name"
        label="Name"
        hint="As the status page shows it."
        problem={problems.name}
      >
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
      <Field
        id="group-order"
        label="Display order"
        hint="Smaller numbers come first on the status page."
        problem={problems.sortOrder}
      >
        {(aria) => (
          <input
            {...aria}
            type="number"
            step={1}
            value={order}
            onInput={(event) => setOrder(event.currentTarget.value)}
          />
        )}
      </Field>
      <p class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : props.submitLabel}
        </button>
      </p>
    </form>
  );
}
