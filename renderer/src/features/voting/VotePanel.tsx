// The delegate's voting panel: open ballots to vote in, and the results of closed ones.
import { useTranslation } from 'react-i18next';
import type { Ballot } from '../../../../shared/api/schemas/ballots';
import { BallotHeader } from './BallotHeader';
import { BallotResults } from './BallotResults';
import { VoteCard } from './VoteCard';
import './strings';

export function VotePanel({ ballots }: { ballots: Ballot[] }) {
  const { t } = useTranslation();
  const open = ballots.filter((b) => b.status === 'open');
  const closed = ballots.filter((b) => b.status === 'closed').reverse();
  return (
    <section className="live-panel" aria-labelledby="voting-heading" data-testid="vote-panel">
      <h2 id="voting-heading">{t('voting.heading')}</h2>
      {open.length === 0 && closed.length === 0 && <p className="muted">{t('voting.none')}</p>}
      {open.map((b) => (
        <VoteCard key={b.id} ballot={b} />
      ))}
      {closed.map((b) => (
        <article
          key={b.id}
          className="ballot-card"
          data-testid="closed-ballot"
          data-ballot-id={b.id}
        >
          <BallotHeader ballot={b} />
          <BallotResults ballot={b} />
        </article>
      ))}
    </section>
  );
}
