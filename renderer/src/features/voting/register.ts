// Puts the live meeting UI inside the meeting page (delegate view and toolbar links). The console
// and the room display are routes in app/routes.tsx.
import { registerSlot } from '../../app/slots';
import { LiveMeetingLinks } from './LiveMeetingLinks';
import { LiveMeetingPanels } from './LiveMeetingPanels';

registerSlot('meeting.panels', 'live-meeting', LiveMeetingPanels);
registerSlot('meeting.actions', 'live-meeting', LiveMeetingLinks);
