// Attendance, speakers and the audit chain of a meeting.
import { z } from 'zod';
import { defineCommands, inMeeting } from '../define';
import { Id } from '../schemas/common';
import { AuditEvent, AuditVerifyReport } from '../schemas/audit';
import {
  AttendanceEntry,
  AttendanceSummary,
  MarkAttendanceBody,
  RequestToSpeakBody,
  SpeakerOrderBody,
  SpeakerRequest,
  SpeakersState,
  SpeakingSettings,
  StartSpeakerBody,
} from '../schemas/live';

const M = z.object({ m: Id });
const MR = z.object({ m: Id, r: Id });
const organisers = ['chair', 'secretary'] as const;

export const liveCommands = defineCommands({
  getAttendance: {
    method: 'GET',
    path: '/meetings/:m/attendance',
    access: inMeeting('m', 'participant', true),
    params: M,
    answer: AttendanceSummary,
  },
  markAttendance: {
    method: 'POST',
    path: '/meetings/:m/attendance',
    access: inMeeting('m', 'participant'),
    params: M,
    body: MarkAttendanceBody,
    answer: AttendanceEntry,
    // Projected by the live meeting module, coalesced across a rush of check-ins.
    changesMeeting: false,
  },

  getSpeakers: {
    method: 'GET',
    path: '/meetings/:m/speakers',
    access: inMeeting('m', 'participant', true),
    params: M,
    answer: SpeakersState,
  },
  requestToSpeak: {
    method: 'POST',
    path: '/meetings/:m/speakers',
    access: inMeeting('m', ['delegate', ...organisers]),
    params: M,
    body: RequestToSpeakBody,
    answer: SpeakerRequest,
    status: 201,
  },
  reorderSpeakers: {
    method: 'PUT',
    path: '/meetings/:m/speakers/order',
    access: inMeeting('m', organisers),
    params: M,
    body: SpeakerOrderBody,
    answer: z.array(SpeakerRequest),
  },
  setSpeakingSettings: {
    method: 'PUT',
    path: '/meetings/:m/speakers/settings',
    access: inMeeting('m', organisers),
    params: M,
    body: SpeakingSettings,
    answer: SpeakingSettings,
  },
  withdrawSpeaker: {
    method: 'DELETE',
    path: '/meetings/:m/speakers/:r',
    access: inMeeting('m', ['delegate', ...organisers]),
    params: MR,
    answer: 'empty',
  },
  startSpeaker: {
    method: 'POST',
    path: '/meetings/:m/speakers/:r/start',
    access: inMeeting('m', ['chair']),
    params: MR,
    body: StartSpeakerBody,
    answer: SpeakerRequest,
  },
  stopSpeaker: {
    method: 'POST',
    path: '/meetings/:m/speakers/:r/stop',
    access: inMeeting('m', ['chair']),
    params: MR,
    answer: SpeakerRequest,
  },

  listAudit: {
    method: 'GET',
    path: '/meetings/:m/audit',
    access: inMeeting('m', 'participant', true),
    params: M,
    query: z.object({
      after: z.coerce.number().int().min(0).optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
    answer: z.array(AuditEvent),
  },
  verifyAudit: {
    method: 'GET',
    path: '/meetings/:m/audit/verify',
    access: inMeeting('m', 'participant', true),
    params: M,
    answer: AuditVerifyReport,
  },
});
