// Signing from this device with a PKCS#12 file (chair or secretary, once the minutes are final).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Pkcs12Error } from '../../../../shared/signing/pkcs12';
import type { MinutesState } from '../../../../shared/api/schemas/minutes';
import { ErrorNotice } from '../meetings/ErrorNotice';
import { canSignHere, signMinutesOnDevice } from './sign-on-device';

/** `onSigned` gets the new state and the signer's name; the page shows the confirmation (this panel goes away). */
export function SignPanel({
  meetingId,
  onSigned,
}: {
  meetingId: string;
  onSigned: (state: MinutesState, signer: string) => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function sign(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await signMinutesOnDevice(
        meetingId,
        new Uint8Array(await file.arrayBuffer()),
        passphrase,
      );
      setPassphrase('');
      onSigned(result.minutes, result.signature.signer);
    } catch (err) {
      if (err instanceof Pkcs12Error)
        setError(
          new Error(
            err.reason === 'passphrase'
              ? t('minutes.sign.passphraseError')
              : t('minutes.sign.fileError'),
          ),
        );
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!canSignHere()) return <p className="notice">{t('minutes.sign.noCrypto')}</p>;
  return (
    <form className="card minutes-sign" onSubmit={sign} aria-labelledby="minutes-sign-heading">
      <h3 id="minutes-sign-heading">{t('minutes.sign.heading')}</h3>
      <p className="muted">{t('minutes.sign.keyStays')}</p>
      <label className="field">
        <span>{t('minutes.sign.file')}</span>
        <input
          type="file"
          accept=".p12,.pfx,application/x-pkcs12"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="sign-p12"
          required
        />
      </label>
      <label className="field">
        <span>{t('minutes.sign.passphrase')}</span>
        <input
          type="password"
          autoComplete="off"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          data-testid="sign-passphrase"
        />
      </label>
      <button
        type="submit"
        className="btn btn-primary"
        disabled={busy || !file}
        data-testid="sign-submit"
      >
        {busy ? t('minutes.sign.working') : t('minutes.sign.submit')}
      </button>
      <ErrorNotice error={error} />
    </form>
  );
}
