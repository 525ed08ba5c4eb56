// Admin: the certificate authorities whose certificates may sign (Ban Cơ yếu Chính phủ's root).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useUser } from '../../app/auth/auth-context';
import { ErrorNotice } from '../meetings/ErrorNotice';
import { formatDateTime } from '../meetings/format';
import './strings';

export function TrustRootsLink() {
  const { t } = useTranslation();
  const me = useUser();
  if (!me.isAdmin) return null;
  return (
    <NavLink to="/admin/trust" className="nav-link" data-testid="open-trust">
      {t('trust.link')}
    </NavLink>
  );
}

/** DER certificate files (.cer/.crt) become PEM; PEM text is kept as it is. */
async function fileToPem(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  if (text.includes('-----BEGIN CERTIFICATE-----')) return text;
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `-----BEGIN CERTIFICATE-----\n${btoa(binary)}\n-----END CERTIFICATE-----\n`;
}

export function TrustRootsPage() {
  const { t } = useTranslation();
  const me = useUser();
  const { data, error, reload } = useApi('listTrustRoots', {}, 'trust-roots');
  const [pem, setPem] = useState('');
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);

  if (!me.isAdmin) return <p className="error">{t('trust.onlyAdmin')}</p>;

  async function add(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFormError(null);
    try {
      await api.call('addTrustRoot', { body: { pem } });
      setPem('');
      reload();
    } catch (err) {
      setFormError(err);
    } finally {
      setBusy(false);
    }
  }
  async function remove(id: string) {
    setFormError(null);
    try {
      await api.call('deleteTrustRoot', { params: { id } });
      reload();
    } catch (err) {
      setFormError(err);
    }
  }

  return (
    <section className="page" data-testid="trust-page">
      <h1>{t('trust.heading')}</h1>
      <p className="muted">{t('trust.intro')}</p>
      <ErrorNotice error={error} onRetry={reload} />
      {data && data.length === 0 && <p>{t('trust.empty')}</p>}
      {data && data.length > 0 && (
        <ul className="card-list" data-testid="trust-list">
          {data.map((root) => (
            <li key={root.id} className="card">
              <strong>{root.subject}</strong>
              <div className="muted">
                {t('trust.validUntil', { date: formatDateTime(root.notAfter) })}
              </div>
              <code className="muted">{root.sha256}</code>
              <div>
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  aria-label={t('trust.removeFor', { subject: root.subject })}
                  onClick={() => void remove(root.id)}
                >
                  {t('trust.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="card form-grid" onSubmit={add}>
        <label className="field">
          <span>{t('trust.pem')}</span>
          <textarea
            rows={8}
            value={pem}
            onChange={(e) => setPem(e.target.value)}
            data-testid="trust-pem"
          />
        </label>
        <label className="field">
          <span>{t('trust.file')}</span>
          <input
            type="file"
            accept=".pem,.crt,.cer,application/x-x509-ca-cert"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void fileToPem(f).then(setPem);
            }}
          />
        </label>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={busy || pem.trim() === ''}
          data-testid="trust-add"
        >
          {t('trust.add')}
        </button>
        <ErrorNotice error={formError} />
      </form>
    </section>
  );
}
