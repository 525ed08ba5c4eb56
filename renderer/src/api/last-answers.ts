// The last good answer of each GET command this tab made, per session, kept in sessionStorage so
// it survives a reload: a tablet reloaded while the room's Wi-Fi is down shows the meeting it
// showed before (with the connection error beside it) instead of an empty page. Same lifetime as
// the token (see session-token.ts): closing the tab or signing out forgets them.
import { readToken } from './session-token';

const PREFIX = 'phonghop.answer.';
const INDEX = 'phonghop.answers';
/** Most recently used answers kept; older ones are dropped first. */
const MAX = 100;

const memory = new Map<string, unknown>();

/** Keyed by the session too: another person signing in on this tab never sees these answers. */
export function answerKey(name: string, inputJson: string): string {
  return `${readToken() ?? ''}|${name}|${inputJson}`;
}

function readIndex(): string[] {
  try {
    const raw = sessionStorage.getItem(INDEX);
    const keys: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

export function lastAnswer(key: string): unknown {
  if (memory.has(key)) return memory.get(key);
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    if (raw === null) return undefined;
    const value: unknown = JSON.parse(raw);
    memory.set(key, value);
    return value;
  } catch {
    return undefined;
  }
}

export function rememberAnswer(key: string, value: unknown): void {
  memory.delete(key);
  memory.set(key, value);
  if (memory.size > MAX) memory.delete(memory.keys().next().value as string);
  try {
    const index = readIndex().filter((k) => k !== key);
    index.push(key);
    while (index.length > MAX) sessionStorage.removeItem(PREFIX + index.shift()!);
    sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
    sessionStorage.setItem(INDEX, JSON.stringify(index));
  } catch {
    // Storage full or disabled: the answer is kept in memory for this page only.
  }
}

/** Signing out: nothing of the session stays on the device's storage. */
export function forgetAnswers(): void {
  memory.clear();
  try {
    for (const k of readIndex()) sessionStorage.removeItem(PREFIX + k);
    sessionStorage.removeItem(INDEX);
  } catch {
    // Storage disabled: nothing was stored.
  }
}
