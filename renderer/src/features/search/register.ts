// Puts the archive's UI into other pages: header links and the meeting page's export button.
import { registerSlot } from '../../app/slots';
import { ExportButton } from './ExportButton';
import { HeaderLinks } from './HeaderLinks';

registerSlot('header.actions', 'search', HeaderLinks);
registerSlot('meeting.actions', 'archive-export', ExportButton);
