// "Joining code" on the meeting page (slot 'meeting.actions') for the secretary, the chair and admins.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../app/auth/auth-context';
import type { SlotProps } from '../../app/slots';
import './strings';

export function JoinCodeButton({ meeting }: SlotProps['meeting.actions']) {
  const { t } = useTranslation();
  const user = useUser();
  if (meeting.myRole !== 'secretary' && meeting.myRole !== 'chair' && !user.isAdmin) return null;
  return (
    <Link className="btn" to={`/meetings/${meeting.id}/join-code`} data-testid="pairing-open">
      {t('pairing.button')}
    </Link>
  );
}
