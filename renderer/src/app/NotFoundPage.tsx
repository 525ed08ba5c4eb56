import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('common.notFound')}</h1>
      <Link className="btn" to="/meetings">
        {t('common.home')}
      </Link>
    </section>
  );
}
