import { ApiError } from '../api/api-error';
import type { MinutesStatus } from '../../../shared/api/schemas/minutes';

/**
 * What the signed minutes describe (meeting details, agenda, participants, papers and who may see
 * them, attendance, speakers, ballots) must stay as signed: an archived meeting, or one whose
 * minutes are signed, refuses every change to it with 409. Reopening the minutes (audited) lifts
 * the second lock; every editing command checks here, so there is one rule and one place to read it.
 */
export function assertMeetingWritable(
  meeting: { id: string; status: string },
  minutesState: (meetingId: string) => MinutesStatus,
): void {
  if (meeting.status === 'archived') throw new ApiError(409, 'meeting_locked');
  if (minutesState(meeting.id) === 'signed') throw new ApiError(409, 'minutes_signed_locked');
}
