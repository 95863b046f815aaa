import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiError, ApiIssue } from '../../../lib/client.ts';
import { Field } from '../../shared/Field.tsx';
import { asApiError } from '../../shared/messages.tsx';
import { ZoneField } from './fields.tsx';
import { type Problems, problemsOf } from './problems.ts';
import { FormAlert } from './shared.tsx';
import { canonicalZone } from './time.ts';

export interface CustomerValues {
  name: string;
  timeZone: string;
}

const FIELDS = [
  { key: 'name', id: 'customer-name', label: 'Name' },
  { key: 'timeZone', id: 'customer-zone', label: 'Time zone' },
];

const API_FIELDS = {
  name: { key: 'name', label: 'Name' },
  timeZone: { key: 'timeZone', label: 'Time zone' },
};

/** A customer's name and time zone, checked here first and then by the API. */
export function CustomerForm(props: {
  initial: CustomerValues;
  submitLabel: string;
  busyLabel: string;
  zoneHint?: string;
  onSubmit: (values: CustomerValues) => Promise<void>;
}) {
  const [name, setName] = useState(props.initial.name);
  const [zone, setZone] = useState(props.initial.timeZone);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [rest, setRest] = useState<ApiIssue[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Problems = {};
    const trimmed = name.trim();
    if (trimmed === '') found.name = 'Enter the customer’s name.';
    else if (trimmed.length > 200) found.name = 'Name must be at most 200 characters.';
    const canonical = canonicalZone(zone);
    if (canonical === null) {
      found.timeZone =
        zone.trim() === ''
          ? 'Choose the customer’s time zone.'
          : `“${zone.trim()}” is not a time zone: choose one from the list, such as Europe/Berlin.`;
    }
    setProblems(found);
    setError(null);
    setRest([]);
    if (Object.keys(found).length > 0 || canonical === null) return;
    setZone(canonical);
    setBusy(true);
    try {
      await props.onSubmit({ name: trimmed, timeZone: canonical });
    } catch (caught) {
      const failure = asApiError(caught);
      const mapped = problemsOf(failure, API_FIELDS);
      setProblems(mapped.problems);
      setRest(mapped.rest);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form narrow" onSubmit={submit} noValidate>
      <FormAlert error={error} problems={problems} fields={FIELDS} rest={rest} />
      <Field id="customer-name" label="Name" problem={problems.name}>
        {(aria) => (
          <input
            {...aria}
            type="text"
            autocomplete="organization"
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        )}
      </Field>
      <ZoneField
        id="customer-zone"
        label="Time zone"
        value={zone}
        onInput={setZone}
        problem={problems.timeZone}
        nowMs={Date.now()}
        {...(props.zoneHint ? { hint: props.zoneHint } : {})}
      />
      <p class="actions">
        <button type="submit" disabled={busy}>
          {busy ? props.busyLabel : props.submitLabel}
        </button>
      </p>
    </form>
  );
}
