// Header link to the host-wide joining code (slot 'header.actions'), for admins.
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../app/auth/auth-context';
import './strings';

export function HeaderJoinCodeLink() {
  const { t } = useTranslation();
  const user = useUser();
  if (!user.isAdmin) return null;
  return (
    <NavLink to="/admin/join-code" className="nav-link" data-testid="nav-join-code">
      {t('pairing.button')}
    </NavLink>
  );
}
