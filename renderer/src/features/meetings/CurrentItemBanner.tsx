// "Now under discussion: 3. …" at the top of the meeting page. A polite live region, so a screen
// reader announces when the chair moves the meeting on.
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/api/schemas/meetings';

export function CurrentItemBanner({
  agenda,
  currentItemId,
}: {
  agenda: AgendaItem[];
  currentItemId: string | null;
}) {
  const { t } = useTranslation();
  const index = agenda.findIndex((i) => i.id === currentItemId);
  const item = agenda[index];
  return (
    <p className="current-banner" aria-live="polite" data-testid="current-item-banner">
      {item ? (
        <>
          <strong>{t('meeting.current')}:</strong> {index + 1}. {item.title}
        </>
      ) : null}
    </p>
  );
}
