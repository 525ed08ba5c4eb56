import { useTranslation } from 'react-i18next';
import type { SyncPhase } from '../../collab/sync-doc';

export function SyncBadge({ phase }: { phase: SyncPhase }) {
  const { t } = useTranslation();
  return (
    <span className="sync-status" data-phase={phase} data-testid="sync-status" role="status">
      {t(`sync.${phase}`)}
    </span>
  );
}
