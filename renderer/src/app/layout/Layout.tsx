// The signed-in frame: skip link, header (app name, meeting title, user, language, sign out),
// then the page. The header wraps on narrow tablets instead of hiding controls.
import { useMemo, useState } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth, useUser } from '../auth/auth-context';
import { MeetingTitleContext } from '../meeting-title';
import { Slot } from '../slots';
import { LanguageSwitch } from './LanguageSwitch';

export function Layout() {
  const { t } = useTranslation();
  const user = useUser();
  const { logout } = useAuth();
  const [title, setTitle] = useState<string | null>(null);
  const titleCtx = useMemo(() => ({ title, setTitle }), [title]);
  return (
    <MeetingTitleContext.Provider value={titleCtx}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/meetings" className="app-name">
          {t('app.name')}
        </Link>
        {title && (
          <span className="header-meeting" data-testid="header-meeting-title">
            {title}
          </span>
        )}
        <nav className="header-nav" aria-label={t('nav.main')}>
          <NavLink to="/meetings" end className="nav-link">
            {t('nav.meetings')}
          </NavLink>
          {user.isAdmin && (
            <NavLink to="/admin/users" className="nav-link">
              {t('nav.users')}
            </NavLink>
          )}
          <Slot name="header.actions" props={{}} />
        </nav>
        <div className="header-user">
          <span
            data-testid="app-user"
            className="user-name"
            title={t('auth.signedInAs', { name: user.displayName })}
          >
            {user.displayName}
          </span>
          <LanguageSwitch />
          <button
            type="button"
            className="btn btn-small"
            data-testid="logout"
            onClick={() => void logout()}
          >
            {t('auth.logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </MeetingTitleContext.Provider>
  );
}
