// One meeting: facts, the live agenda (updates without a reload from `meeting/<id>`), the chair's
// "move to this item", the secretary's way into the editor, and slots for other features' panels.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/api/schemas/meetings';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useUser } from '../../app/auth/auth-context';
import { useMeetingTitle } from '../../app/meeting-title';
import { Slot } from '../../app/slots';
import { useLiveMeeting } from '../../collab/use-live-meeting';
import { AgendaView } from './AgendaView';
import { CurrentItemBanner } from './CurrentItemBanner';
import { ErrorNotice } from './ErrorNotice';
import { formatDateTime } from './format';
import { meetingView } from './live-view';
import { SyncBadge } from './SyncBadge';
import './strings';

export function MeetingPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { meetingId = '' } = useParams();
  const { live, status } = useLiveMeeting(meetingId);
  // Agenda, facts and participants come from the live doc; the details are re-read only when
  // what the live doc cannot carry changes: the papers (papersRevision fingerprint), the
  // caller's role (what they may see) or the meeting's status. Re-reading on every revision
  // would make each tablet fetch on every attendance mark or vote.
  const liveRole = live?.participants?.find((p) => p.userId === user.id)?.role ?? '';
  const papers = typeof live?.papersRevision === 'string' ? live.papersRevision : '';
  const refresh = `${papers}#${liveRole}#${live?.meeting?.status ?? ''}`;
  const { data, error, reload } = useApi(
    'getMeeting',
    { params: { m: meetingId } },
    `${meetingId}#${refresh}`,
  );
  // After following a link to another meeting, the previous one's details are not this page's.
  const detail = data?.id === meetingId ? data : undefined;
  const [busyItemId, setBusyItemId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const view = detail ? meetingView(detail, live) : null;
  useMeetingTitle(view?.title);

  if (!detail || !view)
    return error ? (
      <ErrorNotice error={error} onRetry={reload} />
    ) : (
      <p role="status">{t('app.loading')}</p>
    );

  const role = live?.participants ? liveRole || null : detail.myRole;
  const isChair = role === 'chair' || (user.isAdmin && role === null);
  const isSecretary = role === 'secretary' || (user.isAdmin && role === null);

  async function setCurrent(item: AgendaItem) {
    setBusyItemId(item.id);
    setActionError(null);
    try {
      await api.call('setCurrentAgendaItem', { params: { m: meetingId, i: item.id } });
      reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusyItemId(null);
    }
  }

  return (
    <article data-testid="meeting-page" data-meeting-id={detail.id}>
      <header>
        <h1 data-testid="meeting-title">{view.title}</h1>
        <div className="meta">
          <time dateTime={view.startsAt}>{formatDateTime(view.startsAt)}</time>
          {view.location && <span>{view.location}</span>}
          {view.organization && <span>{view.organization}</span>}
          <span className={`badge badge-${view.status}`}>{t(`status.${view.status}`)}</span>
          <span className="badge">{role ? t(`role.${role}`) : t('role.admin')}</span>
          <SyncBadge phase={status} />
        </div>
        <div className="toolbar">
          {isSecretary && (
            <Link className="btn" to={`/meetings/${detail.id}/edit`} data-testid="meeting-edit">
              {t('meeting.edit')}
            </Link>
          )}
          <Slot name="meeting.actions" props={{ meeting: detail }} />
        </div>
      </header>
      <ErrorNotice error={actionError} />
      <CurrentItemBanner agenda={view.agenda} currentItemId={view.currentItemId} />
      <div className="meeting-layout">
        <section aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">{t('meeting.agenda')}</h2>
          <AgendaView
            meeting={detail}
            agenda={view.agenda}
            currentItemId={view.currentItemId}
            canSetCurrent={isChair}
            busyItemId={busyItemId}
            onSetCurrent={(item) => void setCurrent(item)}
          />
        </section>
        <aside>
          <Slot name="meeting.panels" props={{ meeting: detail }} />
          <h2>{t('meeting.participants')}</h2>
          <ul data-testid="participant-list">
            {view.participants.map((p) => (
              <li key={p.userId}>
                {p.displayName} <span className="muted">({t(`role.${p.role}`)})</span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </article>
  );
}
