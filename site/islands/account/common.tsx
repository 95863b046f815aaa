import type { ComponentChildren, TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import { ApiError, onSignedOut } from '../../lib/client.ts';
import type { EvaluationResult, SessionUser } from './types.ts';

/**
 * Pieces shared by the customer portal and the staff console: the session gate with its
 * sign-in form, the bar naming who is signed in, error and loading messages.
 */

export type Area = 'customer' | 'staff' | 'any';

type SessionState =
  | { phase: 'checking' }
  | { phase: 'signed-out'; note?: string }
  | { phase: 'signed-in'; user: SessionUser }
  | { phase: 'failed'; error: ApiError };

const AREA_HOME: Record<Exclude<Area, 'any'>, string> = {
  customer: '/account/',
  staff: '/staff/',
};

const HINT_KEY = 'portal.signedIn';

/**
 * Whether this browser has signed in and not out since. The session cookie is HttpOnly, so
 * the page cannot see it; this hint (no secret, only a flag) spares a GET /auth/me that
 * would answer 401 on every visit of someone who is not signed in.
 */
export function sessionHint(): boolean {
  try {
    return window.localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return true;
  }
}

export function setSessionHint(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(HINT_KEY, '1');
    else window.localStorage.removeItem(HINT_KEY);
  } catch {
    // Storage refused (a private mode): the page asks the API each time instead.
  }
}

function homeOf(user: SessionUser): string {
  return user.role === 'customer' ? AREA_HOME.customer : AREA_HOME.staff;
}

function allowed(area: Area, user: SessionUser): boolean {
  if (area === 'any') return true;
  return area === 'customer' ? user.role === 'customer' : user.role !== 'customer';
}

/**
 * Shows the sign-in form until a session exists, then the children for that user. A 401
 * from any later call (the session ended) brings the form back, with a note.
 */
