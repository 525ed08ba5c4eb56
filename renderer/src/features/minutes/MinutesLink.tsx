// The meeting page's toolbar link to the minutes (slot 'meeting.actions').
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SlotProps } from '../../app/slots';
import './strings';

export function MinutesLink({ meeting }: SlotProps['meeting.actions']) {
  const { t } = useTranslation();
  return (
    <Link className="btn" to={`/meetings/${meeting.id}/minutes`} data-testid="open-minutes">
      {t('minutes.link')}
    </Link>
  );
}
