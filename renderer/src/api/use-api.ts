// Loads a GET command's answer for a component: { data, error, loading, reload }. The request is
// aborted when the inputs change or the component unmounts; the last data stays visible while a
// reload runs. The last good answer per command, input and session is also kept for this tab
// (last-answers.ts, also across a reload), so a page opened again while the host is unreachable
// (the Wi-Fi dropped) shows what it showed before, with the error beside it, instead of nothing.
import { useCallback, useEffect, useState } from 'react';
import type { CommandName, Commands } from '../../../shared/api/contract';
import { api } from './client';
import type { Answer, CallInput } from './client';
import { ApiClientError } from './api-error';
import { answerKey, lastAnswer, rememberAnswer } from './last-answers';

export interface ApiQuery<T> {
  data: T | undefined;
  error: ApiClientError | null;
  loading: boolean;
  reload: () => void;
  /** Replace the data locally (after a command answered with the new state). */
  setData: (value: T) => void;
}

interface Result<T> {
  request: string | null;
  data: T | undefined;
  error: ApiClientError | null;
}

/**
 * `key` identifies the inputs (e.g. the meeting id, plus a revision to re-read on); null skips
 * the request. The last data stays visible while a new key loads, also when the key names
 * something else: check the answer's id when that matters.
 */
export function useApi<N extends CommandName>(
  name: N,
  input: CallInput<Commands[N]> | null,
  key: string | null,
): ApiQuery<Answer<N>> {
  const [attempt, setAttempt] = useState(0);
  const inputJson = JSON.stringify(input ?? {});
  const cacheKey = answerKey(name, inputJson);
  const [result, setResult] = useState<Result<Answer<N>>>(() => ({
    request: null,
    data: lastAnswer(cacheKey) as Answer<N> | undefined,
    error: null,
  }));
  const request = key === null ? null : `${name}|${key}|${attempt}|${inputJson}`;
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setData = useCallback(
    (value: Answer<N>) => setResult((r) => ({ ...r, data: value, error: null })),
    [],
  );

  useEffect(() => {
    if (request === null) return;
    const ctrl = new AbortController();
    const parsed = JSON.parse(inputJson) as CallInput<Commands[N]>;
    const call = api.call as (n: N, i: CallInput<Commands[N]>) => Promise<Answer<N>>;
    call(name, { ...parsed, signal: ctrl.signal }).then(
      (data) => {
        rememberAnswer(cacheKey, data);
        setResult({ request, data, error: null });
      },
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        const error =
          err instanceof ApiClientError ? err : new ApiClientError(0, 'client', String(err));
        setResult((r) => ({ request, data: r.data, error }));
      },
    );
    return () => ctrl.abort();
  }, [name, request, inputJson, cacheKey]);

  return {
    data: result.data,
    error: result.error,
    loading: request !== null && result.request !== request,
    reload,
    setData,
  };
}