export function SessionGate(props: {
  area: Area;
  /** The sign-in form's heading, e.g. "Sign in to your account". */
  signInTitle: string;
  children: (user: SessionUser, signOut: () => Promise<void>) => ComponentChildren;
}) {
  const [state, setState] = useState<SessionState>({ phase: 'checking' });

  useEffect(() => {
    let live = true;
    if (!sessionHint()) {
      // Never signed in from this browser (or signed out): no need to ask the API, whose
      // 401 the browser would log as an error.
      setState({ phase: 'signed-out' });
    } else {
      call(apiClient.GET('/auth/me'))
        .then(({ user }) => live && setState({ phase: 'signed-in', user }))
        .catch((error: unknown) => {
          if (!live) return;
          if (error instanceof ApiError && error.status === 401) {
            setSessionHint(false);
            setState({ phase: 'signed-out' });
          } else setState({ phase: 'failed', error: asApiError(error) });
        });
    }
    const unsubscribe = onSignedOut(() => {
      setSessionHint(false);
      setState((previous) =>
        previous.phase === 'signed-in'
          ? { phase: 'signed-out', note: 'Your session has ended. Sign in again to continue.' }
          : previous,
      );
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  const signOut = async () => {
    try {
      await call(apiClient.POST('/auth/logout'));
    } finally {
      setSessionHint(false);
      setState({ phase: 'signed-out', note: 'You have signed out.' });
    }
  };

  if (state.phase === 'checking') return <Loading what="Checking your session" />;
  if (state.phase === 'failed') {
    return (
      <>
        <h1>{props.signInTitle}</h1>
        <ErrorMessage error={state.error} />
      </>
    );
  }
  if (state.phase === 'signed-out') {
    return (
      <SignInForm
        title={props.signInTitle}
        note={state.note}
        onSignedIn={(user) => setState({ phase: 'signed-in', user })}
      />
    );
  }
  const { user } = state;
  if (!allowed(props.area, user)) {
    return (
      <>
        <h1>{props.area === 'staff' ? 'Staff console' : 'Customer account'}</h1>
        <p>
          You are signed in as {user.email}
          {props.area === 'staff'
            ? ', a customer account. The staff console is for support staff.'
            : ', a staff account. The customer pages show a customer’s own agreements.'}
        </p>
        <p class="actions">
          <a class="button" href={homeOf(user)}>
            {user.role === 'customer' ? 'Go to your account' : 'Go to the staff console'}
          </a>
          <button type="button" class="secondary" onClick={signOut}>
            Sign out
          </button>
        </p>
      </>
    );
  }
  return <>{props.children(user, signOut)}</>;
}

function SignInForm(props: {
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

/** The customer pages' links (the current one marked). */
export const ACCOUNT_LINKS = (current: string) => [
  { href: '/account/', label: 'Service levels', current: current === '/account/' },
  { href: '/account/keys/', label: 'API keys', current: current === '/account/keys/' },
  {
    href: '/account/password/',
    label: 'Change password',
    current: current === '/account/password/',
  },
];

/** The staff console's links; administration only for admins. */
export const STAFF_LINKS = (user: SessionUser, current: string) => [
  { href: '/staff/', label: 'Claims queue', current: current === '/staff/' },
  { href: '/staff/credits/', label: 'Credits', current: current === '/staff/credits/' },
  // Help-desk requests close to missing their first-response target.
  { href: '/staff/support/', label: 'Support queue', current: current === '/staff/support/' },
  { href: '/staff/vendors/', label: 'Vendors', current: current === '/staff/vendors/' },
  {
    href: '/staff/statements/',
    label: 'Statements',
    current: current === '/staff/statements/',
  },
  // On call: incidents, maintenance and the windows behind every figure.
  { href: '/staff/incidents/', label: 'Incidents', current: current === '/staff/incidents/' },
  {
    href: '/staff/maintenance/',
    label: 'Maintenance',
    current: current === '/staff/maintenance/',
  },
  { href: '/staff/windows/', label: 'Windows', current: current === '/staff/windows/' },
  ...(user.role === 'admin'
    ? [
        {
          href: '/staff/admin/',
          label: 'Administration',
          current: current.startsWith('/staff/admin/'),
        },
      ]
    : []),
  {
    href: '/staff/notifications/',
    label: 'Notifications',
    current: current.startsWith('/staff/notifications/'),
  },
  { href: '/api/v1/docs', label: 'API reference' },
  {
    href: '/account/password/',
    label: 'Change password',
    current: current === '/account/password/',
  },
];

/** The links of the signed-in person's own area. */
export function linksFor(user: SessionUser, current: string) {
  return user.role === 'customer' ? ACCOUNT_LINKS(current) : STAFF_LINKS(user, current);
}

/** Who is signed in, the area's links, and sign-out. */
export function PortalBar(props: {
  user: SessionUser;
  signOut: () => Promise<void>;
  links: { href: string; label: string; current?: boolean }[];
}) {
  return (
    <nav class="portal-bar" aria-label="Account">
      <ul>
        {props.links.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={link.current ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
      <p class="who">
        <span>
          Signed in as <strong>{props.user.email}</strong>
          {props.user.role !== 'customer' && ` (${props.user.role})`}
        </span>
        <button type="button" class="secondary small" onClick={() => void props.signOut()}>
          Sign out
        </button>
      </p>
    </nav>
  );
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'CLIENT', error instanceof Error ? error.message : String(error));
}

/** An API error in words, with its field problems and the request id support can look up. */
export function ErrorMessage(props: { error: ApiError; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.focus) ref.current?.focus();
  }, [props.error, props.focus]);
  const { error } = props;
  return (
    <div class="alert" role="alert" tabIndex={-1} ref={ref}>
      <p>{error.message}</p>
      {error.issues.length > 0 && (
        <ul>
          {error.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path ? `${issue.path}: ` : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      {error.requestId && <p class="meta">Reference for support: {error.requestId}</p>}
      {(error.status === 0 || error.status >= 500) && <SupportLine />}
    </div>
  );
}

/**
 * The brand as the page was built with it (Base.astro writes it on <body>): the product name
 * for document titles, the support contact for error messages.
 */
export function pageBrand(): {
  productName: string;
  support: { href: string; label: string } | null;
} {
  const data = document.body.dataset;
  return {
    productName: data.productName ?? 'Service status',
    support:
      data.supportHref && data.supportLabel
        ? { href: data.supportHref, label: data.supportLabel }
        : null,
  };
}

/** "If this goes on, contact support", when the brand names a support contact. */
function SupportLine() {
  const { support } = pageBrand();
  if (support === null) return null;
  return (
    <p class="meta">
      If this goes on, contact support: <a href={support.href}>{support.label}</a>
    </p>
  );
}

export function Loading(props: { what: string }) {
  return (
    <p class="loading" role="status">
      {props.what}…
    </p>
  );
}

/** A claim status as a coloured tag whose text says it (colour is never the only cue). */
export function StatusTag(props: { status: string; label: string }) {
  return <span class={`status status-${props.status}`}>{props.label}</span>;
}

/** Met or missed a target, in words and colour; "No data" for a month nobody measured. */
export function MetTag(props: { met: boolean | null; status?: EvaluationResult['status'] }) {
  if (props.status === 'not-monitored') return <span class="status status-none">No data</span>;
  if (props.met === null) return <span class="status status-none">No figure</span>;
  return props.met ? (
    <span class="status status-met">Target met</span>
  ) : (
    <span class="status status-missed">Target missed</span>
  );
}

/** Reads `?name=` of the page's address. */
export function queryParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

/** Replaces the page's query (keeping the path) without a new history entry. */
export function setQuery(params: Record<string, string | null>): void {
  const search = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === '') search.delete(key);
    else search.set(key, value);
  }
  const text = search.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${text ? `?${text}` : ''}`);
}

/** A random Idempotency-Key (one per form, so a retried submit is the same request). */
export function newIdempotencyKey(): string {
  // getRandomValues works outside secure contexts too (randomUUID does not).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Previous / next for a cursor-paged list. `cursors` is the stack of cursors that led to the
 * page shown (the first page's is undefined).
 */
export function Pager(props: {
  cursors: (string | undefined)[];
  nextCursor: string | null;
  onChange: (cursors: (string | undefined)[]) => void;
}) {
  const { cursors, nextCursor } = props;
  if (cursors.length <= 1 && nextCursor === null) return null;
  return (
    <div class="pager">
      {cursors.length > 1 ? (
        <button
          type="button"
          class="secondary"
          onClick={() => props.onChange(cursors.slice(0, -1))}
        >
          ← Previous page
        </button>
      ) : (
        <span />
      )}
      {nextCursor !== null && (
        <button
          type="button"
          class="secondary"
          onClick={() => props.onChange([...cursors, nextCursor])}
        >
          Next page →
        </button>
      )}
    </div>
  );
}

/**
 * Service names by slug, from the public service list (some staff answers name services by
 * slug only). Empty until loaded; a failure leaves the slugs showing.
 */
export function useServiceNames(): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    call(apiClient.GET('/services'))
      .then((list) => setNames(new Map(list.items.map((service) => [service.slug, service.name]))))
      .catch(() => undefined);
  }, []);
  return names;
}
