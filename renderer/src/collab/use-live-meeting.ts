// The live meeting doc `meeting/<id>` (shared/sync/live-meeting.ts) is written by the host only:
// its root map holds one JSON value per section, replaced whole on change. This hook returns
// those sections and re-renders when any of them changes.
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { LIVE_ROOT } from '../../../shared/sync/live-meeting';
import type { LiveSections } from '../../../shared/sync/live-meeting';
import type { SyncPhase } from './sync-doc';
import { useSyncDoc } from './use-sync-doc';
import { useSyncStatus } from './use-sync-status';

/** Known sections typed, plus whatever other modules add (attendance, speakers, ballots...). */
export type LiveMeetingState = Partial<LiveSections> & Record<string, unknown>;

export interface LiveMeeting {
  /** null until the host's state has arrived. */
  live: LiveMeetingState | null;
  status: SyncPhase;
}

export function useLiveMeeting(meetingId: string | null | undefined): LiveMeeting {
  const handle = useSyncDoc(meetingId ? `meeting/${meetingId}` : null);
  const status = useSyncStatus(handle?.provider);
  const cache = useRef<{ doc: unknown; state: LiveMeetingState | null }>({
    doc: null,
    state: null,
  });

  const subscribe = useCallback(
    (cb: () => void) => {
      if (!handle) return () => {};
      const root = handle.doc.getMap<unknown>(LIVE_ROOT);
      const onChange = () => {
        cache.current = { doc: handle.doc, state: null };
        cb();
      };
      root.observe(onChange);
      return () => root.unobserve(onChange);
    },
    [handle],
  );

  const snapshot = useCallback((): LiveMeetingState | null => {
    if (!handle) return null;
    const c = cache.current;
    if (c.doc === handle.doc && c.state) return c.state;
    const root = handle.doc.getMap<unknown>(LIVE_ROOT);
    const state = root.size === 0 ? null : (root.toJSON() as LiveMeetingState);
    if (state) cache.current = { doc: handle.doc, state };
    return state;
  }, [handle]);

  const live = useSyncExternalStore(subscribe, snapshot);
  return { live, status };
}

/** One section of the live doc, e.g. `useLiveSection<SpeakerQueue>(m, 'speakers')`. */
export function useLiveSection<T>(
  meetingId: string | null | undefined,
  section: string,
): T | undefined {
  const { live } = useLiveMeeting(meetingId);
  return live?.[section] as T | undefined;
}
