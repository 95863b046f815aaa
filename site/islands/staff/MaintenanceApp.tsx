import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { MaintenanceCard } from '../../components/MaintenanceCard.tsx';
import { MaintenanceDetail } from '../../components/MaintenanceDetail.tsx';
import { apiClient, call } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { duration, monthLabel } from '../../lib/format.ts';
import { MAINTENANCE_STATUS_LABELS } from '../../lib/labels.ts';
import { asApiError, ErrorMessage, Loading } from '../shared/messages.tsx';
import { PortalBar } from '../shared/PortalBar.tsx';
import { queryParam, setQuery } from '../shared/page-query.ts';
import { STAFF_LINKS } from '../shared/portal-links.ts';
import { SessionGate } from '../shared/SessionGate.tsx';
import { TableWrap } from '../shared/TableWrap.tsx';
import type { SessionUser } from '../shared/types.ts';
import { useApiQuery } from '../shared/use-api-query.ts';
import {
  FocusHeading,
  focusFirstProblem,
  Notice,
  namesOf,
  noticeText,
  parseUtcInput,
  requiredText,
  type Schemas,
  type ServiceItem,
  TimeEcho,
  timeProblem,
  UtcTime,
  useServices,
  utcInput,
} from './oncall.tsx';

/**
 * `/staff/maintenance/`: schedule maintenance (window, components, message) after a check of
 * the notice it gives against every affected policy, so nobody announces maintenance that
 * counts as downtime by mistake; `?id=N` manages one: edit, publish, start or complete
 * early, cancel, each with a confirming step where it matters.
 */
export default function MaintenanceApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => <MaintenancePage user={user} signOut={signOut} />}
    </SessionGate>
  );
}

type Maintenance = Schemas['Maintenance'];
type MaintenanceNotice = Schemas['MaintenanceNotice'];

function MaintenancePage(props: { user: SessionUser; signOut: () => Promise<void> }) {
  const [selected, setSelected] = useState<number | null>(() => {
    const id = Number(queryParam('id'));
    return Number.isSafeInteger(id) && id > 0 ? id : null;
  });
  const [notice, setNotice] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const services = useServices();
  const list = useApiQuery(
    async (signal) => (await call(apiClient.GET('/staff/maintenance', { signal }))).items,
    [round],
  );
  const open = (id: number | null, message: string | null = null) => {
    setSelected(id);
    setQuery({ id: id === null ? null : String(id) });
    setNotice(message);
    setRound((n) => n + 1);
  };
  const item = list.data?.find((entry) => entry.id === selected) ?? null;
  return (
    <>
      <PortalBar
        user={props.user}
        signOut={props.signOut}
        links={STAFF_LINKS(props.user, '/staff/maintenance/')}
      />
      <h1>Maintenance</h1>
      <p class="lead">
        Announced maintenance is excluded from the SLA figures only when it was announced early
        enough for each customer’s policy; otherwise it counts as downtime. Each plan is checked
        against every policy it touches before you publish it. All times are UTC.
      </p>
      <Notice text={notice} />
      {(list.error ?? services.error) && (
        <ErrorMessage error={(list.error ?? services.error) as ApiError} />
      )}
      {(list.data === null || services.data === null) && !list.error && !services.error && (
        <Loading what="Loading the maintenance" />
      )}
      {list.data && services.data && (
        <>
          {selected !== null && item === null && (
            <p class="alert" role="alert">
              There is no maintenance {selected}. <a href="/staff/maintenance/">See them all.</a>
            </p>
          )}
          {item ? (
            <Manage
              key={`${item.id}-${item.updatedAt}`}
              item={item}
              takeFocus={notice === null}
              services={services.data}
              onDone={(message) => open(item.id, message)}
              onBack={() => open(null)}
            />
          ) : (
            <PlanForm services={services.data} onDone={(id, message) => open(id, message)} />
          )}
          <MaintenanceList items={list.data} services={services.data} onOpen={(id) => open(id)} />
        </>
      )}
    </>
  );
}

interface Plan {
  title: string;
  description: string;
  services: string[];
  startsAt: string;
  endsAt: string;
}

type PlanProblems = Partial<Record<'title' | 'services' | 'startsAt' | 'endsAt', string>>;

