// Under each agenda item on the meeting page: the item's papers, one tap to open.
import { useTranslation } from 'react-i18next';
import type { SlotProps } from '../../app/slots';
import { PaperLink } from './PaperLink';
import { useOfflineState } from './offline-sync';
import './strings';

export function AgendaItemPapers({ documents }: SlotProps['meeting.agendaItem.papers']) {
  const { t } = useTranslation();
  const offline = useOfflineState();
  // Replaced versions stay reachable from the viewer's banner, not from the agenda.
  const current = documents.filter((d) => !d.replacedBy);
  if (current.length === 0) return null;
  return (
    <ul className="paper-list" aria-label={t('papers.heading')} data-testid="agenda-item-papers">
      {current.map((d) => (
        <li key={d.id}>
          <PaperLink doc={d} offline={offline.get(d.id)} />
        </li>
      ))}
    </ul>
  );
}
