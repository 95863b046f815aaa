import type { TargetedSubmitEvent } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { monthLabel } from '../../lib/format.ts';
import { ConfirmStep, useFocusBackFromConfirm } from '../shared/ConfirmStep.tsx';
import { money, parseMoney } from '../shared/format.ts';
import { asApiError } from '../shared/messages.tsx';
import type { StaffClaimDetail } from '../shared/types.ts';

type Choice = 'approve' | 'reject';
type AmountChoice = 'computed' | 'other';

export interface DecisionProblems {
  decision?: string;
  amountChoice?: string;
  amount?: string;
  reason?: string;
}

/** What the confirm step states and then sends. */
export interface PendingDecision {
  decision: Choice;
  /** The amount approved (the computed credit unless another was typed). */
  approvedMinor: number;
  /** Sent only when another amount than the computed credit was chosen. */
  amountMinor?: number;
  reason: string;
}

/** The form as typed; nothing is chosen beforehand. */
export interface DecisionDraft {
  choice: Choice | null;
  amountChoice: AmountChoice | null;
  amount: string;
  reason: string;
}

type DecidedClaim = Pick<StaffClaimDetail, 'currency' | 'capMinor' | 'computedCreditMinor'>;

/**
 * Checks a decision before the confirm step: the problems in words, or what the step states.
 * Another amount equal to the computed credit is the computed credit (no reason needed, no
 * amount sent); an approval above the cap is refused here as the API would.
 */
export function checkDecision(
  draft: DecisionDraft,
  claim: DecidedClaim,
): { problems: DecisionProblems; pending: PendingDecision | null } {
  const { choice, amountChoice } = draft;
  const problems: DecisionProblems = {};
  let amountMinor: number | undefined;
  if (choice === null) problems.decision = 'Choose whether to approve or to reject the claim.';
  if (choice === 'approve' && amountChoice === null) {
    const computed = money(claim.computedCreditMinor, claim.currency);
    problems.amountChoice = `Choose the computed credit (${computed}) or another amount.`;
  }
  if (choice === 'approve' && amountChoice === 'other') {
    const parsed = parseMoney(draft.amount, claim.currency);
    if (parsed === null) problems.amount = `Enter an amount in ${claim.currency}, e.g. 250.00.`;
    else if (parsed > claim.capMinor) {
      const cap = money(claim.capMinor, claim.currency);
      problems.amount = `At most ${cap}: an approval never exceeds the cap.`;
    } else if (parsed !== claim.computedCreditMinor) amountMinor = parsed;
  }
  const needsReason = choice === 'reject' || amountMinor !== undefined;
  if (needsReason && draft.reason.trim() === '') {
    problems.reason =
      choice === 'reject'
        ? 'Give the reason for the rejection; the customer sees it.'
        : 'Give the reason for approving another amount than the computed credit.';
  }
  if (Object.keys(problems).length > 0 || choice === null) return { problems, pending: null };
  return {
    problems,
    pending: {
      decision: choice,
      approvedMinor: amountMinor ?? claim.computedCreditMinor,
      ...(amountMinor !== undefined ? { amountMinor } : {}),
      reason: draft.reason.trim(),
    },
  };
}

/**
 * Approve or reject. Nothing is chosen beforehand (no default decision, no default amount):
 * the form is checked, then a confirm step states the amount and the customer before anything
 * is sent.
 */
