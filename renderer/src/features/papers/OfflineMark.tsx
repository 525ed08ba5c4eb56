import { useTranslation } from 'react-i18next';
import type { OfflineState } from './offline-sync';

/** A small mark telling whether a paper can be read without the network. */
export function OfflineMark({ state }: { state: OfflineState | undefined }) {
  const { t } = useTranslation();
  if (!state) return null;
  const label =
    state === 'saved'
      ? t('papers.offlineSaved')
      : state === 'saving'
        ? t('papers.offlineSaving')
        : t('papers.offlineFailed');
  const symbol = state === 'saved' ? '✓' : state === 'saving' ? '…' : '!';
  return (
    <span
      className={`offline-mark offline-${state}`}
      data-testid="paper-offline"
      data-state={state}
      title={label}
    >
      <span aria-hidden="true">{symbol}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
