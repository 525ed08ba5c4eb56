// Holds who is signed in. The token is kept in sessionStorage (see api/session-token); on start
// the stored token is checked with GET /me, and a 401 from any call signs the person out. A host
// that cannot be reached signs nobody out: the tab carries on as the person it last knew.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { User } from '../../../../shared/api/schemas/users';
import { ApiClientError, api, onAuthLost } from '../../api/client';
import { answerKey, forgetAnswers, lastAnswer, rememberAnswer } from '../../api/last-answers';
import { readToken, writeToken } from '../../api/session-token';
import { AuthContext } from './auth-context';
import type { AuthState } from './auth-context';

// The session check starts as the app's script runs, not after the first render: every page a
// signed-in person sees waits for it. Taken once, by the first check.
let earlyMe: Promise<User> | null = readToken() ? api.call('me') : null;
earlyMe?.catch(() => undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => readToken());
  const [user, setUser] = useState<User | null | undefined>(() => (readToken() ? undefined : null));

  const signOutHere = useCallback(() => {
    forgetAnswers();
    writeToken(null);
    setToken(null);
    setUser(null);
  }, []);

  // Bumped when the network comes back: a tab that started offline with no one known from before
  // checks its session then. (One that carried on as the person it knew needs no check: its next
  // call's 401, if any, signs them out.)
  const [online, setOnline] = useState(0);
  useEffect(() => {
    const onOnline = () => setOnline((n) => n + 1);
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);

  useEffect(() => {
    if (!token || user) return;
    let live = true;
    const me = earlyMe ?? api.call('me');
    earlyMe = null;
    me.then(
      (me) => {
        if (!live) return;
        rememberAnswer(answerKey('me', '{}'), me);
        setUser(me);
      },
      (err: unknown) => {
        if (!live) return;
        // Host unreachable (a reload while the Wi-Fi is down): the session is not lost. Carry on
        // as the person this tab last knew, offline; any 401 later signs them out as usual.
        if (err instanceof ApiClientError && err.code === 'network') {
          const known = lastAnswer(answerKey('me', '{}')) as User | undefined;
          if (known) setUser(known);
          return;
        }
        signOutHere();
      },
    );
    return () => {
      live = false;
    };
  }, [token, user, online, signOutHere]);

  useEffect(() => onAuthLost(signOutHere), [signOutHere]);

  const login = useCallback(async (username: string, password: string) => {
    const answer = await api.call('login', { body: { username, password } });
    forgetAnswers();
    writeToken(answer.token);
    rememberAnswer(answerKey('me', '{}'), answer.user);
    setToken(answer.token);
    setUser(answer.user);
    return answer.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      if (readToken()) await api.call('logout');
    } catch {
      // Signed out locally either way; the host expires the session on its own.
    }
    signOutHere();
  }, [signOutHere]);

  const value = useMemo<AuthState>(
    () => ({ user, token, login, logout }),
    [user, token, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
