// Who takes part and in which role. Admins pick from every account (GET /users); a secretary who
// is not an admin adds people by username (GET /users/lookup). Changes are kept locally until
// "Save", which sends the whole list (PUT /meetings/:m/participants).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingRole } from '../../../../shared/api/schemas/common';
import type { MeetingDetail, Participant } from '../../../../shared/api/schemas/meetings';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useUser } from '../../app/auth/auth-context';
import { ErrorNotice } from './ErrorNotice';

const ROLES: readonly MeetingRole[] = ['chair', 'secretary', 'delegate', 'observer'];
const votesByDefault = (role: MeetingRole) => role === 'delegate' || role === 'chair';

interface Props {
  meeting: MeetingDetail;
  onSaved: (meeting: MeetingDetail) => void;
}

export function ParticipantsEditor({ meeting, onSaved }: Props) {
  const { t } = useTranslation();
  const user = useUser();
  const [rows, setRows] = useState<Participant[]>(meeting.participants);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [pick, setPick] = useState('');
  const [username, setUsername] = useState('');
  const [newRole, setNewRole] = useState<MeetingRole>('delegate');
  const users = useApi('listUsers', {}, user.isAdmin ? 'users' : null);

  function change(next: Participant[]) {
    setRows(next);
    setDirty(true);
    setNotice('');
  }

  function addPerson(p: { id: string; username: string; displayName: string }) {
    if (rows.some((r) => r.userId === p.id)) {
      setError(new Error(t('participantsEditor.already', { name: p.displayName })));
      return;
    }
    setError(null);
    change([
      ...rows,
      {
        userId: p.id,
        username: p.username,
        displayName: p.displayName,
        role: newRole,
        canVote: votesByDefault(newRole),
      },
    ]);
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    if (user.isAdmin) {
      const found = users.data?.find((u) => u.id === pick);
      if (found) addPerson(found);
      setPick('');
      return;
    }
    const name = username.trim().toLowerCase();
    if (!name) return;
    try {
      addPerson(await api.call('lookupUser', { query: { username: name } }));
      setUsername('');
    } catch (err) {
      setError(err);
    }
  }

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const saved = await api.call('putParticipants', {
        params: { m: meeting.id },
        body: rows.map((r) => ({ userId: r.userId, role: r.role, canVote: r.canVote })),
      });
      setRows(saved.participants);
      setDirty(false);
      setNotice(t('participantsEditor.saved'));
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const available = (users.data ?? []).filter((u) => !rows.some((r) => r.userId === u.id));

  return (
    <section aria-labelledby="participants-heading" data-testid="participants-editor">
      <h2 id="participants-heading">{t('participantsEditor.heading')}</h2>
      {rows.length === 0 ? (
        <p>{t('participantsEditor.empty')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('participantsEditor.name')}</th>
              <th scope="col">{t('participantsEditor.role')}</th>
              <th scope="col">{t('participantsEditor.canVote')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('participantsEditor.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.userId} data-testid="participant-row" data-username={r.username}>
                <td>
                  {r.displayName} <span className="muted">({r.username})</span>
                </td>
                <td>
                  <select
                    aria-label={t('participantsEditor.roleFor', { name: r.displayName })}
                    value={r.role}
                    data-testid="participant-role"
                    onChange={(e) => {
                      const role = e.target.value as MeetingRole;
                      change(
                        rows.map((x, j) =>
                          j === i ? { ...x, role, canVote: votesByDefault(role) } : x,
                        ),
                      );
                    }}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`role.${role}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('participantsEditor.canVoteFor', { name: r.displayName })}
                    checked={r.canVote}
                    onChange={(e) =>
                      change(
                        rows.map((x, j) => (j === i ? { ...x, canVote: e.target.checked } : x)),
                      )
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small btn-danger"
                    aria-label={t('participantsEditor.removeFor', { name: r.displayName })}
                    onClick={() => change(rows.filter((_, j) => j !== i))}
                  >
                    {t('participantsEditor.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="form-grid"
        onSubmit={(e) => void add(e)}
        aria-label={t('participantsEditor.addHeading')}
      >
        {user.isAdmin ? (
          <label className="field">
            <span>{t('participantsEditor.pickUser')}</span>
            <select
              value={pick}
              onChange={(e) => setPick(e.target.value)}
              data-testid="participant-pick"
            >
              <option value="">{t('participantsEditor.pickNone')}</option>
              {available.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName} ({u.username})
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className="field">
            <span>{t('participantsEditor.byUsername')}</span>
            <input
              value={username}
              autoCapitalize="none"
              spellCheck={false}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="participant-username"
            />
          </label>
        )}
        <label className="field">
          <span>{t('participantsEditor.role')}</span>
          <select
            value={newRole}
            onChange={(e) => setNewRole(e.target.value as MeetingRole)}
            data-testid="participant-new-role"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="field" style={{ justifyContent: 'flex-end' }}>
          <button
            type="submit"
            className="btn"
            data-testid="participant-add"
            disabled={user.isAdmin ? !pick : !username.trim()}
          >
            {t('participantsEditor.add')}
          </button>
        </div>
      </form>
      <ErrorNotice error={error ?? users.error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {dirty && <p className="muted">{t('participantsEditor.unsaved')}</p>}
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy || !dirty}
        onClick={() => void save()}
        data-testid="participants-save"
      >
        {busy ? t('common.saving') : t('participantsEditor.save')}
      </button>
    </section>
  );
}
