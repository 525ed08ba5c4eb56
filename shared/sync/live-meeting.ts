// The live meeting doc (`meeting/<id>`) is written only by the host. Its root map holds one JSON
// value per section; each section is replaced whole when it changes, so readers never see a half
// update. Sections are added by domain modules (attendance, speakers, ballots, ...).
import type { AgendaItem, Participant } from '../api/schemas/meetings';

export const LIVE_ROOT = 'live';

export interface LiveMeetingFacts {
  id: string;
  title: string;
  startsAt: string;
  location: string | null;
  organization: string | null;
  status: string;
  currentItemId: string | null;
}

/** Sections known to every client; domain modules add more keys beside these. */
export interface LiveSections {
  meeting: LiveMeetingFacts;
  agenda: AgendaItem[];
  participants: Participant[];
  currentItemId: string | null;
  /** Increases with every projection; lets clients tell a fresh state from a stale one. */
  revision: number;
}
