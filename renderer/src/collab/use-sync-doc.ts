import { useCallback, useSyncExternalStore } from 'react';
import { useAuth } from '../app/auth/auth-context';
import { openSyncDoc, peekSyncDoc } from './sync-doc';
import type { SyncDocView } from './sync-doc';

/**
 * Keeps `docName` open while the component is mounted and returns its doc and provider (null
 * when signed out or docName is null). The connection is shared with other components using it.
 */
export function useSyncDoc(
  docName: string | null,
  opts: { offline?: boolean } = {},
): SyncDocView | null {
  const { token, user } = useAuth();
  const offline = opts.offline ?? false;
  const userId = user?.id;
  // Subscribing holds a reference; unsubscribing releases it.
  const subscribe = useCallback(
    (_onChange: () => void) => {
      if (!docName || !token) return () => {};
      const handle = openSyncDoc(docName, {
        token,
        offline,
        ...(userId ? { offlineUser: userId } : {}),
      });
      return () => handle.destroy();
    },
    [docName, token, offline, userId],
  );
  const snapshot = useCallback(
    () => (docName && token ? peekSyncDoc(docName, token) : null),
    [docName, token],
  );
  return useSyncExternalStore(subscribe, snapshot);
}
