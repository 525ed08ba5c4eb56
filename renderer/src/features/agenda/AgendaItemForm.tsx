// Title, presenter (a participant or free text) and duration of an agenda item; used to add an
// item and to edit one in place.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Participant } from '../../../../shared/api/schemas/meetings';

export interface AgendaItemFields {
  title: string;
  presenter: string | null;
  presenterUserId: string | null;
  durationMinutes: number | null;
}

interface Props {
  participants: Participant[];
  initial?: AgendaItem;
  submitLabel: string;
  busy: boolean;
  onSubmit: (fields: AgendaItemFields) => Promise<boolean>;
  onCancel?: () => void;
  testIdPrefix: string;
}

const OTHER = '__other__';

export function AgendaItemForm({
  participants,
  initial,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
  testIdPrefix,
}: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [presenterChoice, setPresenterChoice] = useState(
    initial?.presenterUserId ?? (initial?.presenter ? OTHER : ''),
  );
  const [presenterText, setPresenterText] = useState(
    initial?.presenterUserId ? '' : (initial?.presenter ?? ''),
  );
  const [duration, setDuration] = useState(
    initial?.durationMinutes != null ? String(initial.durationMinutes) : '',
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    const participant = participants.find((p) => p.userId === presenterChoice);
    const fields: AgendaItemFields = {
      title: title.trim(),
      presenter: participant
        ? participant.displayName
        : presenterChoice === OTHER
          ? presenterText.trim() || null
          : null,
      presenterUserId: participant ? participant.userId : null,
      durationMinutes: duration.trim() === '' ? null : Math.round(Number(duration)),
    };
    const ok = await onSubmit(fields);
    if (ok && !initial) {
      setTitle('');
      setPresenterChoice('');
      setPresenterText('');
      setDuration('');
    }
  }

  return (
    <form
      className="form-grid"
      onSubmit={(e) => void submit(e)}
      data-testid={`${testIdPrefix}-form`}
    >
      <label className="field" style={{ gridColumn: '1 / -1' }}>
        <span>{t('agendaEditor.title')}</span>
        <input
          required
          maxLength={1000}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          data-testid={`${testIdPrefix}-title`}
        />
      </label>
      <label className="field">
        <span>{t('agendaEditor.presenter')}</span>
        <select
          value={presenterChoice}
          onChange={(e) => setPresenterChoice(e.target.value)}
          data-testid={`${testIdPrefix}-presenter`}
        >
          <option value="">{t('agendaEditor.presenterNone')}</option>
          {participants.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.displayName}
            </option>
          ))}
          <option value={OTHER}>{t('agendaEditor.presenterOther')}</option>
        </select>
      </label>
      {presenterChoice === OTHER && (
        <label className="field" htmlFor={`${id}-presenter-name`}>
          <span>{t('agendaEditor.presenterName')}</span>
          <input
            id={`${id}-presenter-name`}
            maxLength={200}
            value={presenterText}
            onChange={(e) => setPresenterText(e.target.value)}
            data-testid={`${testIdPrefix}-presenter-name`}
          />
        </label>
      )}
      <label className="field">
        <span>{t('agendaEditor.duration')}</span>
        <input
          type="number"
          inputMode="numeric"
          min={0}
          max={1440}
          step={1}
          value={duration}
          onChange={(e) => setDuration(e.target.value)}
          data-testid={`${testIdPrefix}-duration`}
        />
      </label>
      <div className="toolbar" style={{ gridColumn: '1 / -1' }}>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={busy || !title.trim()}
          data-testid={`${testIdPrefix}-submit`}
        >
          {busy ? t('common.saving') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
