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
