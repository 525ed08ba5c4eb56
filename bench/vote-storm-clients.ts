// Worker thread of the vote-storm benchmark: holds the delegates' y-websocket connections to
// `meeting/<m>`, so the thousand live docs do not share an event loop with the timed HTTP votes.
// The main thread asks it to wait until every doc shows some state and answers with the time.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { LIVE_ROOT } from '../shared/sync/live-meeting';
import type { Ballot } from '../shared/api/schemas/ballots';
import type { AttendanceLive } from '../shared/api/schemas/live';

export type ClientRequest =
  | { kind: 'connect'; base: string; meetingId: string; tokens: string[] }
  | { kind: 'wait'; id: number; until: Condition }
  | { kind: 'close' };
export type Condition =
  | { what: 'present'; n: number }
  | { what: 'turnout'; ballotId: string; cast: number }
  | { what: 'result'; ballotId: string }
  | { what: 'connected' };
export type ClientReply =
  | { kind: 'connected'; ms: number }
  | { kind: 'done'; id: number; at: number }
  | { kind: 'error'; message: string };

// Every y-websocket provider listens for the process exit; a thousand of them are expected here.
process.setMaxListeners(0);
const now = () => performance.timeOrigin + performance.now();
const clients: Array<{ doc: Y.Doc; provider: WebsocketProvider }> = [];
const port = parentPort!;
const reply = (r: ClientReply) => port.postMessage(r);

function holds(c: Condition, doc: Y.Doc, provider: WebsocketProvider): boolean {
  const root = doc.getMap<unknown>(LIVE_ROOT);
  const ballot =
    'ballotId' in c
      ? (root.get('ballots') as Ballot[] | undefined)?.find((b) => b.id === c.ballotId)
      : undefined;
  switch (c.what) {
    case 'present':
      return (root.get('attendance') as AttendanceLive | undefined)?.presentMembers === c.n;
    case 'turnout':
      return ballot?.turnout?.cast === c.cast;
    case 'result':
      return ballot?.result !== null && ballot?.result !== undefined;
    case 'connected':
      return provider.wsconnected && provider.synced;
  }
}

async function waitAll(c: Condition): Promise<number> {
  const t0 = now();
  while (!clients.every((x) => holds(c, x.doc, x.provider))) {
    if (now() - t0 > 300_000) throw new Error(`timed out waiting for ${c.what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
  return now();
}

port.on('message', (msg: ClientRequest) => {
  void (async () => {
    try {
      if (msg.kind === 'connect') {
        const t0 = now();
        for (let i = 0; i < msg.tokens.length; i += 100) {
          const batch = msg.tokens.slice(i, i + 100).map((token) => {
            const doc = new Y.Doc();
            const provider = new WebsocketProvider(
              `${msg.base.replace(/^http/, 'ws')}/sync`,
              `meeting/${msg.meetingId}`,
              doc,
              {
                params: { token },
                WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
                disableBc: true,
                maxBackoffTime: 500,
                connect: false,
              },
            );
            // A tablet reading the live doc announces no presence: awareness states would be
            // relayed to every other device (a thousand squared messages).
            provider.awareness.setLocalState(null);
            provider.connect();
            return { doc, provider };
          });
          clients.push(...batch);
          while (!batch.every((c) => c.provider.synced)) await new Promise((r) => setTimeout(r, 5));
        }
        reply({ kind: 'connected', ms: now() - t0 });
      } else if (msg.kind === 'wait') {
        reply({ kind: 'done', id: msg.id, at: await waitAll(msg.until) });
      } else {
        for (const c of clients) {
          c.provider.destroy();
          c.doc.destroy();
        }
        clients.length = 0;
        port.close();
      }
    } catch (err) {
      reply({ kind: 'error', message: String(err) });
    }
  })();
});
