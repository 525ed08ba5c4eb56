// Who may see which paper. One rule, used by every route that could leak a paper (meeting
// detail, file, thumbnail, text, search, sync docs of the paper):
// - the secretary and the chair see every paper of their meeting;
// - other participants see nothing until the meeting is published;
// - then they see every paper that is not confidential, and a confidential one only if named on it;
// - an admin who is not a participant sees the papers that are not confidential.
import type { MeetingRole } from '../../../shared/api/schemas/common';
import type { DocumentSummary } from '../../../shared/api/schemas/meetings';
import type { MeetingsRepo } from '../archive/repos/meetings';
import type { UsersRepo } from '../archive/repos/users';
import type { DocumentRecord, DocumentsRepo } from './documents-repo';
import { toSummary } from './documents-repo';

export function createPaperAccess(repo: DocumentsRepo, meetings: MeetingsRepo, users: UsersRepo) {
  function allowed(
    doc: DocumentRecord,
    userId: string,
    role: MeetingRole | null,
    status: string,
    isAdmin: boolean,
  ): boolean {
    if (doc.deleted) return false;
    if (role === 'secretary' || role === 'chair') return true;
    if (role === null) return isAdmin && !doc.confidential;
    if (status === 'draft') return false;
    if (!doc.confidential) return true;
    return repo.isListed(doc.lineageId, userId);
  }

  return {
    visibleTo(meetingId: string, userId: string, role: MeetingRole | null): DocumentSummary[] {
      const meeting = meetings.get(meetingId);
      if (!meeting) return [];
      const isAdmin = role === null && users.get(userId)?.isAdmin === true;
      // Replaced versions are listed too (with `replacedBy`): annotations made on them stay
      // readable, and a viewer can say that a newer version exists.
      return repo
        .allOfMeeting(meetingId)
        .filter((d) => allowed(d, userId, role, meeting.status, isAdmin))
        .map(toSummary);
    },
    meetingOf(documentId: string): string | undefined {
      return repo.meetingOf(documentId);
    },
    canSee(documentId: string, userId: string): boolean {
      const doc = repo.get(documentId);
      if (!doc) return false;
      const meeting = meetings.get(doc.meetingId);
      if (!meeting) return false;
      const role = meetings.roleOf(meeting.id, userId)?.role ?? null;
      const isAdmin = role === null && users.get(userId)?.isAdmin === true;
      return allowed(doc, userId, role, meeting.status, isAdmin);
    },
    /** Whether the user is the meeting's secretary or chair (sees access lists). */
    isOrganiser(meetingId: string, userId: string): boolean {
      const role = meetings.roleOf(meetingId, userId)?.role;
      return role === 'secretary' || role === 'chair';
    },
  };
}
export type PaperAccessService = ReturnType<typeof createPaperAccess>;
