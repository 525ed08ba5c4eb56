// The "who" column of api.md (and of docs/api-extensions.md), written down once per route and
// compared with the command table's `access`, so that a command opened wider than documented
// shows up here. Fine-grained rules (owner of a request, eligible voter, allowed readers of a
// confidential paper) live in the domain; here "participant" is the route's outer gate.
import { describe, expect, it } from 'vitest';
import { commands } from '../../shared/api/contract';
import type { Access } from '../../shared/api/define';

type Who = 'anyone' | 'user' | 'admin' | 'participant' | readonly string[];

const documented: Record<string, Who> = {
  'GET /health': 'anyone',
  'POST /auth/login': 'anyone',
  'POST /auth/logout': 'user',
  'GET /me': 'user',
  'POST /users': 'admin',
  'GET /users': 'admin',
  'GET /meetings/:m': 'participant',
  'PATCH /meetings/:m': ['secretary'],
  'PUT /meetings/:m/participants': ['secretary'],
  'POST /meetings/:m/publish': ['secretary'],
  'POST /meetings/:m/agenda': ['secretary'],
  'PATCH /meetings/:m/agenda/:i': ['secretary'],
  'DELETE /meetings/:m/agenda/:i': ['secretary'],
  'PUT /meetings/:m/agenda/order': ['secretary'],
  'POST /meetings/:m/agenda/:i/current': ['chair'],
  'POST /meetings/:m/documents': ['secretary'],
  'PUT /meetings/:m/documents/:d/access': ['secretary'],
  'POST /documents/:d/versions': ['secretary'],
  'PATCH /documents/:d': ['secretary'],
  'DELETE /documents/:d': ['secretary'],
  'POST /meetings/:m/ballots': ['chair', 'secretary'],
  'POST /ballots/:b/open': ['chair'],
  'POST /ballots/:b/close': ['chair'],
  'POST /ballots/:b/cancel': ['chair'],
  'POST /meetings/:m/speakers/:r/start': ['chair'],
  'POST /meetings/:m/speakers/:r/stop': ['chair'],
  'GET /meetings/:m/minutes': 'participant',
  'GET /meetings/:m/minutes/facts': ['chair', 'secretary'],
  'POST /meetings/:m/minutes/finalize': ['secretary'],
  'POST /meetings/:m/minutes/reopen': ['chair', 'secretary'],
  'POST /meetings/:m/minutes/signatures/prepare': ['chair', 'secretary'],
  'POST /meetings/:m/minutes/signatures/:s': ['chair', 'secretary'],
  'GET /meetings/:m/minutes.pdf': 'participant',
  'GET /meetings/:m/minutes/verify': 'participant',
  'POST /trust/roots': 'admin',
  'GET /trust/roots': 'user',
  'DELETE /trust/roots/:id': 'admin',
  'POST /verify': 'user',
  'GET /meetings/:m/audit': 'participant',
  'GET /meetings/:m/audit/verify': 'participant',
  'GET /search': 'user',
  'GET /meetings/:m/export': ['secretary'],
  'POST /archive/import': 'admin',
  'GET /archive/backup': 'admin',
  'GET /users/:u/sessions': 'admin',
  'DELETE /users/:u/sessions': 'admin',
};

function who(access: Access): Who {
  if (access.kind !== 'meeting') return access.kind;
  return access.roles === 'participant' ? 'participant' : [...access.roles].sort();
}

describe('command access and the documented roles', () => {
  const table = new Map<string, Who>(
    Object.values(commands).map((c) => [`${c.method} ${c.path}`, who(c.access)]),
  );

  it('knows every documented route', () => {
    const missing = Object.keys(documented).filter((route) => !table.has(route));
    expect(missing).toEqual([]);
  });

  it('gives each documented route exactly the documented roles', () => {
    const differing = Object.entries(documented)
      .filter(([route, want]) => {
        const have = table.get(route);
        const norm = typeof want === 'string' ? want : [...want].sort();
        return JSON.stringify(have) !== JSON.stringify(norm);
      })
      .map(([route]) => `${route}: ${JSON.stringify(table.get(route))}`);
    expect(differing).toEqual([]);
  });
});
