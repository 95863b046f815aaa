import type { TargetedSubmitEvent } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { asApiError, ErrorMessage } from '../shared/messages.tsx';
import { PortalBar } from '../shared/PortalBar.tsx';
import { linksFor } from '../shared/portal-links.ts';
import { SessionGate } from '../shared/SessionGate.tsx';
import type { SessionUser } from '../shared/types.ts';

/** The rules of docs/decisions/023 (the API checks them too). */
const MIN_LENGTH = 12;
const MAX_LENGTH = 256;

/** `/account/password/`: anyone signed in changes their own password. */
export default function PasswordApp() {
  return (
    <SessionGate area="any" signInTitle="Sign in to change your password">
      {(user, signOut) => <ChangePassword user={user} signOut={signOut} />}
    </SessionGate>
  );
}

function ChangePassword(props: { user: SessionUser; signOut: () => Promise<void> }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLParagraphElement>(null);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    const problems: [string, string][] = [];
    if (current === '') problems.push(['current', 'Enter your current password.']);
    if (next.length < MIN_LENGTH || next.length > MAX_LENGTH) {
      problems.push(['next', `The new password needs ${MIN_LENGTH} to ${MAX_LENGTH} characters.`]);
    } else if (next === current) {
      problems.push(['next', 'The new password must differ from the current one.']);
    }
    if (repeat !== next) problems.push(['repeat', 'The two new passwords differ.']);
    setInvalid(new Set(problems.map(([field]) => field)));
    if (problems.length > 0) {
      setError(asApiError(new Error(problems.map(([, message]) => message).join(' '))));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call(
        apiClient.POST('/auth/password', { body: { currentPassword: current, newPassword: next } }),
      );
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
      requestAnimationFrame(() => doneRef.current?.focus());
    } catch (caught) {
      const failure = asApiError(caught);
      setInvalid(
        new Set(
          failure.issues.map((issue) => (issue.path === 'currentPassword' ? 'current' : 'next')),
        ),
      );
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const field = (
    id: string,
    label: string,
    value: string,
    set: (value: string) => void,
    autocomplete: string,
    hint?: string,
  ) => (
    <div class="field">
      <label for={`password-${id}`}>{label}</label>
      {hint && (
        <p class="hint" id={`password-${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={`password-${id}`}
        type="password"
        autocomplete={autocomplete}
        value={value}
        maxLength={MAX_LENGTH}
        aria-invalid={invalid.has(id) ? 'true' : undefined}
        aria-describedby={hint ? `password-${id}-hint` : undefined}
        onInput={(event) => set(event.currentTarget.value)}
      />
    </div>
  );

  return (
    <>
      <PortalBar
        user={props.user}
        signOut={props.signOut}
        links={linksFor(props.user, '/account/password/')}
      />
      <h1>Change your password</h1>
      <p>
        Your other sessions end when the password changes; this one continues. A long passphrase
        beats symbols: {MIN_LENGTH} characters or more, no other rules.
      </p>
      <form class="form narrow" onSubmit={submit} noValidate>
        {error && <ErrorMessage error={error} focus />}
        {field('current', 'Current password', current, setCurrent, 'current-password')}
        {field(
          'next',
          'New password',
          next,
          setNext,
          'new-password',
          `At least ${MIN_LENGTH} characters.`,
        )}
        {field('repeat', 'New password again', repeat, setRepeat, 'new-password')}
        <p class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Changing…' : 'Change password'}
          </button>
        </p>
        <p class="notice" role="status" tabIndex={-1} ref={doneRef} hidden={!done}>
          {done ? 'Your password has been changed. Other sessions have been signed out.' : ''}
        </p>
      </form>
    </>
  );
}
