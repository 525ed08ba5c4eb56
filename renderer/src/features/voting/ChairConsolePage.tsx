// The chair console: current item, attendance (the secretary marks anyone), speakers (give the
// floor, end the turn, reorder) and ballots (create, open, close, results).
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { useUser } from '../../app/auth/auth-context';
import { useMeetingTitle } from '../../app/meeting-title';
import { AttendancePanel } from '../attendance/AttendancePanel';
import { ErrorNotice } from '../meetings/ErrorNotice';
import { SpeakersPanel } from '../speakers/SpeakersPanel';
import { BallotConsole } from './BallotConsole';
import { useLiveMeetingView } from './live-state';
import './live-meeting.css';
import './strings';

export function ChairConsolePage() {
  const { t } = useTranslation();
  const user = useUser();
  const { meetingId = '' } = useParams();
  const {
    data: meeting,
    error,
    reload,
  } = useApi('getMeeting', { params: { m: meetingId } }, meetingId);
  const live = useLiveMeetingView(meetingId);
  useMeetingTitle(meeting?.title);
  if (!meeting)
    return error ? (
      <ErrorNotice error={error} onRetry={reload} />
    ) : (
      <p role="status">{t('app.loading')}</p>
    );
  const chair = meeting.myRole === 'chair';
  const organiser = chair || meeting.myRole === 'secretary';
  return (
    <article data-testid="chair-console" className="console">
      <header>
        <h1>{t('voting.console')}</h1>
        <p className="console-item" data-testid="console-current-item">
          <span className="muted">{t('voting.currentItem')}: </span>
          <strong>{live.currentItem?.title ?? t('voting.noCurrentItem')}</strong>
        </p>
        <div className="toolbar">
          <Link className="btn" to={`/meetings/${meetingId}`}>
            ← {meeting.title}
          </Link>
          <Link className="btn" to={`/meetings/${meetingId}/display`}>
            {t('voting.display')}
          </Link>
        </div>
      </header>
      <div className="console-grid">
        <div>
          <SpeakersPanel
            meetingId={meetingId}
            state={live.speakers}
            currentItemId={live.currentItem?.id ?? null}
            userId={user.id}
            canRequest={false}
            chair={chair}
          />
          <AttendancePanel
            meetingId={meetingId}
            summary={live.attendance}
            participantIds={live.participants.map((p) => p.userId)}
            userId={user.id}
            manage={organiser}
          />
        </div>
        <BallotConsole
          meetingId={meetingId}
          ballots={live.ballots}
          currentItemId={live.currentItem?.id ?? null}
          canRun={chair}
        />
      </div>
    </article>
  );
}
