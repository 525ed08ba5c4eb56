// Puts the joining-code button on the meeting page.
import { registerSlot } from '../../app/slots';
import { JoinCodeButton } from './JoinCodeButton';

registerSlot('meeting.actions', 'pairing-code', JoinCodeButton);
