// Toolbar links on the meeting page (slot 'meeting.actions'): the chair console for the chair and
// secretary, the room display for everyone (it is meant for the projector).
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SlotProps } from '../../app/slots';
import './strings';

export function LiveMeetingLinks({ meeting }: SlotProps['meeting.actions']) {
  const { t } = useTranslation();
  const organiser = meeting.myRole === 'chair' || meeting.myRole === 'secretary';
  return (
    <>
      {organiser && (
        <Link className="btn" to={`/meetings/${meeting.id}/console`} data-testid="open-console">
          {t('voting.console')}
        </Link>
      )}
      <Link className="btn" to={`/meetings/${meeting.id}/display`} data-testid="open-display">
        {t('voting.display')}
      </Link>
    </>
  );
}
