// The secretary adds papers: several PDFs at once, each with its own progress bar and, if the
// host refuses it, the host's reason in words (not a PDF, too large, damaged...).
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormEvent } from 'react';
import type { MeetingDetail } from '../../../../shared/api/schemas/meetings';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { ReadersPicker } from './ReadersPicker';

interface UploadRow {
  key: string;
  name: string;
  percent: number;
  phase: 'sending' | 'processing' | 'done' | 'failed';
  message?: string;
}

export function UploadPanel({
  meeting,
  onUploaded,
}: {
  meeting: MeetingDetail;
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [agendaItemId, setAgendaItemId] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [readers, setReaders] = useState<Set<string>>(new Set());
  const [rows, setRows] = useState<UploadRow[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const update = (key: string, patch: Partial<UploadRow>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const files = Array.from(fileInput.current?.files ?? []);
    if (files.length === 0) return setFormError(t('papers.upload.noFiles'));
    if (confidential && readers.size === 0) return setFormError(t('papers.upload.noReaders'));
    setFormError(null);
    setBusy(true);
    const batch = files.map((f, i) => ({ file: f, key: `${Date.now()}-${i}-${f.name}` }));
    setRows((all) => [
      ...batch.map((b) => ({
        key: b.key,
        name: b.file.name,
        percent: 0,
        phase: 'sending' as const,
      })),
      ...all,
    ]);
    // One after another: the room's Wi-Fi is shared, and the host parses a few at a time anyway.
    for (const { file, key } of batch) {
      try {
        const doc = await api.upload(
          'createDocument',
          {
            params: { m: meeting.id },
            query: {
              filename: file.name,
              ...(agendaItemId ? { agendaItemId } : {}),
              confidential: confidential ? 'true' : 'false',
            },
            body: file,
          },
          {
            onProgress: (loaded, total) => {
              const percent = total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;
              update(key, { percent, phase: percent >= 100 ? 'processing' : 'sending' });
            },
          },
        );
        if (confidential)
          await api.call('putDocumentAccess', {
            params: { m: meeting.id, d: doc.id },
            body: [...readers],
          });
        update(key, { percent: 100, phase: 'done' });
        onUploaded();
      } catch (err) {
        update(key, { phase: 'failed', message: errorMessage(err) });
      }
    }
    if (fileInput.current) fileInput.current.value = '';
    setBusy(false);
  }

  return (
    <form
      className="card upload-panel"
      onSubmit={(e) => void submit(e)}
      data-testid="upload-panel"
      aria-labelledby={`${formId}-h`}
    >
      <h2 id={`${formId}-h`}>{t('papers.upload.heading')}</h2>
      <div className="field">
        <label htmlFor={`${formId}-files`}>{t('papers.upload.files')}</label>
        <input
          id={`${formId}-files`}
          ref={fileInput}
          type="file"
          accept="application/pdf,.pdf"
          multiple
          data-testid="upload-files"
        />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-item`}>{t('papers.upload.agendaItem')}</label>
        <select
          id={`${formId}-item`}
          value={agendaItemId}
          onChange={(e) => setAgendaItemId(e.target.value)}
          data-testid="upload-agenda-item"
        >
          <option value="">{t('papers.upload.noItem')}</option>
          {meeting.agenda.map((item, i) => (
            <option key={item.id} value={item.id}>
              {i + 1}. {item.title}
            </option>
          ))}
        </select>
      </div>
      <label className="field-inline" htmlFor={`${formId}-conf`}>
        <input
          id={`${formId}-conf`}
          type="checkbox"
          checked={confidential}
          onChange={(e) => setConfidential(e.target.checked)}
          data-testid="upload-confidential"
        />
        {t('papers.upload.confidential')}
      </label>
      {confidential && (
        <ReadersPicker
          participants={meeting.participants}
          selected={readers}
          onChange={setReaders}
          idPrefix={`${formId}-r`}
        />
      )}
      {formError && (
        <p className="error" role="alert">
          {formError}
        </p>
      )}
      <div className="toolbar">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={busy}
          data-testid="upload-submit"
        >
          {t('papers.upload.submit')}
        </button>
      </div>
      <ul className="upload-rows" aria-live="polite">
        {rows.map((r) => (
          <li key={r.key} data-testid="upload-row" data-phase={r.phase}>
            {r.phase === 'failed' ? (
              <span className="error" role="alert">
                {t('papers.upload.failed', { name: r.name, message: r.message ?? '' })}
              </span>
            ) : r.phase === 'done' ? (
              <span>{t('papers.upload.done', { name: r.name })}</span>
            ) : (
              <>
                <label htmlFor={`${formId}-${r.key}`}>
                  {r.phase === 'processing'
                    ? t('papers.upload.processing', { name: r.name })
                    : t('papers.upload.progress', { name: r.name, percent: r.percent })}
                </label>
                <progress
                  id={`${formId}-${r.key}`}
                  max={100}
                  value={r.phase === 'processing' ? undefined : r.percent}
                />
              </>
            )}
          </li>
        ))}
      </ul>
    </form>
  );
}
