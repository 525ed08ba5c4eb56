// The speaking timer: the host projects startedAt and the limit; every screen counts down locally,
// so the timer needs no traffic and agrees across devices (within their clock difference).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './strings';

export function remainingSeconds(startedAt: string, limitSeconds: number, now: number): number {
  return Math.ceil(limitSeconds - (now - Date.parse(startedAt)) / 1000);
}

export function formatClock(seconds: number): string {
  const s = Math.abs(seconds);
  return `${seconds < 0 ? '−' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function SpeakerTimer({
  startedAt,
  limitSeconds,
  warningSeconds,
  large = false,
}: {
  startedAt: string;
  limitSeconds: number;
  warningSeconds: number;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const left = remainingSeconds(startedAt, limitSeconds, now);
  const phase = left < 0 ? 'over' : left <= warningSeconds ? 'warn' : 'ok';
  return (
    <div
      className={`speaker-timer timer-${phase}${large ? ' timer-large' : ''}`}
      data-testid="speaker-timer"
      data-phase={phase}
    >
      <span className="visually-hidden">
        {left < 0 ? t('speakers.overtime') : t('speakers.timeLeft')}
      </span>
      <span aria-hidden="true">{formatClock(left)}</span>
      {phase === 'warn' && <span className="timer-note">{t('speakers.nearEnd')}</span>}
      {phase === 'over' && <span className="timer-note">{t('speakers.overtime')}</span>}
    </div>
  );
}
