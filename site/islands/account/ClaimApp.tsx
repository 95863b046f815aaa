import { useEffect, useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { duration, monthLabel } from '../../lib/format.ts';
import { CLAIM_STATUS_LABELS, labelOf } from '../../lib/labels.ts';
import { Conversation, Trail } from '../shared/conversation.tsx';
import {
  measuredFromText,
  measuredText,
  notMonitoredText,
  WindowTables,
} from '../shared/evidence.tsx';
import { money } from '../shared/format.ts';
import { asApiError, ErrorMessage, Loading } from '../shared/messages.tsx';
import { PortalBar } from '../shared/PortalBar.tsx';
import { pageBrand } from '../shared/page-brand.ts';
import { queryParam } from '../shared/page-query.ts';
import { ACCOUNT_LINKS } from '../shared/portal-links.ts';
import { SessionGate } from '../shared/SessionGate.tsx';
import { SupportEvidence } from '../shared/support.tsx';
import { MetTag, StatusTag } from '../shared/tags.tsx';
import type { ClaimDetail, ClaimDto, EvaluationResult, SessionUser } from '../shared/types.ts';
import { When } from '../shared/zoned.tsx';

/** `/account/claim/?id=N`: one of the customer's claims, its trail and conversation. */
export default function ClaimApp() {
  return (
    <SessionGate area="customer" signInTitle="Sign in to see your claim">
      {(user, signOut) => <ClaimPage user={user} signOut={signOut} />}
    </SessionGate>
  );
}

function ClaimPage(props: { user: SessionUser; signOut: () => Promise<void> }) {
  const id = Number(queryParam('id'));
  const [claim, setClaim] = useState<ClaimDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = () =>
    call(apiClient.GET('/me/claims/{id}', { params: { path: { id } } })).then((detail) => {
      setClaim(detail);
      document.title = `Claim #${detail.id} · Your account · ${pageBrand().productName}`;
    });

  useEffect(() => {
    if (!Number.isSafeInteger(id) || id <= 0) {
      setError(asApiError(new Error('This address names no claim. Open one from your claims.')));
      return;
    }
    load().catch((caught: unknown) => setError(asApiError(caught)));
    // Loaded once per page; actions below reload explicitly.
  }, []);

  return (
    <>
      <PortalBar user={props.user} signOut={props.signOut} links={ACCOUNT_LINKS('')} />
      <p class="back">
        <a href="/account/">← Your service levels</a>
      </p>
      {error && (
        <>
          <h1>Claim</h1>
          <ErrorMessage error={error} />
        </>
      )}
      {!error && claim === null && <Loading what="Loading the claim" />}
      {claim && <ClaimView claim={claim} reload={load} />}
    </>
  );
}

function ClaimView(props: { claim: ClaimDetail; reload: () => Promise<void> }) {
  const { claim } = props;
  const evaluation = claim.evaluation;
  const zone = (evaluation ?? claim.supportEvaluation)?.timeZone ?? 'UTC';
  return (
    <>
      <h1>
        Claim #{claim.id}: {claim.serviceName}, {monthLabel(claim.period)}
      </h1>
      <p>
        <StatusTag status={claim.status} label={labelOf(CLAIM_STATUS_LABELS, claim.status)} />{' '}
        <span class="meta">
          Filed <When at={claim.createdAt} timeZone={zone} viewer="customer" />
        </span>
      </p>
      <dl class="facts">
        <dt>Agreement</dt>
        <dd>#{claim.agreementId}</dd>
        <dt>Your description</dt>
        <dd class="note-text">{claim.description ?? '—'}</dd>
        <dt>Credit by the rules</dt>
        <dd>{money(claim.computedCreditMinor, claim.currency)}</dd>
        {claim.approvedAmountMinor !== null && (
          <>
            <dt>Approved</dt>
            <dd>
              <strong>{money(claim.approvedAmountMinor, claim.currency)}</strong>
              {claim.decidedAt && (
                <>
                  {' '}
                  on <When at={claim.decidedAt} timeZone={zone} viewer="customer" />
                </>
              )}
            </dd>
          </>
        )}
        {claim.decisionReason && (
          <>
            <dt>{claim.status === 'rejected' ? 'Reason for the rejection' : 'Reason'}</dt>
            <dd class="note-text">{claim.decisionReason}</dd>
          </>
        )}
        {claim.invoiceReference && (
          <>
            <dt>Credited on invoice</dt>
            <dd>
              {claim.invoiceReference}
              {claim.creditedAt && (
                <>
                  , <When at={claim.creditedAt} timeZone={zone} viewer="customer" />
                </>
              )}
            </dd>
          </>
        )}
        {claim.status === 'submitted' && (
          <>
            <dt>Claim deadline</dt>
            <dd>
              <When at={claim.claimDeadline} timeZone={zone} viewer="customer" />; your claim was
              filed in time.
            </dd>
          </>
        )}
      </dl>
      {claim.status === 'submitted' && <Withdraw claim={claim} reload={props.reload} />}

      <h2>The figures stored with the claim</h2>
      {evaluation === null && claim.supportEvaluation && (
        <SupportEvidence evaluation={claim.supportEvaluation} />
      )}
      {evaluation && <AvailabilityEvidence evaluation={evaluation} claim={claim} />}

      <h2>History</h2>
      <Trail events={claim.events} timeZone={zone} viewer="customer" />

      <h2>Comments</h2>
      <Conversation
        comments={claim.comments}
        timeZone={zone}
        viewer="customer"
        onAdd={async (body) => {
          await call(
            apiClient.POST('/me/claims/{id}/comments', {
              params: { path: { id: claim.id } },
              body: { body },
            }),
          );
          await props.reload();
        }}
      />
    </>
  );
}

function Withdraw(props: { claim: ClaimDto; reload: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(
        apiClient.POST('/me/claims/{id}/withdraw', {
          params: { path: { id: props.claim.id } },
          body: {},
        }),
      );
      await props.reload();
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };
  return (
    <div class="withdraw">
      {error && <ErrorMessage error={error} focus />}
      {!confirming ? (
        <button type="button" class="secondary" onClick={() => setConfirming(true)}>
          Withdraw this claim
        </button>
      ) : (
        <div class="confirm">
          <p id="withdraw-question">
            Withdraw claim #{props.claim.id}? Support stops reviewing it; you can file a new claim
            for the month while its deadline allows.
          </p>
          <p class="actions">
            <button type="button" class="danger" onClick={withdraw} disabled={busy}>
              {busy ? 'Withdrawing…' : 'Yes, withdraw'}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              Keep the claim
            </button>
          </p>
        </div>
      )}
    </div>
  );
}

/** The availability evaluation stored with a service claim. */
function AvailabilityEvidence(props: { evaluation: EvaluationResult; claim: ClaimDetail }) {
  const { evaluation, claim } = props;
  return (
    <>
      <p>
        <MetTag met={evaluation.met} status={evaluation.status} />{' '}
        {evaluation.status === 'not-monitored'
          ? `${notMonitoredText(evaluation, claim.monitoredSince)}.`
          : evaluation.availabilityDisplay === null
            ? 'No availability figure for this month.'
            : `${evaluation.availabilityDisplay}\u00a0% available; ${duration(evaluation.downtimeMs)} of downtime counted.`}
      </p>
      {measuredFromText(evaluation, claim.monitoredSince) && (
        <p class="measured-from">{measuredFromText(evaluation, claim.monitoredSince)}</p>
      )}
      <p class="meta">{measuredText(evaluation)}</p>
      <WindowTables evaluation={evaluation} context={`claim #${claim.id}`} />
    </>
  );
}
