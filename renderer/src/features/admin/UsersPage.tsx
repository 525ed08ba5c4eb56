// Admin only: every account, and a form to create one (POST /users).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useUser } from '../../app/auth/auth-context';
import { ErrorNotice } from '../meetings/ErrorNotice';
import './strings';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useUser();
  const { data, error, reload } = useApi('listUsers', {}, me.isAdmin ? 'users' : null);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [canCreate, setCanCreate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  if (!me.isAdmin) return <p className="error">{t('users.onlyAdmin')}</p>;

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFormError(null);
    setNotice('');
    try {
      const created = await api.call('createUser', {
        body: {
          username: username.trim().toLowerCase(),
          displayName: displayName.trim(),
          password,
          isAdmin,
          canCreateMeetings: canCreate,
        },
      });
      setNotice(t('users.created', { username: created.username }));
      setUsername('');
      setDisplayName('');
      setPassword('');
      setIsAdmin(false);
      setCanCreate(false);
      reload();
    } catch (err) {
      setFormError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>{t('users.title')}</h1>
      <ErrorNotice error={error} onRetry={reload} />
      <table className="data" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">{t('users.username')}</th>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.isAdmin')}</th>
            <th scope="col">{t('users.canCreateMeetings')}</th>
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((u) => (
            <tr key={u.id} data-testid="user-row">
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>{u.isAdmin ? t('users.yes') : t('users.no')}</td>
              <td>{u.canCreateMeetings ? t('users.yes') : t('users.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={(e) => void create(e)} aria-labelledby="new-user-heading">
        <h2 id="new-user-heading">{t('users.createHeading')}</h2>
        <div className="form-grid">
          <label className="field">
            <span>{t('users.username')}</span>
            <input
              required
              minLength={2}
              maxLength={64}
              autoCapitalize="none"
              spellCheck={false}
              aria-describedby="username-hint"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="user-username"
            />
            <small id="username-hint" className="muted">
              {t('users.usernameHint')}
            </small>
          </label>
          <label className="field">
            <span>{t('users.displayName')}</span>
            <input
              required
              maxLength={200}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              data-testid="user-display-name"
            />
          </label>
          <label className="field">
            <span>{t('users.password')}</span>
            <input
              required
              type="password"
              minLength={4}
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="user-password"
            />
          </label>
        </div>
        <label className="field field-inline">
          <input
            type="checkbox"
            checked={canCreate}
            onChange={(e) => setCanCreate(e.target.checked)}
          />
          <span>{t('users.canCreateMeetings')}</span>
        </label>
        <label className="field field-inline">
          <input type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} />
          <span>{t('users.isAdmin')}</span>
        </label>
        <ErrorNotice error={formError} />
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="user-create">
          {t('users.create')}
        </button>
      </form>
    </section>
  );
}
