import type { Database } from './archive/db';
import type { MeetingRole } from '../../shared/api/schemas/common';
import type { DocumentSummary } from '../../shared/api/schemas/meetings';
import type { HostConfig } from './config';
import type { Logger } from './logger';
import { createUsersRepo } from './archive/repos/users';
import { createSessionsRepo } from './archive/repos/sessions';
import { createMeetingsRepo } from './archive/repos/meetings';
import { createAuditChain } from './audit/chain';
import { createLiveMeetings } from './live/live-meetings';
import { createScopeResolvers } from './api/scopes';

/** Everything a handler may use. Built once per host; repositories prepare statements once. */
export function createServices(db: Database, config: HostConfig, log: Logger) {
  const meetings = createMeetingsRepo(db);
  return {
    db,
    config,
    log,
    users: createUsersRepo(db),
    sessions: createSessionsRepo(db, config.sessionLifetimeMs),
    meetings,
    audit: createAuditChain(db),
    live: createLiveMeetings(meetings),
    scopes: createScopeResolvers(),
    /** Papers of a meeting as one caller may see them (confidential ones filtered). */
    papers: {
      visibleTo: (_meetingId: string, _userId: string, _role: MeetingRole | null): DocumentSummary[] => [],
    },
    /** Run `fn` in one SQLite transaction (the change and its audit event commit together). */
    tx<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
  };
}
export type Services = ReturnType<typeof createServices>;
