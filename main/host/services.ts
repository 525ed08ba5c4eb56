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
import { createDocuments } from './documents/documents-service';
import { createLiveMeetingModule } from './voting/live-meeting-module';
import { createSecurity } from './security/security-service';
import { createSearch } from './search/search-service';
import { createMinutes } from './minutes/minutes-service';

export interface PaperAccess {
  visibleTo(meetingId: string, userId: string, role: MeetingRole | null): DocumentSummary[];
  meetingOf(documentId: string): string | undefined;
  canSee(documentId: string, userId: string): boolean;
}

/** Everything a handler may use. Built once per host; repositories prepare statements once. */
export function createServices(db: Database, config: HostConfig, log: Logger) {
  const meetings = createMeetingsRepo(db);
  const documents = createDocuments(db, config, meetings);
  const minutes = createMinutes(db, meetings);
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
    /** Attendance, speakers and ballots (main/host/{attendance,speakers,voting}). */
    liveMeeting: createLiveMeetingModule(db, meetings),
    /** Login throttling, pairing codes, host identity, TLS transport (main/host/security). */
    security: createSecurity(db, config),
    /** The paper store, parser and repository (main/host/documents). */
    documents,
    /**
     * Papers of a meeting as one caller may see them (confidential ones filtered): visibleTo,
     * meetingOf, and canSee (participant, published, and listed if confidential).
     */
    papers: documents.access as PaperAccess,
    /** Minutes, signatures and trusted roots (main/host/minutes, main/host/signatures). */
    minutes,
    /** The minutes draft is writable only while 'draft'; ballots and minutes are read-only once 'signed'. */
    minutesState: (meetingId: string): 'draft' | 'final' | 'signed' => minutes.state(meetingId),
    /**
     * Run `fn` in one SQLite transaction (the change and its audit event commit together).
     * IMMEDIATE: the sync writer thread has its own connection, and a deferred transaction that
     * reads, then writes after that thread committed fails at once with SQLITE_BUSY instead of
     * waiting for the lock.
     */
    tx<T>(fn: () => T): T {
      return db.transaction(fn).immediate();
    },
    /** Full-text search; modules may call `search.refresh()` after writing indexed text. */
    search: createSearch(db),
  };
  // Registers the ballot scope, the live sections and the ballot timers.
  services.liveMeeting.attach(services);
  // Registers the document scope ('d') and the papers' live section.
  services.documents.attach(services);
  // Registers the minutes' live section.
  services.minutes.attach(services);
  return services;
}
export type Services = ReturnType<typeof createServices>;
