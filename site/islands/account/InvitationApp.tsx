import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { asApiError, ErrorMessage } from '../shared/messages.tsx';
import { setSessionHint } from '../shared/session-hint.ts';
import type { SessionUser } from '../shared/types.ts';

const MIN_LENGTH = 12;
const MAX_LENGTH = 256;

/**
 * `/account/invitation#token=…`: the one-time link an admin sends. The token rides in the
 * fragment (never sent to a server or in a Referer); it is read once and removed from the
 * address bar, then posted with the chosen password.
 */
export default function InvitationApp() {
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [user, setUser] = useState<SessionUser | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const found = new URLSearchParams(window.location.hash.slice(1)).get('token');
    setToken(found);
    if (found) window.history.replaceState(null, '', window.location.pathname);
  }, []);

  useEffect(() => {
    if (user) doneRef.current?.focus();
  }, [user]);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The form shows only with a token; this keeps the request typed without one.
    if (!token) return;
    if (password.length < MIN_LENGTH) {
      setError(asApiError(new Error(`Choose a password of at least ${MIN_LENGTH} characters.`)));
      return;
    }
    if (password !== repeat) {
      setError(asApiError(new Error('The two passwords differ.')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await call(
        apiClient.POST('/auth/invitations/accept', { body: { token, password } }),
      );
      setSessionHint(true);
      setUser(answer.user);
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  if (token === undefined) return null;
  if (user) {
    const home = user.role === 'customer' ? '/account/' : '/staff/';
    return (
      <>
        <h1 tabIndex={-1} ref={doneRef}>
          Welcome
        </h1>
        <p>Your password is set and you are signed in as {user.email}.</p>
        <p>
          <a class="button" href={home}>
            {user.role === 'customer' ? 'Go to your account' : 'Go to the staff console'}
          </a>
        </p>
      </>
    );
  }
  if (!token) {
    return (
      <>
        <h1>Accept an invitation</h1>
        <p>
          This page needs the one-time link from your invitation email. If the link has been used or
          is older than three days, ask your administrator for a new one.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Choose your password</h1>
      <p>
        Welcome to the portal. Choose a password of at least {MIN_LENGTH} characters to finish
        setting up your account; the link works once.
      </p>
      <form class="form narrow" onSubmit={submit} noValidate>
        {error && <ErrorMessage error={error} focus />}
        <div class="field">
          <label for="invite-password">Password</label>
          <input
            id="invite-password"
            type="password"
            autocomplete="new-password"
            maxLength={MAX_LENGTH}
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="invite-repeat">Password again</label>
          <input
            id="invite-repeat"
            type="password"
            autocomplete="new-password"
            maxLength={MAX_LENGTH}
            value={repeat}
            onInput={(event) => setRepeat(event.currentTarget.value)}
          />
        </div>
        <p class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Setting up…' : 'Set password and sign in'}
          </button>
        </p>
      </form>
    </>
  );
}
