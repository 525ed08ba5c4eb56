// Speakers (đăng ký phát biểu): delegates ask and withdraw; the chair gives the floor, ends the
// turn and reorders the queue of the current agenda item. Everyone sees the queue live.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpeakersState } from '../../../../shared/api/schemas/live';
import { api } from '../../api/client';
import { ErrorNotice } from '../meetings/ErrorNotice';
import { SpeakerTimer } from './SpeakerTimer';
import './strings';

export function SpeakersPanel({
  meetingId,
  state,
  currentItemId,
  userId,
  canRequest,
  chair,
}: {
  meetingId: string;
  state: SpeakersState | undefined;
  currentItemId: string | null;
  userId: string;
  canRequest: boolean;
  chair: boolean;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const queue = state?.queues[currentItemId ?? ''] ?? [];
  const mine = queue.findIndex((r) => r.userId === userId);
  const current = state?.current ?? null;

  async function run(fn: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const move = (index: number, delta: number) =>
    run(() => {
      const ids = queue.map((r) => r.id);
      const [id] = ids.splice(index, 1);
      ids.splice(index + delta, 0, id!);
      return api.call('reorderSpeakers', { params: { m: meetingId }, body: ids });
    });

  return (
    <section className="live-panel" aria-labelledby="speakers-heading" data-testid="speakers-panel">
      <h2 id="speakers-heading">{t('speakers.heading')}</h2>
      <div className="speaker-current" data-testid="speaker-current">
        <h3>{t('speakers.current')}</h3>
        {current && state ? (
          <div className="speaker-now">
            <strong data-testid="speaker-current-name">{current.displayName}</strong>
            {current.startedAt && (
              <SpeakerTimer
                startedAt={current.startedAt}
                limitSeconds={current.limitSeconds ?? state.settings.limitSeconds}
                warningSeconds={state.settings.warningSeconds}
              />
            )}
            {chair && (
              <button
                type="button"
                className="btn btn-danger"
                disabled={busy}
                data-testid="speaker-stop"
                onClick={() =>
                  void run(() =>
                    api.call('stopSpeaker', { params: { m: meetingId, r: current.id } }),
                  )
                }
              >
                {t('speakers.stop')}
              </button>
            )}
          </div>
        ) : (
          <p className="muted">{t('speakers.nobody')}</p>
        )}
      </div>
      {canRequest && (
        <div className="toolbar">
          {mine < 0 ? (
            current?.userId === userId ? null : (
              <button
                type="button"
                className="btn btn-primary btn-big"
                disabled={busy}
                data-testid="speak-request"
                onClick={() =>
                  void run(() =>
                    api.call('requestToSpeak', {
                      params: { m: meetingId },
                      body: currentItemId ? { agendaItemId: currentItemId } : {},
                    }),
                  )
                }
              >
                {t('speakers.request')}
              </button>
            )
          ) : (
            <>
              <p className="notice" data-testid="speak-waiting">
                {t('speakers.waiting', { position: mine + 1 })}
              </p>
              <button
                type="button"
                className="btn"
                disabled={busy}
                data-testid="speak-withdraw"
                onClick={() =>
                  void run(() =>
                    api.call('withdrawSpeaker', { params: { m: meetingId, r: queue[mine]!.id } }),
                  )
                }
              >
                {t('speakers.withdraw')}
              </button>
            </>
          )}
        </div>
      )}
      <ErrorNotice error={error} />
      {chair && state && (
        <SpeakingSettingsForm
          meetingId={meetingId}
          limitSeconds={state.settings.limitSeconds}
          warningSeconds={state.settings.warningSeconds}
          onError={setError}
        />
      )}
      <h3>{t('speakers.queue')}</h3>
      {queue.length === 0 ? (
        <p className="muted">{t('speakers.empty')}</p>
      ) : (
        <ol className="speaker-queue" data-testid="speaker-queue">
          {queue.map((r, i) => (
            <li key={r.id} data-testid="speaker-row" data-user-id={r.userId}>
              <span className="speaker-name">{r.displayName}</span>
              {chair && (
                <span className="item-actions">
                  <button
                    type="button"
                    className="btn btn-small btn-primary"
                    disabled={busy}
                    data-testid="speaker-start"
                    aria-label={t('speakers.startFor', { name: r.displayName })}
                    onClick={() =>
                      void run(() =>
                        api.call('startSpeaker', { params: { m: meetingId, r: r.id }, body: {} }),
                      )
                    }
                  >
                    {t('speakers.start')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={busy || i === 0}
                    aria-label={t('speakers.upFor', { name: r.displayName })}
                    onClick={() => void move(i, -1)}
                  >
                    ↑ {t('speakers.up')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={busy || i === queue.length - 1}
                    aria-label={t('speakers.downFor', { name: r.displayName })}
                    onClick={() => void move(i, 1)}
                  >
                    ↓ {t('speakers.down')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-danger"
                    disabled={busy}
                    aria-label={t('speakers.removeFor', { name: r.displayName })}
                    onClick={() =>
                      void run(() =>
                        api.call('withdrawSpeaker', { params: { m: meetingId, r: r.id } }),
                      )
                    }
                  >
                    {t('speakers.remove')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The chair sets the time per turn and when the timer warns. */
function SpeakingSettingsForm({
  meetingId,
  limitSeconds,
  warningSeconds,
  onError,
}: {
  meetingId: string;
  limitSeconds: number;
  warningSeconds: number;
  onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(String(limitSeconds / 60));
  const [warning, setWarning] = useState(String(warningSeconds));
  const [busy, setBusy] = useState(false);
  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    onError(null);
    try {
      await api.call('setSpeakingSettings', {
        params: { m: meetingId },
        body: {
          limitSeconds: Math.round(Number(minutes) * 60),
          warningSeconds: Math.round(Number(warning)),
        },
      });
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="toolbar" onSubmit={(e) => void save(e)} aria-label={t('speakers.settings')}>
      <label className="field field-inline">
        <span>{t('speakers.limitMinutes')}</span>
        <input
          type="number"
          min={1}
          max={60}
          step={0.5}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          required
        />
      </label>
      <label className="field field-inline">
        <span>{t('speakers.warningSeconds')}</span>
        <input
          type="number"
          min={0}
          max={600}
          value={warning}
          onChange={(e) => setWarning(e.target.value)}
          required
        />
      </label>
      <button type="submit" className="btn btn-small" disabled={busy}>
        {t('speakers.saveSettings')}
      </button>
    </form>
  );
}
