import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import type { ApiError } from '../../lib/client.ts';
import { Field } from '../shared/Field.tsx';
import { asApiError, ErrorMessage } from '../shared/messages.tsx';

/**
 * `/account/forgot/`: "Forgot password". The answer is the same whether or not an account has
 * the address (it tells nobody which addresses have accounts); the link arrives by mail and
 * opens `/account/reset`.
 */
export default function ForgotApp() {
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const sentRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (sent) sentRef.current?.focus();
  }, [sent]);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = email.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(address)) {
      setProblem(address === '' ? 'Enter your email address.' : 'Enter a whole email address.');
      inputRef.current?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    setError(null);
    try {
      const answer = await call(
        apiClient.POST('/auth/password-reset', { body: { email: address } }),
      );
      setSent(answer.message);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <>
        <h1 tabIndex={-1} ref={sentRef}>
          Check your inbox
        </h1>
        <p>{sent}</p>
        <p>
          Nothing after a few minutes? Look in your spam folder, check the address and{' '}
          <button type="button" class="link" onClick={() => setSent(null)}>
            ask again
          </button>
          , or ask your administrator.
        </p>
        <p>
          <a href="/account/">Back to sign-in</a>
        </p>
      </>
    );
  }
  return (
    <section class="sign-in">
      <h1>Forgot your password</h1>
      <p>
        Enter the email address you sign in with. If it has an account, we send it a link to choose
        a new password; the link works once, for 30 minutes.
      </p>
      <form class="form" onSubmit={submit} noValidate>
        {error && <ErrorMessage error={error} focus />}
        <Field id="forgot-email" label="Email" problem={problem}>
          {(aria) => (
            <input
              {...aria}
              ref={inputRef}
              name="email"
              type="email"
              autocomplete="username"
              spellcheck={false}
              value={email}
              onInput={(event) => setEmail(event.currentTarget.value)}
            />
          )}
        </Field>
        <p class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Send me a link'}
          </button>
          <a href="/account/">Back to sign-in</a>
        </p>
      </form>
    </section>
  );
}
