import { createContext, useContext } from 'react';
import type { User } from '../../../../shared/api/schemas/users';

export interface AuthState {
  /** null while signed out; undefined while the stored token is being checked. */
  user: User | null | undefined;
  token: string | null;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<void>;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside <AuthProvider>');
  return ctx;
}

/** The signed-in user (inside routes that require one). */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
