import { useTranslation } from 'react-i18next';
import type { SignatureReport } from '../../../../shared/api/schemas/minutes';
import { formatDateTime } from '../meetings/format';

export function allGood(r: SignatureReport): boolean {
  return r.valid && r.trusted && r.withinValidity && r.keyUsageOk;
}

/** "2 valid signatures", or how many are not valid. */
export function ReportSummary({ report, testId }: { report: SignatureReport[]; testId: string }) {
  const { t } = useTranslation();
  if (report.length === 0) return <p data-testid={testId}>{t('minutes.verify.none')}</p>;
  const bad = report.filter((r) => !allGood(r)).length;
  return (
    <p
      role="status"
      className={bad ? 'error' : 'notice'}
      data-testid={testId}
      data-valid={bad === 0 ? 'true' : 'false'}
    >
      {bad === 0
        ? t('minutes.verify.summary', { count: report.length })
        : t('minutes.verify.invalidSummary', { bad, count: report.length })}
    </p>
  );
}

export function SignatureReportTable({ report }: { report: SignatureReport[] }) {
  const { t } = useTranslation();
  const yn = (b: boolean) => (b ? t('minutes.verify.yes') : t('minutes.verify.no'));
  if (report.length === 0) return null;
  return (
    <div className="minutes-report-scroll">
      <table className="minutes-report">
        <thead>
          <tr>
            <th scope="col">{t('minutes.verify.signer')}</th>
            <th scope="col">{t('minutes.verify.time')}</th>
            <th scope="col">{t('minutes.verify.valid')}</th>
            <th scope="col">{t('minutes.verify.trusted')}</th>
            <th scope="col">{t('minutes.verify.validity')}</th>
            <th scope="col">{t('minutes.verify.keyUsage')}</th>
            <th scope="col">{t('minutes.verify.covers')}</th>
            <th scope="col">{t('minutes.verify.appended')}</th>
          </tr>
        </thead>
        <tbody>
          {report.map((r) => (
            <tr
              key={r.index}
              data-testid="signature-row"
              data-valid={allGood(r) ? 'true' : 'false'}
            >
              <th scope="row">{r.signer}</th>
              <td>{r.signedAt ? formatDateTime(r.signedAt) : '—'}</td>
              <td>{yn(r.valid)}</td>
              <td>{yn(r.trusted)}</td>
              <td>{yn(r.withinValidity)}</td>
              <td>{yn(r.keyUsageOk)}</td>
              <td>{yn(r.coversDocument)}</td>
              <td>{yn(r.appendedAfter)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
