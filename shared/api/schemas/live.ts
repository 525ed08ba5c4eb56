// Attendance (điểm danh) and speakers (đăng ký phát biểu): request bodies, answers and the live
// doc sections the host projects for them.
import { z } from 'zod';
import { Id } from './common';

export const AttendanceStatus = z.enum(['present', 'absent']);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

export const MarkAttendanceBody = z
  .object({
    status: AttendanceStatus,
    reason: z.string().trim().max(500).optional(),
    /** Someone else (secretary or chair only); absent = the caller checks themself in. */
    userId: Id.optional(),
  })
  .strict();
export type MarkAttendanceBody = z.infer<typeof MarkAttendanceBody>;

export const AttendanceEntry = z.object({
  userId: Id,
  displayName: z.string(),
  role: z.string(),
  canVote: z.boolean(),
  /** null: not checked in and not marked yet. */
  status: AttendanceStatus.nullable(),
  reason: z.string().nullable(),
  at: z.string().nullable(),
  markedBy: Id.nullable(),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;

export const AttendanceSummary = z.object({
  /** Voting members of the meeting. */
  members: z.number().int(),
  /** Voting members present. */
  presentMembers: z.number().int(),
  /** Everyone present / absent / not marked (all roles). */
  present: z.number().int(),
  absent: z.number().int(),
  unmarked: z.number().int(),
  quorumShare: z.number(),
  quorumReached: z.boolean(),
  entries: z.array(AttendanceEntry),
});
export type AttendanceSummary = z.infer<typeof AttendanceSummary>;

/**
 * The live doc's 'attendance' section: counts and quorum, plus `codes`, one character per
 * participant in the order of their user ids ('p' present, 'a' absent, '-' not marked), so a
 * device finds its own status without the host sending a thousand records on every check-in.
 */
export const AttendanceLive = AttendanceSummary.omit({ entries: true }).extend({
  codes: z.string(),
  /** Time of the latest change; organisers reload the full list when it moves. */
  updatedAt: z.string().nullable(),
});
export type AttendanceLive = z.infer<typeof AttendanceLive>;

/** A participant's status from the live section (`userIds` = every participant's id). */
export function statusFromCodes(
  live: AttendanceLive,
  userIds: readonly string[],
  userId: string,
): AttendanceStatus | null {
  const sorted = [...userIds].sort();
  const code = live.codes[sorted.indexOf(userId)];
  return code === 'p' ? 'present' : code === 'a' ? 'absent' : null;
}

export const SpeakerStatus = z.enum(['waiting', 'speaking', 'done', 'withdrawn']);
export type SpeakerStatus = z.infer<typeof SpeakerStatus>;

export const SpeakerRequest = z.object({
  id: Id,
  meetingId: Id,
  agendaItemId: Id.nullable(),
  userId: Id,
  displayName: z.string(),
  position: z.number().int(),
  status: SpeakerStatus,
  requestedAt: z.string(),
  startedAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  /** Speaking time for this turn, set when it starts. */
  limitSeconds: z.number().int().nullable(),
});
export type SpeakerRequest = z.infer<typeof SpeakerRequest>;

export const RequestToSpeakBody = z
  .object({
    /** Defaults to the meeting's current agenda item. */
    agendaItemId: Id.optional(),
    /** Put someone else on the list (chair or secretary only). */
    userId: Id.optional(),
  })
  .strict();
export type RequestToSpeakBody = z.infer<typeof RequestToSpeakBody>;

/** Optional: an empty body starts the turn with the meeting's limit. */
export const StartSpeakerBody = z
  .object({ limitSeconds: z.number().int().min(10).max(3600).optional() })
  .strict()
  .default({});

/** The new order of the waiting requests of one queue (every one of them, once). */
export const SpeakerOrderBody = z.array(Id).min(1).max(1000);

export const SpeakingSettings = z.object({
  limitSeconds: z.number().int().min(10).max(3600),
  /** The timer warns this many seconds before the limit. */
  warningSeconds: z.number().int().min(0).max(600),
});
export type SpeakingSettings = z.infer<typeof SpeakingSettings>;

export const SpeakersState = z.object({
  settings: SpeakingSettings,
  current: SpeakerRequest.nullable(),
  /** Waiting requests, in order, keyed by agenda item id ('' for the meeting as a whole). */
  queues: z.record(z.string(), z.array(SpeakerRequest)),
});
export type SpeakersState = z.infer<typeof SpeakersState>;
