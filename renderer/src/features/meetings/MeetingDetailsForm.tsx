// Title, start, location and organising body: creates a meeting, or patches the changed fields.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../shared/api/schemas/meetings';
import type { PatchMeetingBody } from '../../../../shared/api/schemas/meetings';
import { api } from '../../api/client';
import { ErrorNotice } from './ErrorNotice';
import { fromLocalInput, toLocalInput } from './format';

interface Props {
  meeting?: Meeting;
  onSaved: (meeting: Meeting) => void;
}

export function MeetingDetailsForm({ meeting, onSaved }: Props) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [startsAt, setStartsAt] = useState(meeting ? toLocalInput(meeting.startsAt) : '');
  const [location, setLocation] = useState(meeting?.location ?? '');
  const [organization, setOrganization] = useState(meeting?.organization ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setNotice('');
    const iso = fromLocalInput(startsAt);
    if (!iso) {
      setError(new Error(t('editor.badDate')));
      return;
    }
    setBusy(true);
    try {
      if (!meeting) {
        const created = await api.call('createMeeting', {
          body: {
            title: title.trim(),
            startsAt: iso,
            ...(location.trim() ? { location: location.trim() } : {}),
            ...(organization.trim() ? { organization: organization.trim() } : {}),
          },
        });
        onSaved(created);
        return;
      }
      const patch: PatchMeetingBody = {};
      if (title.trim() !== meeting.title) patch.title = title.trim();
      if (iso !== meeting.startsAt && toLocalInput(meeting.startsAt) !== startsAt)
        patch.startsAt = iso;
      if ((location.trim() || null) !== meeting.location) patch.location = location.trim() || null;
      if ((organization.trim() || null) !== meeting.organization)
        patch.organization = organization.trim() || null;
      const saved = Object.keys(patch).length
        ? await api.call('patchMeeting', { params: { m: meeting.id }, body: patch })
        : meeting;
      setNotice(t('editor.saved'));
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={(e) => void submit(e)}
      aria-labelledby="details-heading"
      data-testid="meeting-details-form"
    >
      <h2 id="details-heading">{t('editor.details')}</h2>
      <div className="form-grid">
        <label className="field" style={{ gridColumn: '1 / -1' }}>
          <span>{t('editor.title')}</span>
          <input
            required
            maxLength={500}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="meeting-title-input"
          />
        </label>
        <label className="field">
          <span>{t('editor.startsAt')}</span>
          <input
            type="datetime-local"
            required
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
            data-testid="meeting-starts-input"
          />
        </label>
        <label className="field">
          <span>{t('editor.location')}</span>
          <input
            maxLength={500}
            value={location}
            onChange={(e) => setLocation(e.target.value)}
            data-testid="meeting-location-input"
          />
        </label>
        <label className="field">
          <span>{t('editor.organization')}</span>
          <input
            maxLength={500}
            value={organization}
            onChange={(e) => setOrganization(e.target.value)}
            data-testid="meeting-organization-input"
          />
        </label>
      </div>
      <ErrorNotice error={error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={busy || !title.trim()}
        data-testid="meeting-details-submit"
      >
        {busy ? t('common.saving') : meeting ? t('common.save') : t('editor.create')}
      </button>
    </form>
  );
}
