import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiClient, call, type components } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { asApiError, ErrorMessage } from '../shared/messages.tsx';
import { setSessionHint } from '../shared/session-hint.ts';

const MIN_LENGTH = 12;
const MAX_LENGTH = 256;

type Done = components['schemas']['PasswordResetDone']['user'];

/**
 * `/account/reset#token=…`: a one-time link to choose a new password, mailed by "Forgot
 * password" (30 minutes) or issued by an admin (24 hours). The token rides in the fragment
 * (never sent to a server or in a Referer); it is read once and removed from the address
 * bar, then posted with the new password. Every session of the person ends, so they sign in
 * afresh.
 */
export default function ResetApp() {
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const found = new URLSearchParams(window.location.hash.slice(1)).get('token');
    setToken(found);
    if (found) window.history.replaceState(null, '', window.location.pathname);
  }, []);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

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
        apiClient.POST('/auth/password-reset/confirm', { body: { token, password } }),
      );
      // Every session ended, this browser's included.
      setSessionHint(false);
      setDone(answer.user);
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  if (token === undefined) return null;
  if (done) {
    const home = done.role === 'customer' ? '/account/' : '/staff/';
    return (
      <>
        <h1 tabIndex={-1} ref={doneRef}>
          Password changed
        </h1>
        <p>
          The new password for {done.email} is set, and every earlier session has ended. Sign in
          with it now.
        </p>
        <p>
          <a class="button" href={home}>
            Sign in
          </a>
        </p>
      </>
    );
  }
  if (!token) {
    return (
      <>
        <h1>Choose a new password</h1>
        <p>
          This page needs a one-time link: the one in the message “Forgot password” sent you, or one
          an administrator gave you. A link works once, and not after a newer one was sent.
        </p>
        <p>
          <a href="/account/forgot/">Ask for a new link</a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Choose a new password</h1>
      <p>
        Choose a new password of at least {MIN_LENGTH} characters. A few unrelated words make a good
        one; common passwords and your email address are refused. The link works once.
      </p>
      <form class="form narrow" onSubmit={submit} noValidate>
        {error && <ErrorMessage error={error} focus />}
        <div class="field">
          <label for="reset-password">New password</label>
          <input
            id="reset-password"
            type="password"
            autocomplete="new-password"
            maxLength={MAX_LENGTH}
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="reset-repeat">New password again</label>
          <input
            id="reset-repeat"
            type="password"
            autocomplete="new-password"
            maxLength={MAX_LENGTH}
            value={repeat}
            onInput={(event) => setRepeat(event.currentTarget.value)}
          />
        </div>
        <p class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Set the new password'}
          </button>
        </p>
      </form>
    </>
  );
}
