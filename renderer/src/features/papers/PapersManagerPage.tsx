// /meetings/:meetingId/papers: the secretary attaches papers to the meeting and its agenda items,
// marks them confidential and chooses who may see them, replaces and removes them.
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { errorMessage } from '../../api/api-error';
import { useUser } from '../../app/auth/auth-context';
import { useMeetingTitle } from '../../app/meeting-title';
import { PaperRow } from './PaperRow';
import { UploadPanel } from './UploadPanel';
import './strings';

export function PapersManagerPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { meetingId = '' } = useParams();
  const {
    data: meeting,
    error,
    reload,
  } = useApi('getMeeting', { params: { m: meetingId } }, meetingId);
  useMeetingTitle(meeting?.title);

  if (!meeting)
    return error ? (
      <p className="error" role="alert">
        {errorMessage(error)}
      </p>
    ) : (
      <p role="status">{t('app.loading')}</p>
    );
  if (meeting.myRole !== 'secretary' && !user.isAdmin)
    return <p className="error">{t('editor.notAllowed')}</p>;

  const current = meeting.documents.filter((d) => !d.replacedBy);
  const itemTitle = (id: string | null) => {
    const i = meeting.agenda.findIndex((a) => a.id === id);
    return i >= 0 ? `${i + 1}. ${meeting.agenda[i]!.title}` : t('papers.general');
  };
  const groups = [...meeting.agenda.map((a) => a.id as string | null), null]
    .map((id) => ({
      id,
      docs: current.filter((d) =>
        id === null ? !meeting.agenda.some((a) => a.id === d.agendaItemId) : d.agendaItemId === id,
      ),
    }))
    .filter((g) => g.docs.length > 0);

  return (
    <section data-testid="papers-manager">
      <div className="toolbar">
        <h1 style={{ margin: 0, flex: 1 }}>{t('papers.manageTitle', { title: meeting.title })}</h1>
        <Link className="btn" to={`/meetings/${meeting.id}`}>
          {t('papers.backToMeeting')}
        </Link>
      </div>
      {meeting.status === 'draft' && <p className="notice">{t('papers.draftHint')}</p>}
      <UploadPanel meeting={meeting} onUploaded={reload} />
      {groups.length === 0 && <p className="muted">{t('papers.none')}</p>}
      {groups.map((g) => (
        <section key={g.id ?? 'general'} aria-label={itemTitle(g.id)}>
          <h2>{itemTitle(g.id)}</h2>
          <ul className="card-list" data-testid="paper-rows">
            {g.docs.map((d) => (
              <PaperRow key={d.id} meeting={meeting} doc={d} onChanged={reload} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
