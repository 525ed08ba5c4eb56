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
import { createSecurity } from './security/security-service';
import { createSearch } from './search/search-service';
import { createLiveMeetingModule } from './voting/live-meeting-module';

export interface PaperAccess {
  visibleTo(meetingId: string, userId: string, role: MeetingRole | null): DocumentSummary[];
  meetingOf(documentId: string): string | undefined;
  canSee(documentId: string, userId: string): boolean;
}

/** Everything a handler may use. Built once per host; repositories prepare statements once. */
export function createServices(db: Database, config: HostConfig, log: Logger) {
  const meetings = createMeetingsRepo(db);
  const services = {
    db,
    config,
    log,
    users: createUsersRepo(db),
    sessions: createSessionsRepo(db, config.sessionLifetimeMs),
    meetings,
    audit: createAuditChain(db),
    live: createLiveMeetings(meetings),
    scopes: createScopeResolvers(),
    /** Login throttling, pairing codes, host identity, TLS transport (main/host/security). */
    security: createSecurity(db, config),
    /** Attendance, speakers and ballots (main/host/{attendance,speakers,voting}). */
    liveMeeting: createLiveMeetingModule(db, meetings),
    /** Papers of a meeting as one caller may see them (confidential ones filtered). */
    // Replaced by the documents module; these defaults see no papers.
    papers: {
      visibleTo: (_meetingId: string, _userId: string, _role: MeetingRole | null): DocumentSummary[] => [],
      /** The meeting a paper belongs to. */
      meetingOf: (_documentId: string): string | undefined => undefined,
      /** Whether this user may see this paper (participant, published, and listed if confidential). */
      canSee: (_documentId: string, _userId: string): boolean => false,
    } as PaperAccess,
    // Replaced by the minutes module: the minutes draft is writable only while 'draft'.
    minutesState: ((_meetingId: string) => 'draft') as (meetingId: string) => 'draft' | 'final' | 'signed',
    /** Run `fn` in one SQLite transaction (the change and its audit event commit together). */
    tx<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
    /** Full-text search; modules may call `search.refresh()` after writing indexed text. */
    search: createSearch(db),
  };
  // Registers the ballot scope, the live sections and the ballot timers.
  services.liveMeeting.attach(services);
  return services;
}
export type Services = ReturnType<typeof createServices>;
