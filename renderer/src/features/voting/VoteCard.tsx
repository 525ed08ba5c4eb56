// One open ballot on a delegate's device: big buttons, a confirmation step, then "your vote is
// recorded". The recorded state comes from the host (GET /ballots/:b myVote), so it survives a
// reload; a secret ballot's device is never told the choice back.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ballot } from '../../../../shared/api/schemas/ballots';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../meetings/ErrorNotice';
import { BallotHeader } from './BallotHeader';
import './strings';

export function VoteCard({ ballot }: { ballot: Ballot }) {
  const { t } = useTranslation();
  const { data, setData, reload } = useApi(
    'getBallot',
    { params: { b: ballot.id } },
    `${ballot.id}#${ballot.status}`,
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const my = data?.myVote;

  async function send(option: string) {
    setBusy(true);
    setError(null);
    try {
      await api.call('castVote', { params: { b: ballot.id }, body: { option } });
      if (data)
        setData({
          ...data,
          myVote: { eligible: true, voted: true, option: ballot.secret ? null : option },
        });
      setChosen(null);
    } catch (e) {
      setError(e);
      reload();
    } finally {
      setBusy(false);
    }
  }

  const canVote = my?.eligible === true && (!my.voted || ballot.allowChange);
  return (
    <article className="ballot-card" data-testid="vote-card" data-ballot-id={ballot.id}>
      <BallotHeader ballot={ballot} />
      {my?.voted && (
        <p className="notice vote-recorded" role="status" data-testid="vote-recorded">
          ✓ {my.option ? t('voting.recordedOption', { option: my.option }) : t('voting.recorded')}
        </p>
      )}
      {my && !my.eligible && (
        <p className="muted" data-testid="vote-not-eligible">
          {t('voting.notEligible')}
        </p>
      )}
      {canVote && chosen === null && (
        <div className="vote-buttons" role="group" aria-label={ballot.question}>
          {ballot.options.map((o, i) => (
            <button
              key={o}
              type="button"
              className={`btn btn-vote vote-${i}`}
              disabled={busy}
              aria-pressed={my?.option === o}
              data-testid="vote-option"
              data-option={o}
              onClick={() => setChosen(o)}
            >
              {o}
            </button>
          ))}
        </div>
      )}
      {chosen !== null && (
        <div
          className="vote-confirm"
          role="alertdialog"
          aria-labelledby={`confirm-${ballot.id}`}
          data-testid="vote-confirm"
        >
          <p id={`confirm-${ballot.id}`}>
            <strong>{t('voting.confirmTitle')}</strong>{' '}
            {t('voting.confirmText', { option: chosen })}
          </p>
          <div className="toolbar">
            <button
              type="button"
              className="btn btn-primary btn-big"
              disabled={busy}
              autoFocus
              data-testid="vote-confirm-yes"
              onClick={() => void send(chosen)}
            >
              {t('voting.confirm')}
            </button>
            <button
              type="button"
              className="btn btn-big"
              disabled={busy}
              onClick={() => setChosen(null)}
            >
              {t('voting.cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorNotice error={error} />
    </article>
  );
}
