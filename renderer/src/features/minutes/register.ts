// Puts the minutes link on the meeting page; the pages themselves are routes in app/routes.tsx.
import { registerSlot } from '../../app/slots';
import { MinutesLink } from './MinutesLink';
import { TrustRootsLink } from './TrustRootsPage';

registerSlot('meeting.actions', 'minutes', MinutesLink);
registerSlot('header.actions', 'trust-roots', TrustRootsLink);
