import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiClient, call } from '../../../lib/api-client.ts';
import type { ApiError } from '../../../lib/client.ts';
import { money } from '../../shared/format.ts';
import { asApiError, ErrorMessage, Loading } from '../../shared/messages.tsx';
import { useApiQuery } from '../../shared/use-api-query.ts';
import { agreementName, feeText, KIND_LABELS } from './AgreementsApp.tsx';
import { ADMIN, type Agreement } from './api.ts';
import { WallTimeField } from './fields.tsx';
import { inWords } from './problems.ts';
import {
  ActiveTag,
  AdminPage,
  BothZones,
  ConfirmAction,
  FormAlert,
  idParam,
  inUtc,
  inZone,
  noRecord,
  SavedNotice,
  useJustAdded,
} from './shared.tsx';
import { instantToWall, wallToInstant } from './time.ts';

/**
 * `/staff/admin/agreement/?id=N`: one agreement's terms (start and end in its zone with UTC
 * beside them), its services and fees; ending it, and deactivating it, each behind a
 * confirm step. After creating one, the next onboarding step: inviting the customer's people.
 */
export default function AgreementApp() {
  const id = idParam();
  return (
    <AdminPage title="Agreement" trail={[{ href: ADMIN.agreements, label: 'Agreements' }]}>
      {() =>
        id === null ? (
          <>
            <h1>Agreement</h1>
            <ErrorMessage error={noRecord('agreement')} />
          </>
        ) : (
          <AgreementDetail id={id} />
        )
      }
    </AdminPage>
  );
}

function AgreementDetail(props: { id: number }) {
  const { id } = props;
  const agreement = useApiQuery(
    (signal) => call(apiClient.GET('/staff/agreements/{id}', { params: { path: { id } }, signal })),
    [],
  );
  const [notice, setNotice] = useState<string | null>(null);
  const added = useJustAdded();

  if (agreement.error) {
    return (
      <>
        <h1>Agreement</h1>
        <ErrorMessage error={agreement.error} />
      </>
    );
  }
  if (agreement.data === null) return <Loading what="Loading the agreement" />;
  const record = agreement.data;
  document.title = `${agreementName(record)} · Agreements · Administration · Service status`;
  const change = async (body: { end?: string | null; active?: boolean }, done: string) => {
    await call(apiClient.PATCH('/staff/agreements/{id}', { params: { path: { id } }, body }));
    agreement.reload();
    setNotice(done);
  };
  const currencies = [...new Set(record.services.map((line) => line.currency))];
  const totalMinor = record.services.reduce((sum, line) => sum + line.monthlyFeeMinor, 0);

  return (
    <>
      <h1>
        {agreementName(record)} <ActiveTag active={record.active} />
      </h1>
      <SavedNotice text={notice ?? (added ? 'The agreement is made.' : null)} />
      {added && (
        <section class="panel" aria-labelledby="next-title">
          <h2 id="next-title">Next: the people who sign in</h2>
          <p>
            Step 3 of 4 of onboarding. Invite the people of {record.customerName} who follow their
            service levels and claim credits.
          </p>
          <p class="actions">
            <a class="button" href={ADMIN.invite(record.customerId)}>
              Invite a person for {record.customerName}
            </a>
            <a href={ADMIN.customer(record.customerId)}>Back to {record.customerName}</a>
          </p>
        </section>
      )}
      <dl class="facts">
        <dt>Kind</dt>
        <dd>{KIND_LABELS[record.kind]}</dd>
        <dt>
          {record.kind === 'vendor' ? 'Vendor' : record.kind === 'internal' ? 'Team' : 'Customer'}
        </dt>
        <dd>
          <a href={ADMIN.customer(record.customerId)}>{record.customerName}</a>
        </dd>
        <dt>Policy</dt>
        <dd>{record.policyName}</dd>
        <dt>Time zone</dt>
        <dd>{record.timeZone} (its calendar months)</dd>
        <dt>Start</dt>
        <dd>
          <BothZones at={record.start} timeZone={record.timeZone} />
        </dd>
        <dt>End</dt>
        <dd>
          <BothZones at={record.end} timeZone={record.timeZone} none="None: open-ended" />
        </dd>
      </dl>
      <div class="table-wrap">
        <table>
          <caption>Services and monthly fees</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Slug</th>
              <th scope="col" class="number">
                Monthly fee
              </th>
            </tr>
          </thead>
          <tbody>
            {record.services.map((line) => (
              <tr key={line.serviceId}>
                <td>{line.name}</td>
                <td>
                  <code>{line.slug}</code>
                </td>
                <td class="number">{feeText(record, line)}</td>
              </tr>
            ))}
            {record.kind !== 'internal' &&
              currencies.length === 1 &&
              currencies[0] &&
              record.services.length > 1 && (
                <tr>
                  <th scope="row" colSpan={2}>
                    Total per month
                  </th>
                  <td class="number">
                    <strong>{money(totalMinor, currencies[0])}</strong>
                  </td>
                </tr>
              )}
          </tbody>
        </table>
      </div>
      <p class="meta">
        The terms are fixed. To change services or fees, end this agreement and{' '}
        <a href={ADMIN.newAgreement(record.customerId)}>add a new one for {record.customerName}</a>.
      </p>

      <section class="panel" aria-labelledby="end-title">
        <h2 id="end-title">{record.end === null ? 'End the agreement' : 'Change the end'}</h2>
        <EndForm
          key={record.end ?? 'open'}
          agreement={record}
          onEnd={(end) =>
            change({ end }, `The agreement now ends ${inZone(end, record.timeZone)}.`)
          }
        />
        {record.end !== null && (
          <ConfirmAction
            label="Remove the end"
            question={
              <>
                Remove the end? The agreement then covers {record.customerName} with no end date,
                from {inZone(record.start, record.timeZone)}.
              </>
            }
            confirm="Yes, remove the end"
            onConfirm={() => change({ end: null }, 'The agreement has no end date now.')}
          />
        )}
      </section>

      <section class="panel" aria-labelledby="status-title">
        <h2 id="status-title">Status</h2>
        {record.active ? (
          <ConfirmAction
            key="deactivate"
            label="Deactivate the agreement"
            danger
            question={
              <>
                Deactivate this agreement of {record.customerName}? Its figures, claims and credits
                stay; it can be reactivated.
              </>
            }
            confirm="Yes, deactivate the agreement"
            onConfirm={() => change({ active: false }, 'The agreement is deactivated.')}
          />
        ) : (
          <ConfirmAction
            key="reactivate"
            label="Reactivate the agreement"
            question={<>Reactivate this agreement of {record.customerName}?</>}
            confirm="Yes, reactivate the agreement"
            onConfirm={() => change({ active: true }, 'The agreement is active again.')}
          />
        )}
      </section>
    </>
  );
}

