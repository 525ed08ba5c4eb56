// The archive search: keywords with or without accents, phrases and prefixes, filters by kind and
// date. The query lives in the URL so a search can be bookmarked and Back returns to it. A paper
// hit opens the viewer at its page with the words to highlight.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import type { Answer } from '../../api/client';
import { ErrorNotice } from '../meetings/ErrorNotice';
import { SearchKind } from '../../../../shared/api/schemas/search';
import type { SearchHit } from '../../../../shared/api/schemas/search';
import './strings';
import './search.css';

const PAGE = 20;

export function hitLink(hit: SearchHit, q: string): string {
  if (hit.kind === 'page' && hit.documentId)
    return `/meetings/${encodeURIComponent(hit.meetingId)}/documents/${encodeURIComponent(hit.documentId)}?${new URLSearchParams({ page: String(hit.page ?? 1), q })}`;
  return `/meetings/${encodeURIComponent(hit.meetingId)}`;
}

export function SearchPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = params.get('kind') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const meeting = params.get('meeting') ?? '';
  const [draft, setDraft] = useState({ q, kind, from, to, meeting });
  const meetings = useApi('listMeetings', {}, 'meetings');
  const [result, setResult] = useState<{ key: string; answer: Answer<'search'> } | null>(null);
  const [failure, setFailure] = useState<{ key: string; error: unknown } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const key = JSON.stringify({ q, kind, from, to, meeting });
  // Loading is derived: a query is showing whose answer (or refusal) has not arrived yet.
  const loading = loadingMore || (q.trim() !== '' && result?.key !== key && failure?.key !== key);
  const error = failure?.key === key ? failure.error : null;

  useEffect(() => {
    if (!q.trim()) return;
    const ctrl = new AbortController();
    api
      .call('search', {
        query: {
          q,
          limit: PAGE,
          ...(kind ? { kind } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(meeting ? { meeting } : {}),
        },
        signal: ctrl.signal,
      })
      .then(
        (answer) => setResult({ key, answer }),
        (err: unknown) => {
          if (!ctrl.signal.aborted) setFailure({ key, error: err });
        },
      );
    return () => ctrl.abort();
  }, [key, q, kind, from, to, meeting]);

  async function more() {
    if (!result) return;
    setLoadingMore(true);
    try {
      const next = await api.call('search', {
        query: {
          q,
          limit: PAGE,
          offset: result.answer.hits.length,
          ...(kind ? { kind } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(meeting ? { meeting } : {}),
        },
      });
      setResult({ key, answer: { ...next, hits: [...result.answer.hits, ...next.hits] } });
    } catch (err) {
      setFailure({ key, error: err });
    } finally {
      setLoadingMore(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(draft)) if (v.trim()) next.set(k, v.trim());
    setParams(next);
  }

  const answer = result?.key === key ? result.answer : null;
  const dateFmt = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', {
    dateStyle: 'medium',
  });

  return (
    <section className="search-page">
      <h1>{t('search.title')}</h1>
      <form role="search" className="search-form" onSubmit={submit} aria-label={t('search.title')}>
        <label className="field search-query">
          <span>{t('search.query')}</span>
          <input
            type="search"
            data-testid="search-input"
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            aria-describedby="search-hint"
            maxLength={500}
            autoFocus
          />
        </label>
        <label className="field">
          <span>{t('search.kind')}</span>
          <select
            data-testid="search-kind"
            value={draft.kind}
            onChange={(e) => setDraft({ ...draft, kind: e.target.value })}
          >
            <option value="">{t('search.kindAll')}</option>
            {SearchKind.options.map((k) => (
              <option key={k} value={k}>
                {t(`search.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('search.meeting')}</span>
          <select
            data-testid="search-meeting"
            value={draft.meeting}
            onChange={(e) => setDraft({ ...draft, meeting: e.target.value })}
          >
            <option value="">{t('search.meetingAll')}</option>
            {(meetings.data ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('search.from')}</span>
          <input
            type="date"
            data-testid="search-from"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('search.to')}</span>
          <input
            type="date"
            data-testid="search-to"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </label>
        <button type="submit" className="btn btn-primary" data-testid="search-submit">
          {t('search.submit')}
        </button>
        <p id="search-hint" className="search-hint">
          {t('search.queryHint')}
        </p>
      </form>
      <ErrorNotice error={error} />
      <div aria-live="polite" className="search-status">
        {loading && t('search.searching')}
        {!loading && answer && answer.hits.length === 0 && (
          <span data-testid="search-none">{t('search.none')}</span>
        )}
      </div>
      {answer && answer.hits.length > 0 && (
        <ol
          className="search-results"
          aria-label={t('search.results')}
          data-testid="search-results"
        >
          {answer.hits.map((h) => (
            <li
              key={`${h.kind}:${h.sourceId}:${h.page ?? 0}`}
              className="search-hit"
              data-testid="search-hit"
            >
              <Link to={hitLink(h, q)} className="search-hit-link" data-testid="search-hit-link">
                <span className="search-hit-kind">{t(`search.kinds.${h.kind}`)}</span>
                <span className="search-hit-label">{h.label}</span>
                {h.page !== null && (
                  <span className="search-hit-page" data-testid="search-hit-page">
                    {t('search.page', { page: h.page })}
                  </span>
                )}
              </Link>
              <p className="search-snippet">
                {h.snippet.map((part, i) =>
                  part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                )}
              </p>
              <p className="search-hit-meeting">
                {h.meetingTitle} ·{' '}
                {Number.isNaN(Date.parse(h.meetingStartsAt))
                  ? h.meetingStartsAt
                  : dateFmt.format(new Date(h.meetingStartsAt))}
              </p>
            </li>
          ))}
        </ol>
      )}
      {answer?.more && (
        <button
          type="button"
          className="btn"
          onClick={() => void more()}
          disabled={loading}
          data-testid="search-more"
        >
          {t('search.more')}
        </button>
      )}
    </section>
  );
}
