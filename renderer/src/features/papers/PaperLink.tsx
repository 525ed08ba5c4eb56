import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/api/schemas/meetings';
import { OfflineMark } from './OfflineMark';
import type { OfflineState } from './offline-sync';

/** One tap from the agenda to the viewer. */
export function PaperLink({
  doc,
  offline,
}: {
  doc: DocumentSummary;
  offline: OfflineState | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Link
      className="paper-link"
      to={`/meetings/${doc.meetingId}/documents/${doc.id}`}
      data-testid="paper-link"
      data-document-id={doc.id}
      aria-label={t('papers.open', { title: doc.title })}
    >
      <span className="paper-title">{doc.title}</span>
      {doc.confidential && (
        <span className="badge badge-confidential">{t('papers.confidential')}</span>
      )}
      {doc.encrypted && <span className="badge">{t('papers.encrypted')}</span>}
      {doc.pages > 0 && <span className="muted">{t('papers.pages', { count: doc.pages })}</span>}
      <OfflineMark state={offline} />
    </Link>
  );
}
