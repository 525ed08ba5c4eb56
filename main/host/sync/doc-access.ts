// Who may read and write which synchronised doc (api.md "Sync"). The one place that decides it:
// the upgrade asks before accepting a socket, and every incoming message asks again, so a removed
// participant or a finalised minutes draft stops being writable at once.
import type { DocName } from '../../../shared/sync/doc-names';
import type { User } from '../../../shared/api/schemas/users';
import type { Services } from '../services';

export type DocAccess =
  /** `presence`: whether the socket's awareness (who is here, on which page) is relayed. */
  | { read: true; write: boolean; presence: boolean }
  /** `not_found`: the caller may not even learn that the doc exists; `forbidden`: they may. */
  | { read: false; refusal: 'not_found' | 'forbidden' };

const NOT_FOUND = { read: false, refusal: 'not_found' } as const;
const FORBIDDEN = { read: false, refusal: 'forbidden' } as const;

type AccessServices = Pick<Services, 'meetings' | 'papers' | 'minutesState'>;

export function docAccess(services: AccessServices, doc: DocName, user: User): DocAccess {
  switch (doc.kind) {
    case 'meeting':
      return meetingDoc(services, doc.meetingId, user);
    case 'minutes':
      return minutesDoc(services, doc.meetingId, user);
    case 'annotations':
      return annotationsDoc(services, doc.documentId, user);
    case 'notes':
      return notesDoc(services, doc.documentId, doc.userId, user);
  }
}

/**
 * A participant's standing in a meeting as the HTTP layer sees it: delegates and observers do not
 * see a meeting that is still a draft (access.ts gives them 404 too).
 */
function standing(services: AccessServices, meetingId: string, userId: string) {
  const meeting = services.meetings.get(meetingId);
  if (!meeting) return undefined;
  const role = services.meetings.roleOf(meetingId, userId)?.role;
  if (!role) return { meeting, role: null };
  const organiser = role === 'secretary' || role === 'chair';
  if (meeting.status === 'draft' && !organiser) return { meeting, role: null };
  return { meeting, role };
}

// The live doc is written by the host alone (projection of the archive), so nobody writes here.
// Nobody's presence either: it means nothing on this doc, and relaying it would make each of a
// thousand delegates' devices receive every other device's renewal (each renews every 15 s).
function meetingDoc(services: AccessServices, meetingId: string, user: User): DocAccess {
  const s = standing(services, meetingId, user.id);
  if (!s) return NOT_FOUND;
  if (s.role || user.isAdmin) return { read: true, write: false, presence: false };
  return NOT_FOUND;
}

function minutesDoc(services: AccessServices, meetingId: string, user: User): DocAccess {
  const s = standing(services, meetingId, user.id);
  if (!s?.role) return NOT_FOUND;
  const drafter = s.role === 'secretary' || s.role === 'chair';
  return {
    read: true,
    write: drafter && services.minutesState(meetingId) === 'draft',
    presence: true,
  };
}

function annotationsDoc(services: AccessServices, documentId: string, user: User): DocAccess {
  if (!services.papers.canSee(documentId, user.id)) return NOT_FOUND;
  const meetingId = services.papers.meetingOf(documentId);
  const role = meetingId ? services.meetings.roleOf(meetingId, user.id)?.role : undefined;
  // Observers read what is shared with them but do not write shared annotations (design.md).
  return { read: true, write: role !== undefined && role !== 'observer', presence: true };
}

// Private notes: the owner only, and only while they may still see the paper.
function notesDoc(
  services: AccessServices,
  documentId: string,
  ownerId: string,
  user: User,
): DocAccess {
  if (!services.papers.canSee(documentId, user.id)) return NOT_FOUND;
  if (ownerId !== user.id) return FORBIDDEN;
  return { read: true, write: true, presence: true };
}
