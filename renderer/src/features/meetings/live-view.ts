// The meeting page shows the host's answer to GET /meetings/:m overlaid with the live doc: the
// live doc wins once it has arrived, because it changes without a reload.
import type {
  AgendaItem,
  MeetingDetail,
  Participant,
} from '../../../../shared/api/schemas/meetings';
import type { LiveMeetingState } from '../../collab/use-live-meeting';

export interface MeetingView {
  title: string;
  startsAt: string;
  location: string | null;
  organization: string | null;
  status: string;
  agenda: AgendaItem[];
  participants: Participant[];
  currentItemId: string | null;
}

export function meetingView(detail: MeetingDetail, live: LiveMeetingState | null): MeetingView {
  const facts = live?.meeting;
  const agenda = [...(live?.agenda ?? detail.agenda)].sort((a, b) => a.position - b.position);
  return {
    title: facts?.title ?? detail.title,
    startsAt: facts?.startsAt ?? detail.startsAt,
    location: facts ? facts.location : detail.location,
    organization: facts ? facts.organization : detail.organization,
    status: facts?.status ?? detail.status,
    agenda,
    participants: live?.participants ?? detail.participants,
    currentItemId:
      live && 'currentItemId' in live ? (live.currentItemId ?? null) : detail.currentItemId,
  };
}
