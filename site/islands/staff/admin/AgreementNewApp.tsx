import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiClient, call } from '../../../lib/api-client.ts';
import type { ApiError, ApiIssue } from '../../../lib/client.ts';
import { Field } from '../../shared/Field.tsx';
import { minorDigits, money, parseMoney } from '../../shared/format.ts';
import { asApiError, ErrorMessage, Loading } from '../../shared/messages.tsx';
import { useApiQuery } from '../../shared/use-api-query.ts';
import { ADMIN, type Customer, type Policy, type Service } from './api.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { WallTimeField, ZoneField } from './fields.tsx';
import { inWords, type Problems, problemsOf } from './problems.ts';
import { AdminPage, BothZones, FormAlert, idParam } from './shared.tsx';
import { canonicalZone, currencyChoices, nextMonthStart, wallToInstant } from './time.ts';

/**
 * `/staff/admin/agreements/new/?customer=N`: a customer's agreement — its policy, services
 * with their monthly fees (typed in major units, sent as integer minor units), currency, time
 * zone (the customer's by default), start and end in that zone with UTC beside them. The terms
 * are fixed once made, so the form shows them for a last check before creating.
 */
export default function AgreementNewApp() {
  const customerId = idParam('customer');
  return (
    <AdminPage title="New agreement" trail={[{ href: ADMIN.agreements, label: 'Agreements' }]}>
      {() => <NewAgreement customerId={customerId} />}
    </AdminPage>
  );
}

interface Line {
  checked: boolean;
  fee: string;
}

type Kind = Terms['kind'];

/** The kinds, as the form offers them (docs/decisions/195-agreement-kinds.md). */
const KINDS: { value: Kind; label: string; hint: string }[] = [
  { value: 'customer', label: 'A customer’s SLA', hint: 'Monthly fees, credits and claims.' },
  {
    value: 'internal',
    label: 'Internal, between our own teams',
    hint: 'A report of the same figures: no fee and no claims.',
  },
  {
    value: 'vendor',
    label: 'A vendor’s terms: we are its customer',
    hint: 'The vendor’s policy and what we pay it; the portal computes what it owes us.',
  },
];

/** What the account is to an agreement of each kind. */
const ROLE: Record<Kind, string> = { customer: 'Customer', internal: 'Team', vendor: 'Vendor' };

