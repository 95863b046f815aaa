import { useEffect, useState } from 'preact/hooks';
import { apiClient, call } from '../../../lib/api-client.ts';
import { Field } from '../../shared/Field.tsx';
import { useApiQuery } from '../../shared/use-api-query.ts';
import type { Customer } from './api.ts';

/**
 * Finds a customer by name (the API's search, so a long list is no obstacle) and picks one
 * from the matches.
 */
export function CustomerPicker(props: {
  /** The select's id (the search field's is derived from it). */
  id: string;
  chosen: { id: number; name: string } | null;
  problem: string | undefined;
  onChoose: (customer: Customer) => void;
  /** What the account is to the agreement: `Customer` (default), `Team` or `Vendor`. */
  role?: string;
}) {
  const role = props.role ?? 'Customer';
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);
  const found = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/customers', {
          params: { query: { active: 'true', sort: 'name', limit: 50, ...(q ? { q } : {}) } },
          signal,
        }),
      ),
    [q],
  );
  const items = found.data?.items ?? [];
  return (
    <fieldset>
      <legend>{role}</legend>
      <Field
        id={`${props.id}-search`}
        label={`Find the ${role.toLowerCase()}`}
        hint="Any part of the name."
      >
        {(aria) => (
          <input
            {...aria}
            type="search"
            autocomplete="off"
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={props.id} label={role} problem={props.problem}>
        {(aria) => (
          <select
            {...aria}
            value={props.chosen === null ? '' : String(props.chosen.id)}
            onChange={(event) => {
              const value = event.currentTarget.value;
              const customer = items.find((candidate) => String(candidate.id) === value);
              if (customer) props.onChoose(customer);
            }}
          >
            <option value="">
              {found.loading ? 'Searching…' : `Choose… (${items.length} found)`}
            </option>
            {props.chosen && !items.some((item) => item.id === props.chosen?.id) && (
              <option value={String(props.chosen.id)}>{props.chosen.name}</option>
            )}
            {items.map((customer) => (
              <option key={customer.id} value={String(customer.id)}>
                {customer.name} ({customer.timeZone})
              </option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  );
}
