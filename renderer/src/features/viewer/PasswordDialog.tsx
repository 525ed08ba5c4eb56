// Asks for a paper's password (pdf.js onPassword), again after a wrong one.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function PasswordDialog({
  reason,
  onAnswer,
}: {
  reason: 'need' | 'incorrect';
  onAnswer: (pw: string | null) => void;
}) {
  const { t } = useTranslation();
  const [pw, setPw] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), [reason]);
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pdf-pw-title"
        onSubmit={(e) => {
          e.preventDefault();
          onAnswer(pw);
          setPw('');
        }}
        onKeyDown={(e) => e.key === 'Escape' && onAnswer(null)}
      >
        <h2 id="pdf-pw-title">{t('viewer.passwordTitle')}</h2>
        <p role={reason === 'incorrect' ? 'alert' : undefined}>
          {reason === 'incorrect' ? t('viewer.passwordIncorrect') : t('viewer.passwordNeed')}
        </p>
        <label>
          {t('viewer.password')}
          <input
            ref={input}
            type="password"
            value={pw}
            onChange={(e) => setPw(e.target.value)}
            data-testid="pdf-password"
            autoComplete="off"
          />
        </label>
        <div className="modal-actions">
          <button type="submit" data-testid="pdf-password-submit">
            {t('viewer.open')}
          </button>
          <button type="button" onClick={() => onAnswer(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
