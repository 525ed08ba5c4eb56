// Keeps the papers of a published meeting on the device, one download at a time, and tells the
// UI which are there. Components read the state with useOfflineState().
import { useSyncExternalStore } from 'react';
import type { DocumentSummary, MeetingDetail } from '../../../../shared/api/schemas/meetings';
import {
  forgetOthers,
  keepOffline,
  offlinePapers,
  onOfflineChange,
  setOfflineUser,
} from './offline-cache';

export type OfflineState = 'saved' | 'saving' | 'failed';

let state: ReadonlyMap<string, OfflineState> = new Map();
const subscribers = new Set<() => void>();
let queue: Promise<void> = Promise.resolve();
let lastPlan = '';

function publish(next: Map<string, OfflineState>): void {
  state = next;
  for (const s of subscribers) s();
}
function set(id: string, value: OfflineState): void {
  const next = new Map(state);
  next.set(id, value);
  publish(next);
}

async function refreshFromStore(): Promise<void> {
  const stored = await offlinePapers();
  const next = new Map(state);
  for (const [id] of stored) if (next.get(id) !== 'saving') next.set(id, 'saved');
  publish(next);
}
onOfflineChange(() => void refreshFromStore());

/** Papers worth keeping: delegates get them once the meeting is published; organisers always. */
function papersToKeep(meeting: MeetingDetail): DocumentSummary[] {
  const organiser = meeting.myRole === 'secretary' || meeting.myRole === 'chair';
  if (meeting.status === 'draft' && !organiser) return [];
  // The current versions; replaced ones are fetched on demand.
  return meeting.documents.filter((d) => !d.replacedBy);
}

/** Downloads what is missing (or changed) and forgets what is no longer listed. Idempotent. */
export function syncMeetingPapers(meeting: MeetingDetail, userId: string): void {
  setOfflineUser(userId);
  const docs = papersToKeep(meeting);
  const plan = `${userId}|${meeting.id}|${meeting.status}|${docs.map((d) => `${d.id}:${d.sha256}`).join(',')}`;
  if (plan === lastPlan) return;
  lastPlan = plan;
  queue = queue.then(async () => {
    await refreshFromStore();
    const stored = await offlinePapers();
    for (const d of docs) {
      if (stored.get(d.id) === d.sha256) continue;
      set(d.id, 'saving');
      try {
        await keepOffline({ id: d.id, meetingId: meeting.id, sha256: d.sha256, title: d.title });
        set(d.id, 'saved');
      } catch {
        set(d.id, 'failed');
        // Try again on the next change (or page visit).
        lastPlan = '';
      }
    }
    await forgetOthers(meeting.id, new Set(docs.map((d) => d.id))).catch(() => undefined);
  });
}

export function useOfflineState(): ReadonlyMap<string, OfflineState> {
  return useSyncExternalStore(
    (cb) => {
      subscribers.add(cb);
      return () => subscribers.delete(cb);
    },
    () => state,
  );
}
