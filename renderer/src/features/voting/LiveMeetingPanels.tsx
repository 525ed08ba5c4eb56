// The delegate view inside the meeting page (slot 'meeting.panels'): check in, ask to speak,
// vote. The chair and secretary see the same panels and open the console for the rest.
import { useUser } from '../../app/auth/auth-context';
import type { SlotProps } from '../../app/slots';
import { AttendancePanel } from '../attendance/AttendancePanel';
import { SpeakersPanel } from '../speakers/SpeakersPanel';
import { useLiveMeetingView } from './live-state';
import { VotePanel } from './VotePanel';
import './live-meeting.css';

export function LiveMeetingPanels({ meeting }: SlotProps['meeting.panels']) {
  const user = useUser();
  const live = useLiveMeetingView(meeting.id);
  const role = meeting.myRole;
  if (!role) return null;
  return (
    <div className="live-panels" data-testid="live-panels">
      <AttendancePanel
        meetingId={meeting.id}
        summary={live.attendance}
        participantIds={live.participants.map((p) => p.userId)}
        userId={user.id}
        manage={false}
      />
      <SpeakersPanel
        meetingId={meeting.id}
        state={live.speakers}
        currentItemId={live.currentItem?.id ?? null}
        userId={user.id}
        canRequest={role !== 'observer'}
        chair={false}
      />
      <VotePanel ballots={live.ballots} />
    </div>
  );
}
