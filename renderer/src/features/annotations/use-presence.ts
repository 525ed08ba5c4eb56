// Presence and follow mode over the shared doc's awareness (y-protocols): each viewer publishes
// who they are and which page they are on; the presenter (the chair, or the current agenda item's
// presenter) may also publish `presenting` with their page and zoom. A follower's viewer moves
// with the presenter until they detach.
import { useCallback, useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

export interface PresenceState {
  user: { id: string; name: string; color: string };
  page: number;
  presenting?: { page: number; scale: number } | null;
}

export interface Peer extends PresenceState {
  clientId: number;
}

const PALETTE = ['#b71c1c', '#0d47a1', '#1b5e20', '#4a148c', '#e65100', '#006064', '#3e2723'];
export function colourFor(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return PALETTE[Math.abs(h) % PALETTE.length]!;
}

function isPresence(v: unknown): v is PresenceState {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<PresenceState>;
  return (
    typeof s.user?.id === 'string' && typeof s.user.name === 'string' && typeof s.page === 'number'
  );
}

export function usePresence(provider: WebsocketProvider | null, me: { id: string; name: string }) {
  const [peers, setPeers] = useState<Peer[]>([]);

  useEffect(() => {
    if (!provider) return;
    const aw = provider.awareness;
    aw.setLocalStateField('user', { id: me.id, name: me.name, color: colourFor(me.id) });
    const refresh = () => {
      const list: Peer[] = [];
      aw.getStates().forEach((state, clientId) => {
        if (clientId !== aw.clientID && isPresence(state)) list.push({ ...state, clientId });
      });
      list.sort((a, b) => a.user.name.localeCompare(b.user.name, 'vi'));
      setPeers(list);
    };
    aw.on('change', refresh);
    refresh();
    return () => {
      aw.off('change', refresh);
    };
  }, [provider, me.id, me.name]);

  const publishView = useCallback(
    (page: number, scale: number, presenting: boolean) => {
      if (!provider) return;
      const aw = provider.awareness;
      aw.setLocalStateField('page', page);
      aw.setLocalStateField('presenting', presenting ? { page, scale } : null);
    },
    [provider],
  );

  const presenter = peers.find((p) => p.presenting) ?? null;
  return { peers, presenter, publishView };
}
