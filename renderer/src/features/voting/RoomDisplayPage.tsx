// The room display for the projector: the current item, the speaker with a big timer, and the
// ballot of the moment (turnout while open, results once closed). Read-only, large type.
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SpeakerTimer } from '../speakers/SpeakerTimer';
import { AttendanceCounts } from '../attendance/AttendancePanel';
import { BallotHeader } from './BallotHeader';
import { BallotResults } from './BallotResults';
import { useLiveMeetingView } from './live-state';
import './live-meeting.css';
import '../speakers/strings';
import './strings';

export function RoomDisplayPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const live = useLiveMeetingView(meetingId);
  const current = live.speakers?.current ?? null;
  // The ballot to show: the open one, else the one closed last.
  const shown =
    live.ballots.find((b) => b.status === 'open') ??
    [...live.ballots]
      .filter((b) => b.status === 'closed')
      .sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? ''))
      .pop();
  return (
    <article className="room-display" data-testid="room-display">
      <section aria-labelledby="display-item">
        <h2 id="display-item" className="muted">
          {t('voting.currentItem')}
        </h2>
        <p className="display-item" data-testid="display-current-item">
          {live.currentItem?.title ?? t('voting.noCurrentItem')}
        </p>
        {live.attendance && <AttendanceCounts summary={live.attendance} />}
      </section>
      <section aria-labelledby="display-speaker" data-testid="display-speaker">
        <h2 id="display-speaker" className="muted">
          {t('speakers.current')}
        </h2>
        {current && live.speakers ? (
          <div className="display-speaker">
            <p className="display-name" data-testid="display-speaker-name">
              {current.displayName}
            </p>
            {current.startedAt && (
              <SpeakerTimer
                large
                startedAt={current.startedAt}
                limitSeconds={current.limitSeconds ?? live.speakers.settings.limitSeconds}
                warningSeconds={live.speakers.settings.warningSeconds}
              />
            )}
          </div>
        ) : (
          <p className="muted">{t('speakers.nobody')}</p>
        )}
      </section>
      {shown && (
        <section
          aria-label={t('voting.heading')}
          data-testid="display-ballot"
          data-ballot-id={shown.id}
          data-status={shown.status}
        >
          <BallotHeader ballot={shown} />
          <BallotResults ballot={shown} large />
        </section>
      )}
    </article>
  );
}
