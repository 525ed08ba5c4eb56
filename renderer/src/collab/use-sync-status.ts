import { useCallback, useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { subscribeSyncPhase, syncPhaseOf } from './sync-doc';
import type { SyncPhase } from './sync-doc';

/** The live connection phase of a provider opened with openSyncDoc (re-renders on change). */
export function useSyncStatus(provider: WebsocketProvider | null | undefined): SyncPhase {
  const subscribe = useCallback(
    (cb: () => void) => (provider ? subscribeSyncPhase(provider, cb) : () => {}),
    [provider],
  );
  const snapshot = useCallback(
    (): SyncPhase => (provider ? syncPhaseOf(provider) : 'connecting'),
    [provider],
  );
  return useSyncExternalStore(subscribe, snapshot);
}
