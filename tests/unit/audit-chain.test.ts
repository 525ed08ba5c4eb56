import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { initial } from '../../main/host/archive/migrations/0010-initial';
import { canonicalJson, createAuditChain, GENESIS } from '../../main/host/audit/chain';

function chain() {
  const db = new BetterSqlite3(':memory:');
  initial.up(db);
  return { db, audit: createAuditChain(db) };
}

describe('audit chain', () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });

  it('links each event to the previous one and verifies', () => {
    const { audit } = chain();
    const first = audit.append('m1', 'u1', 'meeting.create', { title: 'Họp' });
    const second = audit.append('m1', 'u2', 'agenda.add', { itemId: 'i1' });
    audit.append('m2', 'u1', 'meeting.create', {});
    expect(first.prevHash).toBe(GENESIS);
    expect(second.prevHash).toBe(first.hash);
    expect(second.seq).toBe(2);
    expect(audit.verify('m1')).toEqual({
      valid: true,
      head: second.hash,
      count: 2,
      firstBroken: null,
    });
  });

  it('names the first broken link when an event is altered', () => {
    const { db, audit } = chain();
    for (let i = 0; i < 5; i++) audit.append('m1', 'u1', 'x', { i });
    db.prepare(
      "UPDATE audit_events SET payload = '{\"i\":99}' WHERE meeting_id = 'm1' AND seq = 3",
    ).run();
    const report = audit.verify('m1');
    expect(report.valid).toBe(false);
    expect(report.firstBroken?.seq).toBe(3);
  });

  it('detects a deleted event', () => {
    const { db, audit } = chain();
    for (let i = 0; i < 4; i++) audit.append('m1', 'u1', 'x', { i });
    db.prepare("DELETE FROM audit_events WHERE meeting_id = 'm1' AND seq = 2").run();
    expect(audit.verify('m1').firstBroken?.seq).toBe(3);
  });
});
