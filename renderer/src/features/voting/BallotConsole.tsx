// The chair's ballots: create one (question, named or secret, rule, optional countdown), open,
// close or cancel it, watch the turnout (never the choices before close), read the results, and
// start a re-vote linked to a closed ballot.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ballot } from '../../../../shared/api/schemas/ballots';
import { BALLOT_RULES } from '../../../../shared/voting/rules';
import type { BallotRule } from '../../../../shared/voting/rules';
import { api } from '../../api/client';
import { ErrorNotice } from '../meetings/ErrorNotice';
import { BallotHeader } from './BallotHeader';
import { BallotResults } from './BallotResults';
import './strings';

export function BallotConsole({
  meetingId,
  ballots,
  currentItemId,
  canRun,
}: {
  meetingId: string;
  ballots: Ballot[];
  currentItemId: string | null;
  /** Only the chair opens, closes and cancels; the secretary may prepare ballots. */
  canRun: boolean;
}) {
  const { t } = useTranslation();
  const [question, setQuestion] = useState('');
  const [secret, setSecret] = useState(false);
  const [allowChange, setAllowChange] = useState(false);
  const [rule, setRule] = useState<BallotRule>('majority_of_members');
  const [countdown, setCountdown] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(fn: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function create(e: { preventDefault(): void }, previous?: Ballot) {
    e.preventDefault();
    const seconds = Number(countdown);
    const body = previous
      ? {
          question: previous.question,
          secret: previous.secret,
          rule: previous.rule,
          options: previous.options,
          previousBallotId: previous.id,
          ...(previous.agendaItemId ? { agendaItemId: previous.agendaItemId } : {}),
        }
      : {
          question: question.trim(),
          secret,
          rule,
          ...(currentItemId ? { agendaItemId: currentItemId } : {}),
          ...(!secret && allowChange ? { allowChange: true } : {}),
          ...(countdown.trim() && Number.isInteger(seconds) ? { countdownSeconds: seconds } : {}),
        };
    void run(async () => {
      await api.call('createBallot', { params: { m: meetingId }, body });
      if (!previous) setQuestion('');
    });
  }

  return (
    <section
      className="live-panel"
      aria-labelledby="console-voting-heading"
      data-testid="ballot-console"
    >
      <h2 id="console-voting-heading">{t('voting.heading')}</h2>
      <form onSubmit={(e) => create(e)} className="ballot-form">
        <label className="field">
          <span>{t('voting.question')}</span>
          <textarea
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            required
            maxLength={2000}
            rows={2}
            data-testid="ballot-question-input"
          />
        </label>
        <label className="field field-inline">
          <input
            type="checkbox"
            checked={secret}
            onChange={(e) => setSecret(e.target.checked)}
            data-testid="ballot-secret"
          />
          <span>{t('voting.secretLabel')}</span>
        </label>
        {!secret && (
          <label className="field field-inline">
            <input
              type="checkbox"
              checked={allowChange}
              onChange={(e) => setAllowChange(e.target.checked)}
            />
            <span>{t('voting.allowChange')}</span>
          </label>
        )}
        <label className="field">
          <span>{t('voting.ruleLabel')}</span>
          <select
            value={rule}
            onChange={(e) => setRule(e.target.value as BallotRule)}
            data-testid="ballot-rule"
          >
            {BALLOT_RULES.map((r) => (
              <option key={r} value={r}>
                {t(`voting.rule.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('voting.countdown')}</span>
          <input
            type="number"
            min={5}
            inputMode="numeric"
            value={countdown}
            onChange={(e) => setCountdown(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={busy || question.trim() === ''}
          data-testid="ballot-create"
        >
          {t('voting.create')}
        </button>
      </form>
      <ErrorNotice error={error} />
      {[...ballots].reverse().map((b) => (
        <article
          key={b.id}
          className="ballot-card"
          data-testid="console-ballot"
          data-ballot-id={b.id}
          data-status={b.status}
        >
          <BallotHeader ballot={b} />
          {canRun && (
            <div className="toolbar">
              {b.status === 'draft' && (
                <button
                  type="button"
                  className="btn btn-primary btn-big"
                  disabled={busy}
                  data-testid="ballot-open"
                  onClick={() => void run(() => api.call('openBallot', { params: { b: b.id } }))}
                >
                  {t('voting.open')}
                </button>
              )}
              {b.status === 'open' && (
                <button
                  type="button"
                  className="btn btn-primary btn-big"
                  disabled={busy}
                  data-testid="ballot-close"
                  onClick={() => void run(() => api.call('closeBallot', { params: { b: b.id } }))}
                >
                  {t('voting.close')}
                </button>
              )}
              {(b.status === 'draft' || b.status === 'open') && (
                <button
                  type="button"
                  className="btn btn-danger"
                  disabled={busy}
                  data-testid="ballot-cancel"
                  onClick={() => void run(() => api.call('cancelBallot', { params: { b: b.id } }))}
                >
                  {t('voting.cancelBallot')}
                </button>
              )}
              {(b.status === 'closed' || b.status === 'cancelled') && (
                <button type="button" className="btn" disabled={busy} onClick={(e) => create(e, b)}>
                  {t('voting.revote')}
                </button>
              )}
            </div>
          )}
          <BallotResults ballot={b} />
        </article>
      ))}
    </section>
  );
}
