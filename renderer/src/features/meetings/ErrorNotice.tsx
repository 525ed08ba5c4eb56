import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/api-error';

/** A host refusal or network failure, in words a person can act on, with an optional retry. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="error" role="alert">
      <span>{errorMessage(error)}</span>{' '}
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
