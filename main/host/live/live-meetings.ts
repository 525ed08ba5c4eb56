import type * as Y from 'yjs';
import { LIVE_ROOT } from '../../../shared/sync/live-meeting';
import type { MeetingsRepo } from '../archive/repos/meetings';

/** Origin tag of host writes, so the sync layer can tell them from client updates. */
export const HOST_ORIGIN = Symbol('host');

export type LiveSection = (meetingId: string) => unknown;

/**
 * Projects the archive into each meeting's live doc. Domain modules register sections (a function
 * from meeting id to a JSON value); after every command that changes a meeting the host calls
 * `changed`, which rewrites only the sections whose value differs, in one Yjs transaction.
 */
export function createLiveMeetings(meetings: MeetingsRepo) {
  const sections = new Map<string, LiveSection>();
  let lookup: (meetingId: string) => Y.Doc | undefined = () => undefined;
  const lastJson = new WeakMap<Y.Doc, Map<string, string>>();

  sections.set('meeting', (id) => {
    const m = meetings.get(id);
    return (
      m && {
        id: m.id,
        title: m.title,
        startsAt: m.startsAt,
        location: m.location,
        organization: m.organization,
        status: m.status,
        currentItemId: m.currentItemId,
      }
    );
  });
  sections.set('agenda', (id) => meetings.agenda(id));
  sections.set('participants', (id) => meetings.participants(id));
  sections.set('currentItemId', (id) => meetings.get(id)?.currentItemId ?? null);

  function project(meetingId: string, doc: Y.Doc): void {
    const root = doc.getMap<unknown>(LIVE_ROOT);
    let seen = lastJson.get(doc);
    if (!seen) {
      seen = new Map();
      lastJson.set(doc, seen);
    }
    const known = seen;
    const values = [...sections].map(([name, fn]) => [name, fn(meetingId)] as const);
    doc.transact(() => {
      let changed = false;
      for (const [name, value] of values) {
        const json = JSON.stringify(value ?? null);
        if (known.get(name) === json) continue;
        known.set(name, json);
        root.set(name, value ?? null);
        changed = true;
      }
      if (changed) root.set('revision', ((root.get('revision') as number | undefined) ?? 0) + 1);
    }, HOST_ORIGIN);
  }

  return {
    addSection(name: string, fn: LiveSection): void {
      sections.set(name, fn);
    },
    /** The sync server tells where loaded meeting docs are. */
    setDocLookup(fn: (meetingId: string) => Y.Doc | undefined): void {
      lookup = fn;
    },
    project,
    changed(meetingId: string): void {
      const doc = lookup(meetingId);
      if (doc) project(meetingId, doc);
    },
  };
}
export type LiveMeetings = ReturnType<typeof createLiveMeetings>;
