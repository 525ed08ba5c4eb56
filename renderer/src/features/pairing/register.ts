// Puts the joining-code button on the meeting page and, for admins, a link in the header.
import { registerSlot } from '../../app/slots';
import { HeaderJoinCodeLink } from './HeaderJoinCodeLink';
import { JoinCodeButton } from './JoinCodeButton';

registerSlot('meeting.actions', 'pairing-code', JoinCodeButton);
registerSlot('header.actions', 'pairing-code', HeaderJoinCodeLink);