interface Draft {
  kind: Kind;
  customer: Customer | null;
  policyId: string;
  currency: string;
  lines: Record<string, Line>;
  zone: string;
  start: string;
  end: string;
  /** The monthly support fee as typed; empty: no support terms. */
  supportFee: string;
  withHours: boolean;
  /** Per weekday, intervals as typed: `09:00-12:00, 13:00-17:00`. */
  hours: Record<Weekday, string>;
  /** One local date YYYY-MM-DD per line. */
  holidays: string;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Weekday = (typeof WEEKDAYS)[number];
const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

interface BusinessHoursTerms {
  schedule: Record<Weekday, [string, string][]>;
  holidays: string[];
}

const INTERVAL = /^([01]\d|2[0-3]):[0-5]\d\s*[-–]\s*(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Business hours as typed, read into the API's shape; problems in words per field. */
function readHours(draft: Draft, found: Problems): BusinessHoursTerms | null {
  if (!draft.withHours) return null;
  const schedule = {} as Record<Weekday, [string, string][]>;
  for (const day of WEEKDAYS) {
    schedule[day] = [];
    for (const part of draft.hours[day].split(',').map((text) => text.trim())) {
      if (part === '') continue;
      if (!INTERVAL.test(part)) {
        found[`hours:${day}`] =
          `${WEEKDAY_NAMES[day]}: write intervals as 09:00-17:00, separated by commas (not “${part}”).`;
        continue;
      }
      const [from, to] = part.split(/\s*[-–]\s*/) as [string, string];
      if (from >= to && to !== '24:00') {
        found[`hours:${day}`] = `${WEEKDAY_NAMES[day]}: ${part} ends before it starts.`;
      }
      schedule[day].push([from, to]);
    }
  }
  const holidays = draft.holidays
    .split(/\s+/)
    .map((text) => text.trim())
    .filter((text) => text !== '');
  const bad = holidays.find((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text));
  if (bad !== undefined) found.holidays = `Holidays are dates written 2026-12-25 (not “${bad}”).`;
  return { schedule, holidays };
}

interface Terms {
  kind: 'customer' | 'internal' | 'vendor';
  customer: Customer;
  policy: Policy;
  currency: string;
  services: { service: Service; feeMinor: number }[];
  timeZone: string;
  start: string;
  end: string | null;
  supportFeeMinor: number | null;
  businessHours: BusinessHoursTerms | null;
}

const FIELDS = [
  { key: 'customer', id: 'agreement-customer', label: 'Customer' },
  { key: 'policy', id: 'agreement-policy', label: 'Policy' },
  { key: 'currency', id: 'agreement-currency', label: 'Currency' },
  { key: 'services', id: 'agreement-services', label: 'Services' },
];

function NewAgreement(props: { customerId: number | null }) {
  const policies = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/policies', {
          params: { query: { active: 'true', limit: 100 } },
          signal,
        }),
      ),
    [],
  );
  const services = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/services', {
          params: { query: { active: 'true', sort: 'order', limit: 100 } },
          signal,
        }),
      ),
    [],
  );
  const preset = useApiQuery(
    (signal) =>
      props.customerId === null
        ? Promise.resolve(null)
        : call(
            apiClient.GET('/staff/customers/{id}', {
              params: { path: { id: props.customerId } },
              signal,
            }),
          ),
    [],
  );
  const [terms, setTerms] = useState<Terms | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);

  const failed = policies.error ?? services.error ?? preset.error;
  if (failed) {
    return (
      <>
        <h1>New agreement</h1>
        <ErrorMessage error={failed} />
      </>
    );
  }
  if (policies.data === null || services.data === null || preset.loading) {
    return <Loading what="Loading policies and services" />;
  }
  const customer = draft?.customer ?? preset.data;
  return (
    <>
      <h1>New agreement{customer ? ` for ${customer.name}` : ''}</h1>
      <p class="lead">
        {customer ? 'Step 2 of 4 of onboarding. ' : ''}An agreement’s terms are fixed once made: to
        change its services or fees later, end it and add a new one. The form shows the terms for a
        last check before creating it.
      </p>
      {terms === null ? (
        <AgreementForm
          draft={draft}
          preset={preset.data}
          policies={policies.data.items}
          services={services.data.items}
          onReview={(next, reviewed) => {
            setDraft(next);
            setTerms(reviewed);
          }}
        />
      ) : (
        <Review terms={terms} onChange={() => setTerms(null)} />
      )}
    </>
  );
}

function emptyDraft(preset: Customer | null): Draft {
  const zone = preset?.timeZone ?? 'UTC';
  return {
    kind: 'customer',
    customer: preset,
    policyId: '',
    currency: 'EUR',
    lines: {},
    zone: preset?.timeZone ?? '',
    start: nextMonthStart(Date.now(), zone),
    end: '',
    supportFee: '',
    withHours: false,
    hours: {
      mon: '09:00-17:00',
      tue: '09:00-17:00',
      wed: '09:00-17:00',
      thu: '09:00-17:00',
      fri: '09:00-17:00',
      sat: '',
      sun: '',
    },
    holidays: '',
  };
}

