import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Database } from '../archive/db';

/**
 * The host's stable id and display name. A joining tablet remembers the id with the certificate
 * fingerprint, so two hosts on one network (two rooms) are never mixed up.
 */
export function loadHostIdentity(db: Database): { id: string; name: string } {
  const row = db
    .prepare<[], { id: string; name: string }>('SELECT id, name FROM host_identity LIMIT 1')
    .get();
  if (row) return row;
  const created = { id: randomUUID(), name: os.hostname() || 'phong-hop' };
  db.prepare('INSERT INTO host_identity (id, name, created_at) VALUES (?, ?, ?)').run(
    created.id,
    created.name,
    new Date().toISOString(),
  );
  return created;
}
