import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../speakers/SpeakerTimer';
import './strings';

/** Seconds left until a ballot's deadline, counted locally. */
export function Countdown({ until }: { until: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const left = Math.max(0, Math.ceil((Date.parse(until) - now) / 1000));
  return (
    <span className="badge badge-warn" data-testid="ballot-countdown">
      {t('voting.closesIn')}: {formatClock(left)}
    </span>
  );
}
