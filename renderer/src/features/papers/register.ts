// The papers feature's places in other pages (imported once from app/routes.tsx).
import { registerSlot } from '../../app/slots';
import { AgendaItemPapers } from './AgendaItemPapers';
import { PapersPanel } from './PapersPanel';
import './papers.css';

registerSlot('meeting.agendaItem.papers', 'papers', AgendaItemPapers);
registerSlot('meeting.panels', 'papers', PapersPanel);
