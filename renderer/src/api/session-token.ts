// The bearer token lives in sessionStorage: it survives a reload but not closing the tab, so a
// shared tablet does not keep the previous person signed in.
const KEY = 'phonghop.token';

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function writeToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled: the session lasts as long as the page.
  }
}
