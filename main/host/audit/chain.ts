import { createHash } from 'node:crypto';
import type { Database } from '../archive/db';
import type { AuditEvent, AuditVerifyReport } from '../../../shared/api/schemas/audit';

/** The hash that starts every chain. */
export const GENESIS = '0'.repeat(64);

/** JSON with keys sorted at every level, so the hash does not depend on insertion order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function eventHash(e: Omit<AuditEvent, 'hash'>): string {
  const body = canonicalJson([e.meetingId, e.seq, e.at, e.actorId, e.action, e.payload]);
  return createHash('sha256').update(e.prevHash).update('\n').update(body).digest('hex');
}

interface Row {
  meeting_id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  payload: string;
  prev_hash: string;
  hash: string;
}
const toEvent = (r: Row): AuditEvent => ({
  meetingId: r.meeting_id,
  seq: r.seq,
  at: r.at,
  actorId: r.actor_id,
  action: r.action,
  payload: JSON.parse(r.payload) as unknown,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/**
 * The audit chain: one hash-linked list of events per meeting. `append` must be called inside the
 * same transaction as the change it records, so the event and the change commit together.
 */
export function createAuditChain(db: Database) {
  const head = db.prepare<[string], Row>(
    'SELECT * FROM audit_events WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO audit_events (meeting_id, seq, at, actor_id, action, payload, prev_hash, hash)
     VALUES (@meetingId, @seq, @at, @actorId, @action, @payload, @prevHash, @hash)`,
  );
  const list = db.prepare<[string, number, number], Row>(
    'SELECT * FROM audit_events WHERE meeting_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );

  function verifyChain(meetingId: string): AuditVerifyReport {
    let prev = GENESIS;
    let count = 0;
    let after = 0;
    for (;;) {
      const rows = list.all(meetingId, after, 1000);
      if (rows.length === 0) break;
      for (const row of rows) {
        const e = toEvent(row);
        count++;
        const expectedSeq = count;
        if (e.seq !== expectedSeq)
          return {
            valid: false,
            head: prev,
            count,
            firstBroken: { seq: e.seq, reason: `sequence gap: expected ${expectedSeq}` },
          };
        if (e.prevHash !== prev)
          return {
            valid: false,
            head: prev,
            count,
            firstBroken: { seq: e.seq, reason: 'link to the previous event does not match' },
          };
        if (eventHash(e) !== e.hash)
          return {
            valid: false,
            head: prev,
            count,
            firstBroken: { seq: e.seq, reason: 'event content does not match its hash' },
          };
        prev = e.hash;
        after = e.seq;
      }
    }
    return { valid: true, head: prev, count, firstBroken: null };
  }

  return {
    append(
      meetingId: string,
      actorId: string | null,
      action: string,
      payload: unknown = {},
    ): AuditEvent {
      const last = head.get(meetingId);
      const partial = {
        meetingId,
        seq: (last?.seq ?? 0) + 1,
        at: new Date().toISOString(),
        actorId,
        action,
        payload: JSON.parse(canonicalJson(payload)) as unknown,
        prevHash: last?.hash ?? GENESIS,
      };
      const event: AuditEvent = { ...partial, hash: eventHash(partial) };
      insert.run({ ...event, payload: canonicalJson(event.payload) });
      return event;
    },
    head(meetingId: string): string {
      return head.get(meetingId)?.hash ?? GENESIS;
    },
    list(meetingId: string, afterSeq = 0, limit = 1000): AuditEvent[] {
      return list.all(meetingId, afterSeq, limit).map(toEvent);
    },
    verify: verifyChain,
  };
}
export type AuditChain = ReturnType<typeof createAuditChain>;
