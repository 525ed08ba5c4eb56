// The minutes of one meeting: the live draft (secretary and chair write, everyone reads),
// "Insert from the meeting", finalise / reopen, signing on this device, and verification.
import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useMeetingTitle } from '../../app/meeting-title';
import { useLiveMeeting } from '../../collab/use-live-meeting';
import { useSyncDoc } from '../../collab/use-sync-doc';
import { useSyncStatus } from '../../collab/use-sync-status';
import { ErrorNotice } from '../meetings/ErrorNotice';
import { SyncBadge } from '../meetings/SyncBadge';
import { factsContent } from './facts-content';
import { MinutesEditor } from './MinutesEditor';
import { SignPanel } from './SignPanel';
import { VerifyPanel } from './VerifyPanel';
import './strings';
import './minutes.css';

export function MinutesPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const { live } = useLiveMeeting(meetingId);
  // The host projects the minutes' state into the live doc: refetch whenever it changes.
  const liveKey = JSON.stringify(live?.minutes ?? null);
  const minutes = useApi('getMinutes', { params: { m: meetingId } }, `${meetingId}#${liveKey}`);
  const meeting = useApi('getMeeting', { params: { m: meetingId } }, meetingId);
  const handle = useSyncDoc(meetingId ? `minutes/${meetingId}` : null);
  const phase = useSyncStatus(handle?.provider);
  const [editor, setEditor] = useState<Editor | null>(null);
  const onEditor = useCallback((e: Editor | null) => setEditor(e), []);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const [signedAs, setSignedAs] = useState('');
  useMeetingTitle(meeting.data?.title);

  const state = minutes.data;
  const role = meeting.data?.myRole ?? null;
  const drafter = role === 'chair' || role === 'secretary';
  const status = state?.status ?? 'draft';
  const editable = drafter && status === 'draft';

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setActionError(null);
    try {
      await action();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  }

  const insertFacts = () =>
    run(async () => {
      const facts = await api.call('getMinutesFacts', { params: { m: meetingId } });
      editor?.chain().focus('end').insertContent(factsContent(facts, t)).run();
    });
  const finalize = () =>
    run(async () => {
      minutes.setData(await api.call('finalizeMinutes', { params: { m: meetingId } }));
    });
  const reopen = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      minutes.setData(
        await api.call('reopenMinutes', { params: { m: meetingId }, body: { reason } }),
      );
      setReason('');
    });
  };

  if (!state || !meeting.data)
    return minutes.error || meeting.error ? (
      <ErrorNotice error={minutes.error ?? meeting.error} onRetry={minutes.reload} />
    ) : (
      <p role="status">{t('app.loading')}</p>
    );

  const mySignatureMissing =
    drafter && role !== null && state.awaiting.includes(role as 'chair' | 'secretary');

  return (
    <article className="minutes-page" data-testid="minutes-page" data-status={status}>
      <header>
        <p>
          <Link to={`/meetings/${meetingId}`}>← {meeting.data.title}</Link>
        </p>
        <h1>{t('minutes.heading')}</h1>
        <div className="meta">
          <span className={`badge badge-${status}`} data-testid="minutes-status">
            {t(`minutes.status.${status}`)}
          </span>
          <SyncBadge phase={phase} />
        </div>
      </header>

      <p className="muted">
        {editable
          ? t('minutes.insertFactsHint')
          : status === 'draft'
            ? t('minutes.readOnly')
            : t('minutes.locked')}
      </p>
      {editable && (
        <div className="toolbar">
          <button
            type="button"
            className="btn"
            onClick={() => void insertFacts()}
            disabled={busy || !editor}
            data-testid="minutes-insert-facts"
          >
            {t('minutes.insertFacts')}
          </button>
          {role === 'secretary' && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void finalize()}
              disabled={busy}
              data-testid="minutes-finalize"
            >
              {t('minutes.finalize')}
            </button>
          )}
        </div>
      )}
      <ErrorNotice error={actionError} />
      {handle && <MinutesEditor doc={handle.doc} editable={editable} onEditor={onEditor} />}

      {status !== 'draft' && (
        <section className="minutes-after" aria-label={t('minutes.signatures')}>
          <p>
            <a
              className="btn"
              href={api.href('getMinutesPdf', { params: { m: meetingId } })}
              download="bien-ban.pdf"
              data-testid="minutes-download"
            >
              {t('minutes.download')}
            </a>
          </p>
          <section className="card">
            <h3>{t('minutes.signatures')}</h3>
            {state.signatures.length === 0 ? (
              <p className="muted">{t('minutes.noSignatures')}</p>
            ) : (
              <ul data-testid="minutes-signatures">
                {state.signatures.map((s) => (
                  <li key={s.id}>
                    {t(`minutes.role.${s.role}`)}: <strong>{s.signer}</strong>
                  </li>
                ))}
              </ul>
            )}
            {state.awaiting.length > 0 && (
              <p className="muted" data-testid="minutes-awaiting">
                {t('minutes.sign.awaiting', {
                  roles: state.awaiting.map((r) => t(`minutes.role.${r}`)).join(', '),
                })}
              </p>
            )}
          </section>
          {mySignatureMissing && (
            <SignPanel
              meetingId={meetingId}
              onSigned={(next, signer) => {
                minutes.setData(next);
                setSignedAs(signer);
              }}
            />
          )}
          {signedAs && (
            <p role="status" className="notice" data-testid="sign-done">
              {t('minutes.sign.done', { name: signedAs })}
            </p>
          )}
          {state.signatures.length > 0 && (
            <VerifyPanel meetingId={meetingId} pdfSha256={state.pdfSha256} />
          )}
          {drafter && (
            <form className="card" onSubmit={reopen}>
              <label className="field">
                <span>{t('minutes.reopenReason')}</span>
                <input
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  required
                  data-testid="minutes-reopen-reason"
                />
              </label>
              <button
                type="submit"
                className="btn btn-danger"
                disabled={busy || reason.trim() === ''}
                data-testid="minutes-reopen"
              >
                {t('minutes.reopen')}
              </button>
            </form>
          )}
        </section>
      )}
    </article>
  );
}
