// The room screen's joining code (secretary, chair or admin): a QR code holding the join link
// (host address, one-time token, host id, certificate fingerprint), the short code to type, and
// the fingerprint to compare. Routes: /meetings/:meetingId/join-code and /admin/join-code.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Answer } from '../../api/client';
import { ErrorNotice } from '../meetings/ErrorNotice';
import { groupFingerprint } from './fingerprint';
import './strings';
import './pairing.css';

export function JoinCodePage() {
  const { t, i18n } = useTranslation();
  const { meetingId } = useParams();
  const [ticket, setTicket] = useState<Answer<'createPairing'> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef(false);

  const create = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      setTicket(await api.call('createPairing', { body: meetingId ? { meetingId } : {} }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, [meetingId]);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void create();
  }, [create]);

  const expires = ticket
    ? new Date(ticket.expiresAt).toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'vi-VN', {
        hour: '2-digit',
        minute: '2-digit',
      })
    : '';
  return (
    <main className="page pairing-page" aria-labelledby="join-code-title">
      <h1 id="join-code-title">{t('pairing.codeTitle')}</h1>
      <p>{t('pairing.codeIntro')}</p>
      {error ? <ErrorNotice error={error} /> : null}
      {busy && !ticket ? <p role="status">{t('pairing.creating')}</p> : null}
      {ticket ? (
        <div className="pairing-ticket">
          <img
            className="pairing-qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(ticket.qrSvg)}`}
            alt={t('pairing.qrAlt')}
            data-testid="pairing-qr"
            data-join-url={ticket.joinUrl}
          />
          <dl className="pairing-facts">
            <dt>{t('pairing.shortCode')}</dt>
            <dd className="pairing-code" data-testid="pairing-code">
              {ticket.code}
            </dd>
            <dd>{t('pairing.expires', { time: expires })}</dd>
            <dt>{t('pairing.address')}</dt>
            <dd data-testid="pairing-address">{new URL(ticket.joinUrl).origin}</dd>
            {ticket.host.fingerprint ? (
              <>
                <dt>{t('pairing.fingerprint')}</dt>
                <dd className="pairing-fingerprint" data-testid="pairing-fingerprint">
                  {groupFingerprint(ticket.host.fingerprint)}
                </dd>
                <dd>
                  <a href={api.href('hostCaCertificate')} download="phong-hop-ca.pem">
                    {t('pairing.caLink')}
                  </a>
                </dd>
              </>
            ) : (
              <dd className="notice">{t('pairing.noTls')}</dd>
            )}
          </dl>
        </div>
      ) : null}
      <div className="toolbar">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void create()}
          disabled={busy}
          data-testid="pairing-new"
        >
          {t('pairing.newCode')}
        </button>
        {meetingId ? (
          <Link className="btn" to={`/meetings/${meetingId}`}>
            {t('common.back')}
          </Link>
        ) : null}
      </div>
    </main>
  );
}
