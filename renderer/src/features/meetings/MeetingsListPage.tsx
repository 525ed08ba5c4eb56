// The meetings the signed-in person takes part in (admins: all), newest first.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { useUser } from '../../app/auth/auth-context';
import { ErrorNotice } from './ErrorNotice';
import { formatDateTime } from './format';
import './strings';

export function MeetingsListPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { data, error, loading, reload } = useApi('listMeetings', {}, 'all');
  const meetings = [...(data ?? [])].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <section>
      <div className="toolbar">
        <h1 style={{ margin: 0, flex: 1 }}>{t('meetings.title')}</h1>
        {(user.canCreateMeetings || user.isAdmin) && (
          <Link className="btn btn-primary" to="/meetings/new" data-testid="meeting-new">
            {t('meetings.new')}
          </Link>
        )}
      </div>
      <ErrorNotice error={error} onRetry={reload} />
      {loading && !data && <p role="status">{t('app.loading')}</p>}
      {data && meetings.length === 0 && <p>{t('meetings.empty')}</p>}
      <ul className="card-list" data-testid="meeting-list">
        {meetings.map((m) => (
          <li key={m.id} className="card" data-testid="meeting-card" data-meeting-id={m.id}>
            <Link
              className="card-title"
              to={`/meetings/${m.id}`}
              aria-label={t('meetings.open', { title: m.title })}
            >
              {m.title}
            </Link>
            <div className="meta">
              <span>
                <span className="visually-hidden">{t('meetings.startsAt')}: </span>
                <time dateTime={m.startsAt}>{formatDateTime(m.startsAt)}</time>
              </span>
              {m.location && <span>{m.location}</span>}
              <span className={`badge badge-${m.status}`}>
                <span className="visually-hidden">{t('meetings.status')}: </span>
                {t(`status.${m.status}`)}
              </span>
              <span className="badge">
                <span className="visually-hidden">{t('meetings.myRole')}: </span>
                {m.myRole ? t(`role.${m.myRole}`) : t('role.admin')}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