function planProblems(plan: Plan, fixedServices: boolean): PlanProblems {
  const found: PlanProblems = {};
  if (plan.title.trim() === '') found.title = 'Give the maintenance a title customers understand.';
  if (!fixedServices && plan.services.length === 0) {
    found.services = 'Choose at least one affected component.';
  }
  const starts = timeProblem(plan.startsAt, 'the start');
  if (starts) found.startsAt = starts;
  const ends = timeProblem(plan.endsAt, 'the end');
  if (ends) found.endsAt = ends;
  const startMs = parseUtcInput(plan.startsAt);
  const endMs = parseUtcInput(plan.endsAt);
  if (!found.endsAt && startMs !== null && endMs !== null && endMs <= startMs) {
    found.endsAt = 'The end must be after the start.';
  }
  return found;
}

/** The plan's fields; `prefix` names their ids (`${prefix}-title`, …). */
function PlanFields(props: {
  prefix: string;
  plan: Plan;
  services: readonly ServiceItem[];
  problems: PlanProblems;
  /** Once started, only the title and description change. */
  scheduleFixed?: boolean;
  onChange: (plan: Plan) => void;
}) {
  const { prefix, plan, problems } = props;
  const set = (change: Partial<Plan>) => props.onChange({ ...plan, ...change });
  const timeField = (key: 'startsAt' | 'endsAt', text: string) => {
    const id = `${prefix}-${key}`;
    const describedBy = [
      `${id}-hint`,
      parseUtcInput(plan[key]) !== null ? `${id}-echo` : null,
      problems[key] ? `${id}-problem` : null,
    ]
      .filter(Boolean)
      .join(' ');
    return (
      <div class="field">
        <label for={id}>{text} (UTC)</label>
        <p class="hint" id={`${id}-hint`}>
          As YYYY-MM-DD HH:MM, in UTC.
        </p>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autocomplete="off"
          placeholder="2027-03-07 02:00"
          value={plan[key]}
          disabled={props.scheduleFixed}
          aria-invalid={problems[key] ? 'true' : undefined}
          aria-describedby={describedBy}
          onInput={(event) => set({ [key]: event.currentTarget.value })}
        />
        <TimeEcho text={plan[key]} id={`${id}-echo`} />
        {problems[key] && (
          <p class="field-problem" id={`${id}-problem`}>
            {problems[key]}
          </p>
        )}
      </div>
    );
  };
  return (
    <>
      <div class="field">
        <label for={`${prefix}-title`}>Title</label>
        <input
          id={`${prefix}-title`}
          type="text"
          maxLength={200}
          autocomplete="off"
          value={plan.title}
          aria-invalid={problems.title ? 'true' : undefined}
          aria-describedby={problems.title ? `${prefix}-title-problem` : undefined}
          onInput={(event) => set({ title: event.currentTarget.value })}
        />
        {problems.title && (
          <p class="field-problem" id={`${prefix}-title-problem`}>
            {problems.title}
          </p>
        )}
      </div>
      <div class="times">
        {timeField('startsAt', 'Starts')}
        {timeField('endsAt', 'Ends')}
      </div>
      <fieldset
        id={`${prefix}-services`}
        tabIndex={-1}
        aria-describedby={problems.services ? `${prefix}-services-problem` : undefined}
      >
        <legend>Affected components</legend>
        {props.scheduleFixed && (
          <p class="hint">It has started: the components and times no longer change.</p>
        )}
        {problems.services && (
          <p class="field-problem" id={`${prefix}-services-problem`}>
            {problems.services}
          </p>
        )}
        <div class="component-grid">
          {props.services.map((service) => (
            <div class="check" key={service.slug}>
              <input
                type="checkbox"
                id={`${prefix}-service-${service.slug}`}
                checked={plan.services.includes(service.slug)}
                disabled={props.scheduleFixed}
                onChange={(event) =>
                  set({
                    services: event.currentTarget.checked
                      ? [...plan.services, service.slug]
                      : plan.services.filter((slug) => slug !== service.slug),
                  })
                }
              />
              <label for={`${prefix}-service-${service.slug}`}>{service.name}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div class="field">
        <label for={`${prefix}-description`}>Message</label>
        <p class="hint" id={`${prefix}-description-hint`}>
          What customers should expect. Plain text; a blank line starts a new paragraph.
        </p>
        <textarea
          id={`${prefix}-description`}
          rows={4}
          maxLength={10_000}
          value={plan.description}
          aria-describedby={`${prefix}-description-hint`}
          onInput={(event) => set({ description: event.currentTarget.value })}
        />
      </div>
    </>
  );
}

/** The notice each affected policy wants, and whether this plan gives it. */
export function NoticeCheck(props: { notice: MaintenanceNotice; publishing: boolean }) {
  const { notice } = props;
  const short = notice.policies.filter((policy) => !policy.met);
  const early = notice.policies.filter((policy) => policy.earlyPartCounts);
  const customers = (policies: MaintenanceNotice['policies']) => [
    ...new Set(
      policies.flatMap((policy) => policy.agreements.map((agreement) => agreement.customer.name)),
    ),
  ];
  return (
    <div class="notice-check">
      <p>
        {props.publishing ? 'Announced now' : 'Announced'}, <UtcTime at={notice.announcedAt} />:{' '}
        <strong>{noticeText(notice.givenMs)}</strong> before the start (
        <UtcTime at={notice.startsAt} />
        ).
      </p>
      {notice.policies.length === 0 ? (
        <p>No agreement includes these components in these months: no policy to meet.</p>
      ) : short.length > 0 || early.length > 0 ? (
        <div class="alert warning" role="alert" data-notice="short">
          {short.length > 0 && (
            <p>
              <strong>
                Not enough notice for {short.length} of {notice.policies.length}{' '}
                {notice.policies.length === 1 ? 'policy' : 'policies'}:
              </strong>{' '}
              for {customers(short).join(', ')} this maintenance counts as downtime in their SLA
              figures, as if it were an outage.
            </p>
          )}
          {notice.unannounced && early.length > 0 && (
            <p>
              <strong>Started early:</strong> from <UtcTime at={notice.unannounced.from} /> to{' '}
              <UtcTime at={notice.unannounced.to} /> nothing was announced in advance; that time
              counts as downtime for {customers(early).join(', ')}.
            </p>
          )}
        </div>
      ) : (
        <p class="done" data-notice="met">
          Every affected policy’s notice is met: the maintenance is excluded from their figures.
        </p>
      )}
      {notice.policies.length > 0 && (
        <TableWrap label="Notice per policy">
          <table class="stack">
            <caption>Notice per policy version in force</caption>
            <thead>
              <tr>
                <th scope="col">Policy</th>
                <th scope="col">Notice required</th>
                <th scope="col">Notice given</th>
                <th scope="col">Met</th>
                <th scope="col">Customers and agreements</th>
              </tr>
            </thead>
            <tbody>
              {notice.policies.map((policy) => (
                <tr
                  key={`${policy.policy.id}-${policy.version}`}
                  class={policy.met ? undefined : 'below'}
                >
                  <td data-label="Policy">
                    <span class="cell">
                      {policy.policy.name}, version {policy.version}
                      {policy.effectiveFrom === '0000-01'
                        ? ''
                        : ` (from ${monthLabel(policy.effectiveFrom)})`}
                    </span>
                  </td>
                  <td data-label="Notice required">
                    <span class="cell">{requiredText(policy.requiredMinutes)}</span>
                  </td>
                  <td data-label="Notice given">
                    <span class="cell">{noticeText(policy.givenMs)}</span>
                  </td>
                  <td data-label="Met">
                    <span class="cell">
                      {policy.met ? (
                        <span class="status status-met">Met</span>
                      ) : (
                        <>
                          <span class="status status-missed">Not met</span> counts as downtime
                        </>
                      )}
                    </span>
                  </td>
                  <td data-label="Customers and agreements">
                    <span class="cell">
                      <ul class="plain">
                        {policy.agreements.map((agreement) => (
                          <li key={agreement.agreementId}>
                            {agreement.customer.name} (agreement #{agreement.agreementId}
                            {agreement.active ? '' : ', inactive'},{' '}
                            {agreement.months.map(monthLabel).join(', ')} in {agreement.timeZone})
                          </li>
                        ))}
                      </ul>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}

const emptyPlan: Plan = { title: '', description: '', services: [], startsAt: '', endsAt: '' };

/** What the public pages would show of a plan (the preview's input). */
function plannedItem(plan: Plan, status: Maintenance['status']): Maintenance {
  const now = new Date().toISOString();
  const startsAt = new Date(parseUtcInput(plan.startsAt) ?? 0).toISOString();
  const endsAt = new Date(parseUtcInput(plan.endsAt) ?? 0).toISOString();
  return {
    id: 0,
    title: plan.title.trim(),
    description: plan.description.trim(),
    status,
    startsAt,
    endsAt,
    publishedAt: status === 'draft' ? null : now,
    cancelledAt: null,
    startedEarlyAt: null,
    completedEarlyAt: null,
    endedAt: null,
    services: [...plan.services].sort(),
    createdAt: now,
    updatedAt: now,
  };
}

function PlanForm(props: {
  services: readonly ServiceItem[];
  onDone: (id: number, message: string) => void;
}) {
  const [plan, setPlan] = useState<Plan>(emptyPlan);
  const [problems, setProblems] = useState<PlanProblems>({});
  const [review, setReview] = useState<MaintenanceNotice | null>(null);
  const [round, setRound] = useState(0);
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { names } = namesOf(props.services);

  const check = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = planProblems(plan, false);
    setProblems(found);
    setError(null);
    setReview(null);
    setUnderstood(false);
    if (Object.keys(found).length > 0) {
      focusFirstProblem('plan', found);
      return;
    }
    setBusy(true);
    try {
      const notice = await call(
        apiClient.POST('/staff/maintenance/notice', {
          body: {
            services: plan.services,
            startsAt: new Date(parseUtcInput(plan.startsAt) ?? 0).toISOString(),
            endsAt: new Date(parseUtcInput(plan.endsAt) ?? 0).toISOString(),
          },
        }),
      );
      setReview(notice);
      setRound((n) => n + 1);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const save = async (publish: boolean) => {
    if (publish && review && !review.allMet && !understood) {
      setError(
        asApiError(
          new Error(
            'Tick “I understand” first: with this notice the maintenance counts as downtime for the customers listed.',
          ),
        ),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await call(
        apiClient.POST('/staff/maintenance', {
          body: {
            title: plan.title.trim(),
            description: plan.description.trim(),
            services: plan.services,
            startsAt: new Date(parseUtcInput(plan.startsAt) ?? 0).toISOString(),
            endsAt: new Date(parseUtcInput(plan.endsAt) ?? 0).toISOString(),
            publish,
          },
        }),
      );
      props.onDone(
        created.id,
        publish
          ? `“${created.title}” published. Its page and the status page show it within a minute.`
          : `“${created.title}” saved as a draft: nobody sees it until you publish it.`,
      );
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Schedule maintenance</h2>
      <form class="form" onSubmit={check} noValidate>
        <PlanFields
          prefix="plan"
          plan={plan}
          services={props.services}
          problems={problems}
          onChange={(next) => {
            setPlan(next);
            setReview(null);
          }}
        />
        {!review && error && <ErrorMessage error={error} focus />}
        <p class="actions">
          <button type="submit" disabled={busy}>
            Check the notice and preview
          </button>
        </p>
      </form>
      {review && (
        <section class="preview" aria-labelledby="plan-review-title">
          <FocusHeading level={2} id="plan-review-title" focusKey={round}>
            Before publishing: notice and preview
          </FocusHeading>
          <NoticeCheck notice={review} publishing />
          <h3>On the status page</h3>
          <ul class="cards" data-preview="card">
            <MaintenanceCard item={plannedItem(plan, 'scheduled')} names={names} />
          </ul>
          {!review.allMet && (
            <div class="check">
              <input
                type="checkbox"
                id="plan-understood"
                checked={understood}
                onChange={(event) => setUnderstood(event.currentTarget.checked)}
              />
              <label for="plan-understood">
                I understand: with this notice, the maintenance counts as downtime for the customers
                above.
              </label>
            </div>
          )}
          {error && <ErrorMessage error={error} focus />}
          <p class="actions">
            <button type="button" disabled={busy} onClick={() => void save(true)}>
              Publish now
            </button>
            <button
              type="button"
              class="secondary"
              disabled={busy}
              onClick={() => void save(false)}
            >
              Save as a draft
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setReview(null);
                document.getElementById('plan-title')?.focus();
              }}
            >
              Change it
            </button>
          </p>
        </section>
      )}
    </section>
  );
}

type Step = 'edit' | 'publish' | 'start' | 'complete' | 'cancel' | null;

function Manage(props: {
  item: Maintenance;
  takeFocus: boolean;
  services: readonly ServiceItem[];
  onDone: (message: string) => void;
  onBack: () => void;
}) {
  const { item } = props;
  const { names } = namesOf(props.services);
  const [step, setStep] = useState<Step>(null);
  const notice = useApiQuery(
    (signal) =>
      call(
        apiClient.GET('/staff/maintenance/{id}/notice', {
          params: { path: { id: item.id } },
          signal,
        }),
      ),
    [item.id, item.updatedAt],
  );
  const open = item.status === 'draft' || item.status === 'scheduled';
  const running = item.status === 'in_progress';
  return (
    <section class="panel" aria-labelledby="manage-heading">
      <p class="back">
        <button type="button" class="link" onClick={props.onBack}>
          ← Schedule new maintenance
        </button>
      </p>
      <FocusHeading level={2} id="manage-heading" focusKey={item.id} takeFocus={props.takeFocus}>
        Maintenance #{item.id}: {item.title}
      </FocusHeading>
      <p>
        <span class={`status status-maintenance-${item.status}`}>
          {MAINTENANCE_STATUS_LABELS[item.status]}
        </span>{' '}
        <UtcTime at={item.startsAt} /> to <UtcTime at={item.endsAt} /> (
        {duration(Date.parse(item.endsAt) - Date.parse(item.startsAt))})
        {item.publishedAt && (
          <>
            {' '}
            · public page <a href={`/maintenance/${item.id}/`}>/maintenance/{item.id}/</a>
          </>
        )}
      </p>
      <h3>Notice</h3>
      {notice.error && <ErrorMessage error={notice.error} />}
      {notice.data === null && !notice.error && <Loading what="Checking the notice" />}
      {notice.data && <NoticeCheck notice={notice.data} publishing={item.publishedAt === null} />}
      {(open || running) && step === null && (
        <p class="actions">
          <button type="button" class="secondary" onClick={() => setStep('edit')}>
            Edit
          </button>
          {item.status === 'draft' && (
            <button type="button" onClick={() => setStep('publish')}>
              Publish…
            </button>
          )}
          {item.status === 'scheduled' && (
            <button type="button" class="secondary" onClick={() => setStep('start')}>
              Start now…
            </button>
          )}
          {running && (
            <button type="button" onClick={() => setStep('complete')}>
              Complete now…
            </button>
          )}
          {open && (
            <button type="button" class="secondary" onClick={() => setStep('cancel')}>
              Cancel the maintenance…
            </button>
          )}
        </p>
      )}
      {step === 'edit' && (
        <EditForm
          item={item}
          services={props.services}
          onDone={props.onDone}
          onCancel={() => setStep(null)}
        />
      )}
      {step !== null && step !== 'edit' && (
        <Confirm
          step={step}
          item={item}
          notice={notice.data}
          onDone={props.onDone}
          onCancel={() => setStep(null)}
        />
      )}
      <h3>Its public page</h3>
      <div class="page-preview" data-preview="maintenance-page">
        <MaintenanceDetail item={item} names={names} level={3} />
      </div>
    </section>
  );
}

function Confirm(props: {
  step: Exclude<Step, 'edit' | null>;
  item: Maintenance;
  notice: MaintenanceNotice | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { step, item, notice } = props;
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const id = item.id;
  const path = { params: { path: { id } } };
  const counting =
    step === 'start'
      ? (notice?.policies ?? []).filter((policy) => policy.requiredMinutes > 0)
      : step === 'publish'
        ? (notice?.policies ?? []).filter((policy) => !policy.met)
        : [];
  const customers = [
    ...new Set(
      counting.flatMap((policy) => policy.agreements.map((agreement) => agreement.customer.name)),
    ),
  ];
  const needsAck = counting.length > 0;
  const TEXT: Record<typeof step, { title: string; button: string; danger: boolean }> = {
    publish: { title: 'Publish this maintenance?', button: 'Publish it', danger: false },
    start: {
      title: 'Start it now, before the announced start?',
      button: 'Start now',
      danger: true,
    },
    complete: { title: 'Complete it now?', button: 'Complete now', danger: false },
    cancel: { title: 'Cancel this maintenance?', button: 'Cancel the maintenance', danger: true },
  };
  const run = async () => {
    if (needsAck && !understood) {
      setError(asApiError(new Error('Tick “I understand” first.')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (step === 'publish') {
        await call(apiClient.POST('/staff/maintenance/{id}/publish', path));
        props.onDone('Published. Its page and the status page show it within a minute.');
      } else if (step === 'start') {
        await call(
          apiClient.POST('/staff/maintenance/{id}/start', {
            ...path,
            body: { acknowledgeUnannounced: true },
          }),
        );
        props.onDone('Started now. The status page shows it in progress within a minute.');
      } else if (step === 'complete') {
        await call(apiClient.POST('/staff/maintenance/{id}/complete', path));
        props.onDone('Completed. Its windows end now.');
      } else {
        await call(apiClient.POST('/staff/maintenance/{id}/cancel', path));
        props.onDone(
          item.status === 'draft'
            ? 'Cancelled. It was never published.'
            : 'Cancelled. Its page says so within a minute.',
        );
      }
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };
  return (
    <section class="confirm panel" aria-labelledby="confirm-title">
      <FocusHeading level={3} id="confirm-title">
        {TEXT[step].title}
      </FocusHeading>
      {step === 'publish' && (
        <p>
          Customers are told now: the notice given is the time from now to{' '}
          <UtcTime at={item.startsAt} />.
        </p>
      )}
      {step === 'start' && (
        <p>
          It was announced to start at <UtcTime at={item.startsAt} />. The announced window keeps
          its announcement; the time from now until then was not announced in advance and counts as
          downtime for every policy that requires notice.
        </p>
      )}
      {step === 'complete' && (
        <p>
          Its windows end now, before the planned end (<UtcTime at={item.endsAt} />
          ). The status page shows the components back in service.
        </p>
      )}
      {step === 'cancel' && (
        <p>
          {item.status === 'draft'
            ? 'The draft is closed; nobody was told of it.'
            : 'Its windows are removed and its public page says it was cancelled. This cannot be undone: schedule it again if needed.'}
        </p>
      )}
      {needsAck && (
        <div class="alert warning" role="alert">
          <p>
            {step === 'start' ? 'The early part counts as downtime for' : 'Not enough notice for'}{' '}
            {customers.join(', ')}.
          </p>
        </div>
      )}
      {needsAck && (
        <div class="check">
          <input
            type="checkbox"
            id="confirm-understood"
            checked={understood}
            onChange={(event) => setUnderstood(event.currentTarget.checked)}
          />
          <label for="confirm-understood">
            I understand: it counts as downtime for the customers named.
          </label>
        </div>
      )}
      {error && <ErrorMessage error={error} focus />}
      <p class="actions">
        <button
          type="button"
          class={TEXT[step].danger ? 'danger' : undefined}
          disabled={busy}
          onClick={() => void run()}
        >
          {busy ? 'Working…' : TEXT[step].button}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Go back
        </button>
      </p>
    </section>
  );
}

function EditForm(props: {
  item: Maintenance;
  services: readonly ServiceItem[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { item } = props;
  const started = item.status === 'in_progress';
  const [plan, setPlan] = useState<Plan>({
    title: item.title,
    description: item.description,
    services: item.services,
    startsAt: utcInput(item.startsAt),
    endsAt: utcInput(item.endsAt),
  });
  const [problems, setProblems] = useState<PlanProblems>({});
  const [review, setReview] = useState<MaintenanceNotice | null>(null);
  const [round, setRound] = useState(0);
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const startsAt = () => new Date(parseUtcInput(plan.startsAt) ?? 0).toISOString();
  const endsAt = () => new Date(parseUtcInput(plan.endsAt) ?? 0).toISOString();

  const check = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = planProblems(plan, started);
    setProblems(found);
    setError(null);
    setReview(null);
    if (Object.keys(found).length > 0) {
      focusFirstProblem('edit', found);
      return;
    }
    if (started) {
      await save();
      return;
    }
    setBusy(true);
    try {
      setReview(
        await call(
          apiClient.POST('/staff/maintenance/notice', {
            body: {
              services: plan.services,
              startsAt: startsAt(),
              endsAt: endsAt(),
              maintenanceId: item.id,
            },
          }),
        ),
      );
      setRound((n) => n + 1);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (review && item.publishedAt && !review.allMet && !understood) {
      setError(asApiError(new Error('Tick “I understand” first.')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call(
        apiClient.PATCH('/staff/maintenance/{id}', {
          params: { path: { id: item.id } },
          body: started
            ? { title: plan.title.trim(), description: plan.description.trim() }
            : {
                title: plan.title.trim(),
                description: plan.description.trim(),
                services: plan.services,
                startsAt: startsAt(),
                endsAt: endsAt(),
              },
        }),
      );
      props.onDone('Changes saved.');
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  const reannounced =
    review !== null && item.publishedAt !== null && review.announcedAt !== item.publishedAt;
  return (
    <div class="panel">
      <FocusHeading level={3} id="edit-heading">
        Edit
      </FocusHeading>
      <form class="form" onSubmit={check} noValidate>
        <PlanFields
          prefix="edit"
          plan={plan}
          services={props.services}
          problems={problems}
          scheduleFixed={started}
          onChange={(next) => {
            setPlan(next);
            setReview(null);
          }}
        />
        {!review && error && <ErrorMessage error={error} focus />}
        <p class="actions">
          <button type="submit" disabled={busy}>
            {started ? 'Save the changes' : 'Check the notice'}
          </button>
          <button type="button" class="secondary" onClick={props.onCancel}>
            Cancel editing
          </button>
        </p>
      </form>
      {review && (
        <section class="preview" aria-labelledby="edit-review-title">
          <FocusHeading level={3} id="edit-review-title" focusKey={round}>
            Before saving: notice
          </FocusHeading>
          {reannounced && (
            <p>
              The new schedule reaches outside what was announced: saving announces it again now.
            </p>
          )}
          <NoticeCheck notice={review} publishing={item.publishedAt === null} />
          {item.publishedAt && !review.allMet && (
            <div class="check">
              <input
                type="checkbox"
                id="edit-understood"
                checked={understood}
                onChange={(event) => setUnderstood(event.currentTarget.checked)}
              />
              <label for="edit-understood">
                I understand: it counts as downtime for the customers above.
              </label>
            </div>
          )}
          {error && <ErrorMessage error={error} focus />}
          <p class="actions">
            <button type="button" disabled={busy} onClick={() => void save()}>
              Save the changes
            </button>
          </p>
        </section>
      )}
    </div>
  );
}

function MaintenanceList(props: {
  items: Maintenance[];
  services: readonly ServiceItem[];
  onOpen: (id: number) => void;
}) {
  const { names } = namesOf(props.services);
  return (
    <section aria-labelledby="maintenance-list-title">
      <h2 id="maintenance-list-title">All maintenance, latest start first</h2>
      {props.items.length === 0 ? (
        <p>No maintenance planned yet.</p>
      ) : (
        <TableWrap label="Maintenance">
          <table class="stack">
            <caption class="visually-hidden">Maintenance, latest start first</caption>
            <thead>
              <tr>
                <th scope="col">Maintenance</th>
                <th scope="col">Status</th>
                <th scope="col">When (UTC)</th>
                <th scope="col">Components</th>
                <th scope="col">Announced (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((item) => (
                <tr key={item.id}>
                  <td data-label="Maintenance">
                    <span class="cell">
                      <a
                        href={`/staff/maintenance/?id=${item.id}`}
                        onClick={(event) => {
                          event.preventDefault();
                          props.onOpen(item.id);
                        }}
                      >
                        {item.title}
                      </a>
                    </span>
                  </td>
                  <td data-label="Status">
                    <span class="cell">
                      <span class={`status status-maintenance-${item.status}`}>
                        {MAINTENANCE_STATUS_LABELS[item.status]}
                      </span>
                    </span>
                  </td>
                  <td data-label="When (UTC)">
                    <span class="cell">
                      <UtcTime at={item.startsAt} hint={false} /> (
                      {duration(Date.parse(item.endsAt) - Date.parse(item.startsAt))})
                    </span>
                  </td>
                  <td data-label="Components">
                    <span class="cell">{names(item.services)}</span>
                  </td>
                  <td data-label="Announced (UTC)">
                    <span class="cell">
                      {item.publishedAt ? <UtcTime at={item.publishedAt} hint={false} /> : 'Draft'}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