export function DecisionForm(props: {
  claim: StaffClaimDetail;
  onDone: (message: string) => Promise<void>;
}) {
  const { claim } = props;
  const [draft, setDraft] = useState<DecisionDraft>({
    choice: null,
    amountChoice: null,
    amount: '',
    reason: '',
  });
  const [problems, setProblems] = useState<DecisionProblems>({});
  const [pending, setPending] = useState<PendingDecision | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const refs = {
    decision: useRef<HTMLInputElement>(null),
    amountChoice: useRef<HTMLInputElement>(null),
    amount: useRef<HTMLInputElement>(null),
    reason: useRef<HTMLTextAreaElement>(null),
  };
  const continueRef = useFocusBackFromConfirm(pending !== null);
  const customer = claim.customer.name;

  const check = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkDecision(draft, claim);
    setProblems(checked.problems);
    const first = (['decision', 'amountChoice', 'amount', 'reason'] as const).find(
      (key) => checked.problems[key],
    );
    if (first !== undefined) refs[first].current?.focus();
    if (checked.pending === null) return;
    setError(null);
    setPending(checked.pending);
  };

  const decide = async (decision: PendingDecision) => {
    setBusy(true);
    setError(null);
    try {
      const decided = await call(
        apiClient.POST('/staff/claims/{id}/decision', {
          params: { path: { id: claim.id } },
          body: {
            decision: decision.decision,
            ...(decision.amountMinor !== undefined ? { amountMinor: decision.amountMinor } : {}),
            ...(decision.reason !== '' ? { reason: decision.reason } : {}),
          },
        }),
      );
      await props.onDone(
        decided.status === 'approved'
          ? `Claim #${claim.id} approved at ${money(decided.approvedAmountMinor ?? 0, claim.currency)} for ${customer}.`
          : `Claim #${claim.id} of ${customer} rejected.`,
      );
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  if (pending !== null) {
    return (
      <DecisionConfirm
        claim={claim}
        pending={pending}
        busy={busy}
        error={error}
        onConfirm={() => void decide(pending)}
        onBack={() => setPending(null)}
      />
    );
  }

  const { choice, amountChoice } = draft;
  const computed = money(claim.computedCreditMinor, claim.currency);
  const cap = money(claim.capMinor, claim.currency);
  const radioProblem = (key: 'decision' | 'amountChoice') =>
    problems[key] ? `decision-${key}-problem` : undefined;

  return (
    <form class="panel form" onSubmit={check} noValidate aria-labelledby="decision-title">
      <h2 id="decision-title">Decision</h2>
      <p class="meta">
        For {customer}: the rules give {computed}; the cap is {cap}.
      </p>
      <fieldset>
        <legend>Approve or reject</legend>
        {problems.decision && (
          <p class="field-problem" id="decision-decision-problem">
            {problems.decision}
          </p>
        )}
        <div class="check">
          <input
            type="radio"
            id="decision-approve"
            name="decision"
            ref={refs.decision}
            checked={choice === 'approve'}
            aria-describedby={radioProblem('decision')}
            onChange={() => setDraft({ ...draft, choice: 'approve' })}
          />
          <label for="decision-approve">Approve</label>
        </div>
        <div class="check">
          <input
            type="radio"
            id="decision-reject"
            name="decision"
            checked={choice === 'reject'}
            aria-describedby={radioProblem('decision')}
            onChange={() => setDraft({ ...draft, choice: 'reject' })}
          />
          <label for="decision-reject">Reject</label>
        </div>
      </fieldset>
      {choice === 'approve' && (
        <AmountFieldset
          claim={claim}
          draft={draft}
          problems={problems}
          refs={refs}
          onDraft={setDraft}
          describedBy={radioProblem('amountChoice')}
        />
      )}
      <div class="field">
        <label for="decision-reason">
          Reason
          {choice === 'reject'
            ? ' (required; the customer sees it)'
            : choice === 'approve' && amountChoice === 'other'
              ? ' (required for another amount; the customer sees it)'
              : ' (optional when approving the computed credit; the customer sees it)'}
        </label>
        <textarea
          id="decision-reason"
          ref={refs.reason}
          rows={3}
          maxLength={5000}
          value={draft.reason}
          aria-invalid={problems.reason ? 'true' : undefined}
          aria-describedby={problems.reason ? 'decision-reason-problem' : undefined}
          onInput={(event) => setDraft({ ...draft, reason: event.currentTarget.value })}
        />
        {problems.reason && (
          <p class="field-problem" id="decision-reason-problem">
            {problems.reason}
          </p>
        )}
      </div>
      <p class="actions">
        <button type="submit" ref={continueRef}>
          Continue to confirm
        </button>
      </p>
    </form>
  );
}

/** The computed credit or another amount (at most the cap), shown once "Approve" is chosen. */
function AmountFieldset(props: {
  claim: StaffClaimDetail;
  draft: DecisionDraft;
  problems: DecisionProblems;
  refs: {
    amountChoice: { current: HTMLInputElement | null };
    amount: { current: HTMLInputElement | null };
  };
  onDraft: (draft: DecisionDraft) => void;
  describedBy: string | undefined;
}) {
  const { claim, draft, problems } = props;
  const computed = money(claim.computedCreditMinor, claim.currency);
  const cap = money(claim.capMinor, claim.currency);
  return (
    <fieldset>
      <legend>Amount</legend>
      {problems.amountChoice && (
        <p class="field-problem" id="decision-amountChoice-problem">
          {problems.amountChoice}
        </p>
      )}
      <div class="check">
        <input
          type="radio"
          id="amount-computed"
          name="amount-choice"
          ref={props.refs.amountChoice}
          checked={draft.amountChoice === 'computed'}
          aria-describedby={props.describedBy}
          onChange={() => props.onDraft({ ...draft, amountChoice: 'computed' })}
        />
        <label for="amount-computed">The computed credit, {computed}</label>
      </div>
      <div class="check">
        <input
          type="radio"
          id="amount-other"
          name="amount-choice"
          checked={draft.amountChoice === 'other'}
          aria-describedby={props.describedBy}
          onChange={() => props.onDraft({ ...draft, amountChoice: 'other' })}
        />
        <label for="amount-other">Another amount (needs a reason)</label>
      </div>
      {draft.amountChoice === 'other' && (
        <div class="field">
          <label for="decision-amount">Amount in {claim.currency}</label>
          <p class="hint" id="decision-amount-hint">
            At most {cap}, the cap.
          </p>
          <input
            id="decision-amount"
            ref={props.refs.amount}
            type="text"
            inputMode="decimal"
            autocomplete="off"
            value={draft.amount}
            aria-invalid={problems.amount ? 'true' : undefined}
            aria-describedby={`decision-amount-hint${problems.amount ? ' decision-amount-problem' : ''}`}
            onInput={(event) => props.onDraft({ ...draft, amount: event.currentTarget.value })}
          />
          {problems.amount && (
            <p class="field-problem" id="decision-amount-problem">
              {problems.amount}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}

/** The step that states the amount, the customer and the reason before the decision is sent. */
function DecisionConfirm(props: {
  claim: StaffClaimDetail;
  pending: PendingDecision;
  busy: boolean;
  error: ApiError | null;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { claim, pending } = props;
  const customer = claim.customer.name;
  const computed = money(claim.computedCreditMinor, claim.currency);
  const what = `${claim.serviceName}, ${monthLabel(claim.period)}`;
  const approving = pending.decision === 'approve';
  const amountText = money(pending.approvedMinor, claim.currency);
  return (
    <div class="panel form">
      <h2>Decision</h2>
      <ConfirmStep
        id="decision-confirm"
        title={approving ? 'Confirm the approval' : 'Confirm the rejection'}
        confirm={
          approving ? `Approve ${amountText} for ${customer}` : `Reject the claim of ${customer}`
        }
        back="Change the decision"
        danger={!approving}
        busy={props.busy}
        error={props.error}
        onConfirm={props.onConfirm}
        onBack={props.onBack}
      >
        {approving ? (
          <p>
            Approve a credit of <strong>{amountText}</strong> to <strong>{customer}</strong> for{' '}
            {what} (claim #{claim.id}).
            {pending.amountMinor !== undefined && ` The rules give ${computed}.`} The customer sees
            the decision at once; it cannot be undone.
          </p>
        ) : (
          <p>
            Reject the claim of <strong>{customer}</strong> for {what} (claim #{claim.id}): no
            credit, where the rules give {computed}. The customer sees the decision at once; it
            cannot be undone.
          </p>
        )}
        {pending.reason !== '' && (
          <p>
            The reason the customer reads: <q class="note-text">{pending.reason}</q>
          </p>
        )}
      </ConfirmStep>
    </div>
  );
}