/**
 * A new end, typed in the agreement's zone; the form states it in both zones and asks once
 * more before saving (an end stops coverage).
 */
function EndForm(props: { agreement: Agreement; onEnd: (end: string) => Promise<void> }) {
  const { agreement } = props;
  const [wall, setWall] = useState(
    agreement.end === null ? '' : instantToWall(agreement.end, agreement.timeZone),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);

  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    if (wall === '') {
      setProblem('Enter when the agreement ends.');
      return;
    }
    const reading = wallToInstant(wall, agreement.timeZone);
    if (!reading.ok) {
      setProblem(inWords('End', reading.problem));
      return;
    }
    if (reading.iso <= agreement.start) {
      setProblem('End must be after the start.');
      return;
    }
    // Closed months keep the coverage they had (docs/decisions/122); the API says so too.
    if (reading.ms < Date.now()) {
      setProblem('End must be now or later: past months keep the coverage they had.');
      return;
    }
    setProblem(null);
    setPending(reading.iso);
  };

  const save = async () => {
    if (pending === null) return;
    setBusy(true);
    try {
      await props.onEnd(pending);
      setPending(null);
    } catch (caught) {
      const failure = asApiError(caught);
      const issue = failure.issues.find((candidate) => candidate.path === 'end');
      setError(failure);
      setProblem(issue ? inWords('End', issue.message) : null);
      setPending(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form narrow" onSubmit={submit} noValidate>
      <FormAlert
        error={error}
        problems={problem ? { end: problem } : {}}
        fields={[{ key: 'end', id: 'agreement-new-end', label: 'End' }]}
      />
      <WallTimeField
        id="agreement-new-end"
        label="Ends at"
        value={wall}
        timeZone={agreement.timeZone}
        onInput={(value) => {
          setWall(value);
          setPending(null);
        }}
        problem={problem ?? undefined}
      />
      {pending === null ? (
        <p class="actions">
          <button type="submit" class="secondary">
            {agreement.end === null ? 'End the agreement…' : 'Change the end…'}
          </button>
        </p>
      ) : (
        <fieldset
          class="confirm"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setPending(null);
          }}
        >
          <legend class="visually-hidden">Confirm the end</legend>
          <p>
            End the agreement at {inZone(pending, agreement.timeZone)}, that is {inUtc(pending)}?
            Time after it is no longer covered; until then nothing changes.
          </p>
          <p class="actions">
            <button
              type="button"
              class="danger"
              ref={confirmRef}
              disabled={busy}
              onClick={() => void save()}
            >
              {busy ? 'Saving…' : 'Yes, end it then'}
            </button>
            <button type="button" class="secondary" onClick={() => setPending(null)}>
              Cancel
            </button>
          </p>
        </fieldset>
      )}
    </form>
  );
}
