import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import { ApiError } from '../../lib/client.ts';
import { asApiError } from './messages.tsx';
import { setSessionHint } from './session-hint.ts';
import type { SessionUser } from './types.ts';

export function SignInForm(props: {
  title: string;
  note: string | undefined;
  onSignedIn: (user: SessionUser) => void;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const alertRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (props.note) headingRef.current?.focus();
  }, [props.note]);

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const gaps = { email: email.trim() === '', password: password === '' };
    setMissing(gaps);
    if (gaps.email || gaps.password) {
      setError(
        new ApiError(
          400,
          'MISSING',
          gaps.email && gaps.password
            ? 'Enter your email address and password.'
            : gaps.email
              ? 'Enter your email address.'
              : 'Enter your password.',
        ),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { user } = await call(
        apiClient.POST('/auth/login', { body: { email: email.trim(), password } }),
      );
      setSessionHint(true);
      props.onSignedIn(user);
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  return (
    <section class="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title" tabIndex={-1} ref={headingRef}>
        {props.title}
      </h1>
      {props.note && <p class="notice">{props.note}</p>}
      <form class="form" onSubmit={submit} noValidate>
        {error && (
          <div class="alert" role="alert" tabIndex={-1} ref={alertRef} id="sign-in-error">
            {error.message}
          </div>
        )}
        <div class="field">
          <label for="sign-in-email">Email</label>
          <input
            id="sign-in-email"
            name="email"
            type="email"
            autocomplete="username"
            spellcheck={false}
            required
            value={email}
            aria-invalid={missing.email ? 'true' : undefined}
            aria-describedby={error ? 'sign-in-error' : undefined}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            aria-invalid={missing.password ? 'true' : undefined}
            aria-describedby={error ? 'sign-in-error' : undefined}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </div>
        <p class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </p>
      </form>
      <p class="meta">
        <a href="/account/forgot/">Forgot your password?</a>
      </p>
      <p class="meta">
        No password yet? Your administrator sends a one-time invitation link. The{' '}
        <a href="/">public status page</a> needs no sign-in.
      </p>
    </section>
  );
}
