// Beside the agenda on the meeting page: every paper the caller may see, what is kept on the
// device for reading offline, and for the secretary the way to manage them. Visiting the meeting
// page is what keeps the device's copies current.
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SlotProps } from '../../app/slots';
import { useUser } from '../../app/auth/auth-context';
import { PaperLink } from './PaperLink';
import { syncMeetingPapers, useOfflineState } from './offline-sync';
import './strings';

export function PapersPanel({ meeting }: SlotProps['meeting.panels']) {
  const { t } = useTranslation();
  const user = useUser();
  const offline = useOfflineState();
  useEffect(() => {
    syncMeetingPapers(meeting, user.id);
  }, [meeting, user.id]);

  const current = meeting.documents.filter((d) => !d.replacedBy);
  const general = current.filter(
    (d) => !d.agendaItemId || !meeting.agenda.some((i) => i.id === d.agendaItemId),
  );
  const saved = current.filter((d) => offline.get(d.id) === 'saved').length;
  const canManage = meeting.myRole === 'secretary' || (user.isAdmin && meeting.myRole === null);

  return (
    <section className="papers-panel" aria-labelledby="papers-heading" data-testid="papers-panel">
      <h2 id="papers-heading">{t('papers.heading')}</h2>
      {current.length === 0 ? (
        <p className="muted">{t('papers.none')}</p>
      ) : (
        <p className="muted" data-testid="papers-offline-summary" aria-live="polite">
          {t('papers.offlineSummary', { saved, total: current.length })}
        </p>
      )}
      {general.length > 0 && (
        <>
          <h3>{t('papers.general')}</h3>
          <ul className="paper-list">
            {general.map((d) => (
              <li key={d.id}>
                <PaperLink doc={d} offline={offline.get(d.id)} />
              </li>
            ))}
          </ul>
        </>
      )}
      {canManage && (
        <Link className="btn" to={`/meetings/${meeting.id}/papers`} data-testid="papers-manage">
          {t('papers.manage')}
        </Link>
      )}
    </section>
  );
}
