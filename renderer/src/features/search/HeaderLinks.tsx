// Header links (slot 'header.actions'): search for everyone, the archive page for admins.
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../app/auth/auth-context';
import './strings';

export function HeaderLinks() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <>
      <NavLink to="/search" className="nav-link" data-testid="nav-search">
        {t('search.nav')}
      </NavLink>
      {user.isAdmin && (
        <NavLink to="/admin/archive" className="nav-link" data-testid="nav-archive">
          {t('archive.nav')}
        </NavLink>
      )}
    </>
  );
}
