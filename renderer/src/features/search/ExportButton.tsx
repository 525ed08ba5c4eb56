// "Export archive package" on the meeting page (slot 'meeting.actions'), for the secretary and
// admins. The package is streamed by the host; the button reads the stream to show progress
// against the size the host estimates, then hands the file to the browser to save.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorFromBody } from '../../api/api-error';
import { useUser } from '../../app/auth/auth-context';
import type { SlotProps } from '../../app/slots';
import { ErrorNotice } from '../meetings/ErrorNotice';
import { formatSize } from './format-size';
import './strings';
import './search.css';

function filenameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  return m?.[1] ? decodeURIComponent(m[1]) : fallback;
}

export function ExportButton({ meeting }: SlotProps['meeting.actions']) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const [progress, setProgress] = useState<{ received: number; estimated: number } | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (meeting.myRole !== 'secretary' && !user.isAdmin) return null;

  async function run() {
    setError(null);
    setDone(null);
    setProgress({ received: 0, estimated: 0 });
    try {
      const res = await fetch(api.href('exportMeeting', { params: { m: meeting.id } }), {
        headers: { 'Accept-Language': i18n.language },
      });
      if (!res.ok || !res.body) throw errorFromBody(res.status, await res.text(), res.statusText);
      const estimated = Number(res.headers.get('x-archive-estimated-size') ?? 0);
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let received = 0;
      for (;;) {
        const { done: end, value } = await reader.read();
        if (end) break;
        chunks.push(value);
        received += value.length;
        setProgress({ received, estimated });
      }
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'application/zip' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filenameOf(res, `${meeting.id}.zip`);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setDone(received);
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  }

  return (
    <span className="archive-export">
      <button
        type="button"
        className="btn"
        onClick={() => void run()}
        disabled={progress !== null}
        data-testid="export-meeting"
      >
        {t('archive.export')}
      </button>
      {progress && (
        <span className="archive-progress" role="status">
          <progress
            aria-label={t('archive.exporting')}
            max={Math.max(progress.estimated, progress.received, 1)}
            value={progress.received}
            data-testid="export-progress"
          />
          {formatSize(progress.received, i18n.language)}
        </span>
      )}
      {done !== null && (
        <span role="status" data-testid="export-done">
          {t('archive.exported', { size: formatSize(done, i18n.language) })}
        </span>
      )}
      <ErrorNotice error={error} />
    </span>
  );
}
