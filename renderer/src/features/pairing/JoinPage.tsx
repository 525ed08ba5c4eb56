// /join: where a tablet lands from the QR code (/join?t=TOKEN&h=HOST&fp=FINGERPRINT) after
// signing in, or where a person types the short code. The code is redeemed once; the host's id
// and certificate fingerprint are compared with what the QR code promised.
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Answer } from '../../api/client';
import { ErrorNotice } from '../meetings/ErrorNotice';
import { compactFingerprint, groupFingerprint } from './fingerprint';
import './strings';
import './pairing.css';

type Redeemed = Answer<'redeemPairing'>;

/** Whether the host that answered is the one the link named (id and certificate). */
export function matchesLink(answer: Redeemed, hostId: string | null, fp: string | null): boolean {
  if (hostId && answer.host.hostId !== hostId) return false;
  if (
    fp &&
    (!answer.host.fingerprint ||
      compactFingerprint(answer.host.fingerprint) !== compactFingerprint(fp))
  )
    return false;
  return true;
}

export function JoinPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('t');
  const hostId = params.get('h');
  const fp = params.get('fp');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [joined, setJoined] = useState<Redeemed | null>(null);
  const redeemedToken = useRef<string | null>(null);

  async function redeem(body: { token: string } | { code: string }) {
    setBusy(true);
    setError(null);
    try {
      setJoined(await api.call('redeemPairing', { body }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    // A token works once: never send it twice (re-renders, development double effects).
    if (!token || redeemedToken.current === token) return;
    redeemedToken.current = token;
    void redeem({ token });
  }, [token]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (code.trim()) void redeem({ code: code.trim() });
  }

  if (joined) {
    const ok = matchesLink(joined, hostId, fp);
    return (
      <main className="page pairing-page" aria-labelledby="join-title">
        <h1 id="join-title">{ok ? t('pairing.joined') : t('pairing.joinTitle')}</h1>
        {!ok ? (
          <p className="error pairing-warning" role="alert" data-testid="pairing-mismatch">
            {t('pairing.mismatch')}
          </p>
        ) : (
          <>
            <p data-testid="pairing-joined">{t('pairing.host', { name: joined.host.name })}</p>
            {fp ? <p className="notice">{t('pairing.verified')}</p> : null}
            {joined.host.fingerprint ? (
              <p className="pairing-fingerprint">
                {t('pairing.fingerprint')}: {groupFingerprint(joined.host.fingerprint)}
              </p>
            ) : null}
            <div className="toolbar">
              {joined.meeting ? (
                <Link
                  className="btn btn-primary"
                  to={`/meetings/${joined.meeting.id}`}
                  data-testid="pairing-enter"
                  autoFocus
                >
                  {t('pairing.enterMeeting')}: {joined.meeting.title}
                </Link>
              ) : (
                <Link
                  className="btn btn-primary"
                  to="/meetings"
                  data-testid="pairing-enter"
                  autoFocus
                >
                  {t('pairing.toMeetings')}
                </Link>
              )}
            </div>
          </>
        )}
      </main>
    );
  }

  return (
    <main className="page pairing-page" aria-labelledby="join-title">
      <h1 id="join-title">{t('pairing.joinTitle')}</h1>
      {busy && token ? <p role="status">{t('pairing.working')}</p> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {!token || error ? (
        <form onSubmit={onSubmit} className="pairing-form">
          <p>{t('pairing.joinIntro')}</p>
          <label htmlFor="pairing-code-input">{t('pairing.codeLabel')}</label>
          <input
            id="pairing-code-input"
            className="pairing-code-input"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="K7M4-QX2B"
            data-testid="pairing-code-input"
            required
          />
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy}
            data-testid="pairing-submit"
          >
            {busy ? t('pairing.working') : t('pairing.submit')}
          </button>
        </form>
      ) : null}
    </main>
  );
}
