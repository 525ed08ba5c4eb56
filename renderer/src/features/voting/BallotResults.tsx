// A closed ballot's result: counts with percentages, the verdict by the rule and quorum, and for a
// named ballot who chose what.
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { Ballot } from '../../../../shared/api/schemas/ballots';
import { useApi } from '../../api/use-api';
import './strings';

/** Who chose what (named ballots): loaded from the host when opened, not carried by the live doc. */
function NamedVotes({ ballotId }: { ballotId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { data } = useApi('getBallot', { params: { b: ballotId } }, open ? ballotId : null);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="named-votes-toggle">
      <summary>{t('voting.whoVoted')}</summary>
      {data?.votes && (
        <ul data-testid="named-votes">
          {data.votes.map((v) => (
            <li key={v.userId}>
              {v.displayName}: {v.option}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

export function BallotResults({ ballot, large = false }: { ballot: Ballot; large?: boolean }) {
  const { t } = useTranslation();
  const r = ballot.result;
  if (!r) return null;
  const verdict = !r.quorumReached ? 'noQuorum' : r.passed ? 'passed' : 'rejected';
  return (
    <div
      className={`ballot-results${large ? ' results-large' : ''}`}
      data-testid="ballot-results"
      data-passed={r.passed}
    >
      <p
        className={`verdict verdict-${r.passed ? 'passed' : 'rejected'}`}
        data-testid="ballot-verdict"
      >
        {t(`voting.${verdict}`)}
      </p>
      <table className="live-table">
        <tbody>
          {ballot.options.map((o) => (
            <tr key={o} data-testid="result-row" data-option={o} data-count={r.counts[o] ?? 0}>
              <th scope="row">{o}</th>
              <td className="num">{r.counts[o] ?? 0}</td>
              <td className="num">{r.percentages[o] ?? 0}%</td>
              <td className="muted">
                {t('voting.percentOfMembers', { pct: r.percentagesOfMembers[o] ?? 0 })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {t('voting.summary', { members: r.members, present: r.present, cast: r.cast })} ·{' '}
        {t(`voting.rule.${ballot.rule}`)}
      </p>
      {!ballot.secret && r.cast > 0 && <NamedVotes ballotId={ballot.id} />}
    </div>
  );
}
