// One paper in the secretary's list: version, replace with a new version, delete, and who may see it.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary, MeetingDetail } from '../../../../shared/api/schemas/meetings';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { ReadersPicker } from './ReadersPicker';

export function PaperRow({
  meeting,
  doc,
  onChanged,
}: {
  meeting: MeetingDetail;
  doc: DocumentSummary;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const replaceInput = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [readers, setReaders] = useState<Set<string> | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<unknown>, done?: string) {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      await work();
      if (done) setNote(done);
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      setPercent(null);
    }
  }

  async function loadReaders() {
    const detail = await api.call('getDocument', { params: { d: doc.id } });
    setReaders(new Set(detail.access ?? []));
  }

  function replace(file: File) {
    void run(() =>
      api.upload(
        'createDocumentVersion',
        { params: { d: doc.id }, query: { filename: file.name }, body: file },
        { onProgress: (l, total) => setPercent(total ? Math.round((l / total) * 100) : 0) },
      ),
    );
  }

  return (
    <li className="card paper-row" data-testid="paper-row" data-document-id={doc.id}>
      <div className="paper-row-head">
        {!doc.encrypted && (
          <img
            className="paper-thumb"
            src={api.href('getDocumentThumbnail', { params: { d: doc.id } })}
            alt=""
            width={60}
            loading="lazy"
            onError={(e) => {
              // No thumbnail (the page could not be drawn): the title says enough.
              e.currentTarget.hidden = true;
            }}
          />
        )}
        <strong>{doc.title}</strong>
        {doc.confidential && (
          <span className="badge badge-confidential">{t('papers.confidential')}</span>
        )}
        {doc.encrypted && <span className="badge">{t('papers.encrypted')}</span>}
        <span className="muted">
          {doc.filename} · {t('papers.version', { n: doc.version })}
          {doc.pages > 0 && ` · ${t('papers.pages', { count: doc.pages })}`}
        </span>
      </div>
      <div className="item-actions">
        <input
          ref={replaceInput}
          id={`${id}-replace`}
          type="file"
          accept="application/pdf,.pdf"
          className="visually-hidden"
          aria-label={t('papers.replaceFile', { title: doc.title })}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) replace(file);
            e.target.value = '';
          }}
          data-testid="paper-replace-file"
        />
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onClick={() => replaceInput.current?.click()}
        >
          {t('papers.replace')}
        </button>
        {doc.confidential ? (
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => void run(loadReaders)}
            data-testid="paper-access"
          >
            {t('papers.access')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => void run(async () => setReaders(new Set()))}
            data-testid="paper-make-confidential"
          >
            {t('papers.makeConfidential')}
          </button>
        )}
        <button
          type="button"
          className="btn btn-small btn-danger"
          disabled={busy}
          aria-label={t('papers.deleteLabel', { title: doc.title })}
          data-testid="paper-delete"
          onClick={() => {
            if (window.confirm(t('papers.deleteConfirm', { title: doc.title })))
              void run(() => api.call('deleteDocument', { params: { d: doc.id } }));
          }}
        >
          {t('papers.delete')}
        </button>
      </div>
      {percent !== null && (
        <progress
          max={100}
          value={percent}
          aria-label={t('papers.upload.progress', { name: doc.filename, percent })}
        />
      )}
      {readers && (
        <div className="paper-access">
          <ReadersPicker
            participants={meeting.participants}
            selected={readers}
            onChange={setReaders}
            idPrefix={`${id}-r`}
          />
          <div className="item-actions">
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={busy || readers.size === 0}
              onClick={() =>
                void run(
                  () =>
                    api.call('putDocumentAccess', {
                      params: { m: meeting.id, d: doc.id },
                      body: [...readers],
                    }),
                  t('papers.accessSaved'),
                )
              }
              data-testid="paper-access-save"
            >
              {t('papers.accessSave')}
            </button>
            {doc.confidential && (
              <button
                type="button"
                className="btn btn-small"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    await api.call('patchDocument', {
                      params: { d: doc.id },
                      body: { confidential: false },
                    });
                    setReaders(null);
                  })
                }
              >
                {t('papers.makePublic')}
              </button>
            )}
          </div>
        </div>
      )}
      {note && <p role="status">{note}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
