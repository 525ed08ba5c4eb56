// Typed access to the live meeting doc sections this feature's host module projects
// ('attendance', 'speakers', 'ballots'), beside the shell's agenda and current item.
import type { Ballot } from '../../../../shared/api/schemas/ballots';
import type { AttendanceLive, SpeakersState } from '../../../../shared/api/schemas/live';
import type { AgendaItem, Participant } from '../../../../shared/api/schemas/meetings';
import { useLiveMeeting } from '../../collab/use-live-meeting';
import type { SyncPhase } from '../../collab/sync-doc';

export interface LiveMeetingView {
  ready: boolean;
  status: SyncPhase;
  attendance: AttendanceLive | undefined;
  participants: Participant[];
  speakers: SpeakersState | undefined;
  ballots: Ballot[];
  agenda: AgendaItem[];
  currentItem: AgendaItem | undefined;
  revision: number;
}

export function useLiveMeetingView(meetingId: string): LiveMeetingView {
  const { live, status } = useLiveMeeting(meetingId);
  const agenda = (live?.agenda ?? []) as AgendaItem[];
  const currentItemId = (live?.currentItemId ?? null) as string | null;
  return {
    ready: live !== null,
    status,
    attendance: live?.attendance as AttendanceLive | undefined,
    participants: (live?.participants ?? []) as Participant[],
    speakers: live?.speakers as SpeakersState | undefined,
    ballots: (live?.ballots ?? []) as Ballot[],
    agenda,
    currentItem: agenda.find((a) => a.id === currentItemId),
    revision: typeof live?.revision === 'number' ? live.revision : 0,
  };
}
