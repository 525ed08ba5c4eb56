// The secretary's workspace: /meetings/new creates a meeting; /meetings/:id/edit edits its
// details, participants and agenda, and publishes it.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/api/schemas/meetings';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useUser } from '../../app/auth/auth-context';
import { useMeetingTitle } from '../../app/meeting-title';
import { useLiveMeeting } from '../../collab/use-live-meeting';
import { AgendaEditor } from '../agenda/AgendaEditor';
import { ErrorNotice } from './ErrorNotice';
import { MeetingDetailsForm } from './MeetingDetailsForm';
import { ParticipantsEditor } from './ParticipantsEditor';
import './strings';
import './editor-strings';

export function MeetingEditorPage() {
  const { meetingId } = useParams();
  return meetingId ? <EditMeeting key={meetingId} meetingId={meetingId} /> : <NewMeeting />;
}

function NewMeeting() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  if (!user.canCreateMeetings && !user.isAdmin)
    return <p className="error">{t('editor.notAllowedCreate')}</p>;
  return (
    <section>
      <h1>{t('editor.newTitle')}</h1>
      <MeetingDetailsForm onSaved={(m) => void navigate(`/meetings/${m.id}/edit`)} />
    </section>
  );
}

function EditMeeting({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const { data, error, reload, setData } = useApi(
    'getMeeting',
    { params: { m: meetingId } },
    meetingId,
  );
  const [publishError, setPublishError] = useState<unknown>(null);
  const [publishing, setPublishing] = useState(false);
  // The agenda follows the live doc, so a second editor (another tab, an admin) stays current.
  const { live } = useLiveMeeting(meetingId);
  useMeetingTitle(data?.title);

  if (!data)
    return error ? (
      <ErrorNotice error={error} onRetry={reload} />
    ) : (
      <p role="status">{t('app.loading')}</p>
    );
  const detail: MeetingDetail = data;
  if (detail.myRole !== 'secretary' && !user.isAdmin)
    return <p className="error">{t('editor.notAllowed')}</p>;

  async function publish() {
    setPublishing(true);
    setPublishError(null);
    try {
      const m = await api.call('publishMeeting', { params: { m: meetingId } });
      setData({ ...detail, ...m });
    } catch (e) {
      setPublishError(e);
    } finally {
      setPublishing(false);
    }
  }

  return (
    <section data-testid="meeting-editor">
      <div className="toolbar">
        <h1 style={{ margin: 0, flex: 1 }}>{t('editor.editTitle')}</h1>
        <span className={`badge badge-${detail.status}`} data-testid="meeting-status">
          {t(`status.${detail.status}`)}
        </span>
        <Link className="btn" to={`/meetings/${meetingId}`} data-testid="meeting-view">
          {t('editor.view')}
        </Link>
      </div>
      {detail.status === 'draft' && (
        <div className="card" style={{ marginBottom: '1rem' }}>
          <p style={{ marginTop: 0 }}>{t('editor.publishHint')}</p>
          <button
            type="button"
            className="btn btn-primary"
            disabled={publishing}
            onClick={() => void publish()}
            data-testid="meeting-publish"
          >
            {t('editor.publish')}
          </button>
          <ErrorNotice error={publishError} />
        </div>
      )}
      <MeetingDetailsForm meeting={detail} onSaved={(m) => setData({ ...detail, ...m })} />
      <AgendaEditor
        meetingId={meetingId}
        agenda={live?.agenda ?? detail.agenda}
        participants={detail.participants}
      />
      <ParticipantsEditor meeting={detail} onSaved={setData} />
    </section>
  );
}
