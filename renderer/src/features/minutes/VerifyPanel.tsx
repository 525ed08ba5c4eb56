// Verification of the meeting's signed minutes (any participant), and of any signed PDF file.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignatureReport } from '../../../../shared/api/schemas/minutes';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../meetings/ErrorNotice';
import { ReportSummary, SignatureReportTable } from './SignatureReportTable';

export function VerifyPanel({
  meetingId,
  pdfSha256,
}: {
  meetingId: string;
  pdfSha256: string | null;
}) {
  const { t } = useTranslation();
  const { data, error, reload } = useApi(
    'verifyMinutes',
    { params: { m: meetingId } },
    pdfSha256 ? `${meetingId}#${pdfSha256}` : null,
  );
  return (
    <section className="card" aria-labelledby="minutes-verify-heading">
      <h3 id="minutes-verify-heading">{t('minutes.verify.heading')}</h3>
      {data && <ReportSummary report={data} testId="verify-summary" />}
      {data && <SignatureReportTable report={data} />}
      <ErrorNotice error={error} onRetry={reload} />
      <button type="button" className="btn btn-small" onClick={reload} data-testid="verify-again">
        {t('minutes.verify.check')}
      </button>
      <VerifyFile />
    </section>
  );
}

function VerifyFile() {
  const { t } = useTranslation();
  const [report, setReport] = useState<SignatureReport[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function check(file: File | undefined) {
    setReport(null);
    setError(null);
    if (!file) return;
    try {
      setReport(await api.call('verifyPdf', { body: file }));
    } catch (err) {
      setError(err);
    }
  }
  return (
    <div className="minutes-verify-file">
      <label className="field">
        <span>{t('minutes.verify.file')}</span>
        <input
          type="file"
          accept="application/pdf,.pdf"
          onChange={(e) => void check(e.target.files?.[0])}
          data-testid="verify-file"
        />
      </label>
      {report && <ReportSummary report={report} testId="verify-file-summary" />}
      {report && <SignatureReportTable report={report} />}
      <ErrorNotice error={error} />
    </div>
  );
}
