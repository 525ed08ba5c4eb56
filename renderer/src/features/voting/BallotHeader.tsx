import { useTranslation } from 'react-i18next';
import type { Ballot } from '../../../../shared/api/schemas/ballots';
import { Countdown } from './Countdown';
import './strings';

/** Question, kind, state and (while open) the turnout — never the choices before close. */
export function BallotHeader({ ballot }: { ballot: Ballot }) {
  const { t } = useTranslation();
  return (
    <header className="ballot-head">
      <h3 data-testid="ballot-question">{ballot.question}</h3>
      <span className="badge">{ballot.secret ? t('voting.secret') : t('voting.named')}</span>{' '}
      <span className={`badge badge-ballot-${ballot.status}`} data-testid="ballot-status">
        {t(`voting.status.${ballot.status}`)}
      </span>{' '}
      {ballot.status === 'open' && ballot.turnout && (
        <span className="badge" data-testid="ballot-turnout">
          {t('voting.turnout', ballot.turnout)}
        </span>
      )}
      {ballot.status === 'open' && ballot.closesAt && <Countdown until={ballot.closesAt} />}
    </header>
  );
}
