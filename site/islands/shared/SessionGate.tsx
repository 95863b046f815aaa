import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';
import { ApiError, onSignedOut } from '../../lib/client.ts';
import { asApiError, ErrorMessage, Loading } from './messages.tsx';
import { SignInForm } from './SignInForm.tsx';
import { sessionHint, setSessionHint } from './session-hint.ts';
import type { SessionUser } from './types.ts';

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
