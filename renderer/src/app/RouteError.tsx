// Shown when a page throws while rendering or loading: the header and navigation stay usable.
import { Link, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/api-error';

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <section className="page" role="alert">
      <h1>{t('common.error')}</h1>
      <p className="error">{errorMessage(error)}</p>
      <div className="toolbar">
        <button type="button" className="btn" onClick={() => location.reload()}>
          {t('common.retry')}
        </button>
        <Link className="btn" to="/meetings">
          {t('common.home')}
        </Link>
      </div>
    </section>
  );
}
