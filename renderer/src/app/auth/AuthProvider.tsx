// Holds who is signed in. The token is kept in sessionStorage (see api/session-token); on start
// the stored token is checked with GET /me, and a 401 from any call signs the person out.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { User } from '../../../../shared/api/schemas/users';
import { api, onAuthLost } from '../../api/client';
import { readToken, writeToken } from '../../api/session-token';
import { AuthContext } from './auth-context';
import type { AuthState } from './auth-context';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => readToken());
  const [user, setUser] = useState<User | null | undefined>(() => (readToken() ? undefined : null));

  useEffect(() => {
    if (!token || user) return;
    let live = true;
    api.call('me').then(
      (me) => live && setUser(me),
      () => {
        if (!live) return;
        writeToken(null);
        setToken(null);
        setUser(null);
      },
    );
    return () => {
      live = false;
    };
  }, [token, user]);

  useEffect(
    () =>
      onAuthLost(() => {
        writeToken(null);
        setToken(null);
        setUser(null);
      }),
    [],
  );

  const login = useCallback(async (username: string, password: string) => {
    const answer = await api.call('login', { body: { username, password } });
    writeToken(answer.token);
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
    writeToken(null);
    setToken(null);
    setUser(null);
  }, []);

  const value = useMemo<AuthState>(
    () => ({ user, token, login, logout }),
    [user, token, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
