// Admin page: import a meeting package from another host (upload with progress, then the host's
// verification report), and download a backup of the whole data folder.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Answer } from '../../api/client';
import { useUser } from '../../app/auth/auth-context';
import { ErrorNotice } from '../meetings/ErrorNotice';
import { formatSize } from './format-size';
import './strings';
import './search.css';

export function ArchivePage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [result, setResult] = useState<Answer<'importPackage'> | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!user.isAdmin) return <p className="error">{t('archive.onlyAdmin')}</p>;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setResult(null);
    setProgress({ loaded: 0, total: file.size });
    try {
      const answer = await api.upload(
        'importPackage',
        { body: file },
        { onProgress: (loaded, total) => setProgress({ loaded, total }) },
      );
      setResult(answer);
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  }

  return (
    <section>
      <h1>{t('archive.title')}</h1>
      <form onSubmit={(e) => void submit(e)} aria-labelledby="import-heading">
        <h2 id="import-heading">{t('archive.importHeading')}</h2>
        <label className="field">
          <span>{t('archive.importFile')}</span>
          <input
            type="file"
            accept=".zip,application/zip"
            data-testid="import-file"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!file || progress !== null}
          data-testid="import-submit"
        >
          {t('archive.importSubmit')}
        </button>
        {progress && (
          <span className="archive-progress" role="status">
            <progress
              aria-label={t('archive.importing')}
              max={Math.max(progress.total, 1)}
              value={progress.loaded}
            />
            {formatSize(progress.loaded, i18n.language)} /{' '}
            {formatSize(progress.total, i18n.language)}
          </span>
        )}
      </form>
      <ErrorNotice error={error} />
      {result && (
        <div className="notice" role="status" data-testid="import-result">
          <p>{t('archive.imported', { title: result.title, files: result.files })}</p>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('archive.check')}</th>
                <th scope="col" />
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {result.checks.map((c) => (
                <tr key={c.name} data-testid="import-check">
                  <td>{c.name}</td>
                  <td>{c.ok ? t('archive.ok') : t('archive.failed')}</td>
                  <td>{c.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Link
            className="btn"
            to={`/meetings/${encodeURIComponent(result.meetingId)}`}
            data-testid="import-open"
          >
            {t('archive.openMeeting')}
          </Link>
        </div>
      )}
      <h2>{t('archive.backupHeading')}</h2>
      <p>{t('archive.backupHint')}</p>
      <a className="btn" href={api.href('backupArchive')} download data-testid="backup-download">
        {t('archive.backup')}
      </a>
    </section>
  );
}