function AgreementForm(props: {
  draft: Draft | null;
  preset: Customer | null;
  policies: Policy[];
  services: Service[];
  onReview: (draft: Draft, terms: Terms) => void;
}) {
  const [draft, setDraft] = useState<Draft>(props.draft ?? emptyDraft(props.preset));
  const [problems, setProblems] = useState<Problems>({});
  const [choosing, setChoosing] = useState(draft.customer === null);
  const update = (change: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...change }));
  const line = (slug: string): Line => draft.lines[slug] ?? { checked: false, fee: '' };
  const setLine = (slug: string, change: Partial<Line>) =>
    setDraft((previous) => ({
      ...previous,
      lines: { ...previous.lines, [slug]: { ...line(slug), ...change } },
    }));
  const digits = minorDigits(draft.currency);
  const feeExample =
    digits === 0 ? '150000' : `1500${digits > 0 ? `.${'5'.padEnd(digits, '0')}` : ''}`;

  const fields = [
    ...FIELDS,
    ...props.services.map((service) => ({
      key: `fee:${service.slug}`,
      id: `fee-${service.slug}`,
      label: `Monthly fee for ${service.name}`,
    })),
    { key: 'timeZone', id: 'agreement-zone', label: 'Time zone' },
    { key: 'start', id: 'agreement-start', label: 'Start' },
    { key: 'end', id: 'agreement-end', label: 'End' },
    { key: 'supportFee', id: 'agreement-support-fee', label: 'Support fee' },
    ...WEEKDAYS.map((day) => ({
      key: `hours:${day}`,
      id: `hours-${day}`,
      label: `${WEEKDAY_NAMES[day]} business hours`,
    })),
    { key: 'holidays', id: 'agreement-holidays', label: 'Holidays' },
  ];

  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Problems = {};
    if (draft.customer === null) found.customer = `Choose the ${ROLE[draft.kind].toLowerCase()}.`;
    const policy = props.policies.find((candidate) => String(candidate.id) === draft.policyId);
    if (!policy) found.policy = 'Choose the policy.';
    const chosen = props.services.filter((service) => line(service.slug).checked);
    if (chosen.length === 0) found.services = 'Choose at least one service.';
    const lines: Terms['services'] = [];
    for (const service of chosen) {
      if (draft.kind === 'internal') {
        lines.push({ service, feeMinor: 0 });
        continue;
      }
      const text = line(service.slug).fee;
      const feeMinor = parseMoney(text, draft.currency);
      if (text.trim() === '') {
        found[`fee:${service.slug}`] = `Enter the monthly fee for ${service.name}.`;
      } else if (feeMinor === null) {
        found[`fee:${service.slug}`] =
          `The monthly fee for ${service.name} must be an amount in ${draft.currency} such as ${feeExample}${
            digits === 0 ? ` (${draft.currency} has no decimals)` : ` (at most ${digits} decimals)`
          }.`;
      } else lines.push({ service, feeMinor });
    }
    const zone = canonicalZone(draft.zone);
    if (zone === null) {
      found.timeZone =
        draft.zone.trim() === ''
          ? 'Choose the agreement’s time zone.'
          : `“${draft.zone.trim()}” is not a time zone: choose one from the list.`;
    }
    let start: string | null = null;
    let end: string | null = null;
    if (zone !== null) {
      if (draft.start === '') found.start = 'Enter when the agreement starts.';
      else {
        const reading = wallToInstant(draft.start, zone);
        if (reading.ok) start = reading.iso;
        else found.start = inWords('Start', reading.problem);
      }
      if (draft.end !== '') {
        const reading = wallToInstant(draft.end, zone);
        if (!reading.ok) found.end = inWords('End', reading.problem);
        else if (start !== null && reading.iso <= start) found.end = 'End must be after the start.';
        else end = reading.iso;
      }
    }
    let supportFeeMinor: number | null = null;
    if (draft.supportFee.trim() !== '') {
      supportFeeMinor = parseMoney(draft.supportFee, draft.currency);
      if (supportFeeMinor === null) {
        found.supportFee = `The support fee must be an amount in ${draft.currency} such as ${feeExample}.`;
      }
    }
    const businessHours = readHours(draft, found);
    setProblems(found);
    if (
      Object.keys(found).length > 0 ||
      !policy ||
      draft.customer === null ||
      zone === null ||
      start === null
    ) {
      return;
    }
    props.onReview(
      { ...draft, zone },
      {
        kind: draft.kind,
        customer: draft.customer,
        policy,
        currency: draft.currency,
        services: lines,
        timeZone: zone,
        start,
        end,
        supportFeeMinor,
        businessHours,
      },
    );
  };

  return (
    <form class="form wide" onSubmit={submit} noValidate>
      <FormAlert error={null} problems={problems} fields={fields} />
      <fieldset id="agreement-kind">
        <legend>Kind of agreement</legend>
        {KINDS.map((kind) => (
          <div class="check kind-choice" key={kind.value}>
            <input
              id={`agreement-kind-${kind.value}`}
              type="radio"
              name="agreement-kind"
              checked={draft.kind === kind.value}
              aria-describedby={`agreement-kind-${kind.value}-hint`}
              onChange={() => update({ kind: kind.value })}
            />
            <label for={`agreement-kind-${kind.value}`}>{kind.label}</label>
            <p class="hint" id={`agreement-kind-${kind.value}-hint`}>
              {kind.hint}
            </p>
          </div>
        ))}
      </fieldset>
      {choosing ? (
        <CustomerPicker
          id="agreement-customer"
          role={ROLE[draft.kind]}
          problem={problems.customer}
          chosen={draft.customer}
          onChoose={(customer) => {
            // The zone follows the customer unless someone chose another one.
            const followed = draft.zone === '' || draft.zone === draft.customer?.timeZone;
            update({ customer, ...(followed ? { zone: customer.timeZone } : {}) });
          }}
        />
      ) : (
        <div class="field">
          <p class="label-like" id="agreement-customer">
            <strong>{ROLE[draft.kind]}:</strong> {draft.customer?.name} ({draft.customer?.timeZone}){' '}
            <button type="button" class="link" onClick={() => setChoosing(true)}>
              Choose another {ROLE[draft.kind].toLowerCase()}
            </button>
          </p>
        </div>
      )}
      <Field
        id="agreement-policy"
        label="Policy"
        hint="Its target, credits and claim rules; its versions apply month by month."
        problem={problems.policy}
      >
        {(aria) => (
          <select
            {...aria}
            value={draft.policyId}
            onChange={(event) => update({ policyId: event.currentTarget.value })}
          >
            <option value="">Choose…</option>
            {props.policies.map((policy) => (
              <option key={policy.id} value={String(policy.id)}>
                {policy.name} (target {String(policy.rules.targetPercent)} %, version{' '}
                {policy.version})
              </option>
            ))}
          </select>
        )}
      </Field>
      {props.policies.length === 0 && (
        <p class="field-problem">
          There is no active policy yet: add one under Administration first.
        </p>
      )}
      {draft.kind !== 'internal' && (
        <Field
          id="agreement-currency"
          label="Currency"
          hint="Of every fee in this agreement."
          problem={problems.currency}
        >
          {(aria) => (
            <select
              {...aria}
              value={draft.currency}
              onChange={(event) => update({ currency: event.currentTarget.value })}
            >
              {currencyChoices().map((choice) => (
                <option key={choice.code} value={choice.code}>
                  {choice.code} — {choice.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <fieldset
        id="agreement-services"
        tabIndex={-1}
        aria-describedby={
          problems.services ? 'agreement-services-problem' : 'agreement-services-hint'
        }
      >
        <legend>{draft.kind === 'internal' ? 'Services' : 'Services and monthly fees'}</legend>
        <p class="hint" id="agreement-services-hint">
          {draft.kind === 'internal'
            ? 'Tick each service the agreement covers: an internal agreement has no fee.'
            : `Tick each service the agreement covers and type its monthly fee in ${draft.currency}, such as ${feeExample}.`}
        </p>
        {problems.services && (
          <p class="field-problem" id="agreement-services-problem">
            {problems.services}
          </p>
        )}
        {props.services.length === 0 && <p>There are no active services yet.</p>}
        <ul class="fee-lines">
          {props.services.map((service) => {
            const current = line(service.slug);
            const key = `fee:${service.slug}`;
            return (
              <li key={service.slug}>
                <div class="check">
                  <input
                    id={`service-${service.slug}`}
                    type="checkbox"
                    checked={current.checked}
                    onChange={(event) =>
                      setLine(service.slug, { checked: event.currentTarget.checked })
                    }
                  />
                  <label for={`service-${service.slug}`}>
                    {service.name} <span class="meta">({service.slug})</span>
                  </label>
                </div>
                {current.checked && draft.kind !== 'internal' && (
                  <Field
                    id={`fee-${service.slug}`}
                    label={`Monthly fee for ${service.name} (${draft.currency})`}
                    problem={problems[key]}
                  >
                    {(aria) => (
                      <input
                        {...aria}
                        type="text"
                        inputMode="decimal"
                        autocomplete="off"
                        value={current.fee}
                        onInput={(event) =>
                          setLine(service.slug, { fee: event.currentTarget.value })
                        }
                      />
                    )}
                  </Field>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <ZoneField
        id="agreement-zone"
        label="Time zone"
        hint="The agreement’s calendar months, start and end follow it. Default: the customer’s."
        value={draft.zone}
        onInput={(zone) => update({ zone })}
        problem={problems.timeZone}
        nowMs={Date.now()}
      />
      <WallTimeField
        id="agreement-start"
        label="Start"
        value={draft.start}
        timeZone={canonicalZone(draft.zone)}
        onInput={(start) => update({ start })}
        problem={problems.start}
      />
      <WallTimeField
        id="agreement-end"
        label="End (optional)"
        hint="Leave empty for an agreement without an end date."
        value={draft.end}
        timeZone={canonicalZone(draft.zone)}
        onInput={(end) => update({ end })}
        problem={problems.end}
      />
      <fieldset>
        <legend>Support (response times)</legend>
        <Field
          id="agreement-support-fee"
          label={`Monthly support fee (${draft.currency}, optional)`}
          hint="The response credit is a share of it, under the policy's response times. Empty: the agreement has no support terms."
          problem={problems.supportFee}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="decimal"
              autocomplete="off"
              value={draft.supportFee}
              onInput={(event) => update({ supportFee: event.currentTarget.value })}
            />
          )}
        </Field>
        <p class="field">
          <label>
            <input
              type="checkbox"
              checked={draft.withHours}
              onChange={(event) => update({ withHours: event.currentTarget.checked })}
            />{' '}
            Business hours (for objectives on business hours; without them those are measured round
            the clock)
          </label>
        </p>
        {draft.withHours && (
          <>
            {WEEKDAYS.map((day) => (
              <Field
                key={day}
                id={`hours-${day}`}
                label={`${WEEKDAY_NAMES[day]}`}
                hint="Local times in the agreement’s zone, e.g. 09:00-17:00; empty: closed."
                problem={problems[`hours:${day}`]}
              >
                {(aria) => (
                  <input
                    {...aria}
                    type="text"
                    autocomplete="off"
                    value={draft.hours[day]}
                    onInput={(event) =>
                      update({ hours: { ...draft.hours, [day]: event.currentTarget.value } })
                    }
                  />
                )}
              </Field>
            ))}
            <Field
              id="agreement-holidays"
              label="Holidays"
              hint="Local dates without business time, one per line, e.g. 2026-12-25."
              problem={problems.holidays}
            >
              {(aria) => (
                <textarea
                  {...aria}
                  rows={3}
                  value={draft.holidays}
                  onInput={(event) => update({ holidays: event.currentTarget.value })}
                />
              )}
            </Field>
          </>
        )}
      </fieldset>
      <p class="actions">
        <button type="submit">Check the terms</button>
      </p>
    </form>
  );
}

/** The terms as they will be stored, for a last check; then the agreement is created. */
function Review(props: { terms: Terms; onChange: () => void }) {
  const { terms } = props;
  const [error, setError] = useState<ApiError | null>(null);
  const [rest, setRest] = useState<ApiIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const totalMinor = terms.services.reduce((sum, line) => sum + line.feeMinor, 0);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const agreement = await call(
        apiClient.POST('/staff/agreements', {
          body: {
            kind: terms.kind,
            customerId: terms.customer.id,
            policyId: terms.policy.id,
            timeZone: terms.timeZone,
            start: terms.start,
            end: terms.end,
            services: terms.services.map((line) =>
              // An internal agreement's lines carry no fee fields at all (the API refuses them).
              terms.kind === 'internal'
                ? { slug: line.service.slug }
                : {
                    slug: line.service.slug,
                    monthlyFeeMinor: line.feeMinor,
                    currency: terms.currency,
                  },
            ),
            supportFeeMinor: terms.supportFeeMinor,
            businessHours: terms.businessHours,
          },
        }),
      );
      window.location.assign(`${ADMIN.agreement(agreement.id)}&added=1`);
    } catch (caught) {
      const failure = asApiError(caught);
      // The API's issues name the form's fields; none of them can be fixed from here.
      setRest(problemsOf(failure, {}).rest);
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="review-title">
      <h2 id="review-title" tabIndex={-1} ref={headingRef}>
        Check the terms
      </h2>
      <p>They cannot change once the agreement is made.</p>
      <FormAlert error={error} problems={{}} fields={[]} rest={rest} />
      <dl class="facts">
        <dt>Kind</dt>
        <dd>{KINDS.find((kind) => kind.value === terms.kind)?.label}</dd>
        <dt>{ROLE[terms.kind]}</dt>
        <dd>{terms.customer.name}</dd>
        <dt>Policy</dt>
        <dd>
          {terms.policy.name} (target {String(terms.policy.rules.targetPercent)} %)
        </dd>
        <dt>Time zone</dt>
        <dd>{terms.timeZone}</dd>
        <dt>Start</dt>
        <dd>
          <BothZones at={terms.start} timeZone={terms.timeZone} />
        </dd>
        <dt>End</dt>
        <dd>
          <BothZones at={terms.end} timeZone={terms.timeZone} none="None: open-ended" />
        </dd>
        <dt>Support fee</dt>
        <dd>
          {terms.supportFeeMinor === null
            ? 'None: no support terms'
            : `${money(terms.supportFeeMinor, terms.currency)} a month`}
        </dd>
        <dt>Business hours</dt>
        <dd>
          {terms.businessHours === null
            ? 'None: every objective is measured round the clock'
            : WEEKDAYS.map((day) => {
                const intervals = terms.businessHours?.schedule[day] ?? [];
                return `${WEEKDAY_NAMES[day].slice(0, 3)} ${
                  intervals.length === 0
                    ? 'closed'
                    : intervals.map(([from, to]) => `${from}–${to}`).join(', ')
                }`;
              }).join('; ')}
          {terms.businessHours &&
            terms.businessHours.holidays.length > 0 &&
            `; holidays ${terms.businessHours.holidays.join(', ')}`}
        </dd>
      </dl>
      {terms.kind === 'internal' ? (
        <p>
          Services, without a fee: {terms.services.map((line) => line.service.name).join(', ')}.
        </p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>Services and monthly fees</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col" class="number">
                  Monthly fee
                </th>
              </tr>
            </thead>
            <tbody>
              {terms.services.map((line) => (
                <tr key={line.service.slug}>
                  <td>{line.service.name}</td>
                  <td class="number">{money(line.feeMinor, terms.currency)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">Total per month</th>
                <td class="number">
                  <strong>{money(totalMinor, terms.currency)}</strong>
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <p class="actions">
        <button type="button" disabled={busy} onClick={() => void create()}>
          {busy ? 'Creating…' : 'Create the agreement'}
        </button>
        <button type="button" class="secondary" onClick={props.onChange}>
          Change the terms
        </button>
      </p>
    </section>
  );
}
