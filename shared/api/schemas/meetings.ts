import { z } from 'zod';
import { Id, IsoDateTime, MeetingRole } from './common';

export const MeetingStatus = z.enum(['draft', 'published', 'archived']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const Meeting = z.object({
  id: Id,
  title: z.string(),
  startsAt: z.string(),
  location: z.string().nullable(),
  organization: z.string().nullable(),
  status: MeetingStatus,
  currentItemId: Id.nullable(),
  /** Share of voting members that must be present for a quorum (default: more than half). */
  quorumShare: z.number(),
  createdAt: z.string(),
  /** The caller's role in this meeting (null for an admin who is not a participant). */
  myRole: MeetingRole.nullable(),
});
export type Meeting = z.infer<typeof Meeting>;

export const CreateMeetingBody = z.object({
  title: z.string().trim().min(1).max(500),
  startsAt: IsoDateTime,
  location: z.string().trim().max(500).optional(),
  organization: z.string().trim().max(500).optional(),
});
export type CreateMeetingBody = z.infer<typeof CreateMeetingBody>;

export const PatchMeetingBody = z
  .object({
    title: z.string().trim().min(1).max(500),
    startsAt: IsoDateTime,
    location: z.string().trim().max(500).nullable(),
    organization: z.string().trim().max(500).nullable(),
    quorumShare: z.number().gt(0).max(1),
  })
  .partial()
  .strict();
export type PatchMeetingBody = z.infer<typeof PatchMeetingBody>;

export const Participant = z.object({
  userId: Id,
  username: z.string(),
  displayName: z.string(),
  role: MeetingRole,
  canVote: z.boolean(),
});
export type Participant = z.infer<typeof Participant>;

export const PutParticipantsBody = z
  .array(z.object({ userId: Id, role: MeetingRole, canVote: z.boolean().optional() }))
  .max(5000);
export type PutParticipantsBody = z.infer<typeof PutParticipantsBody>;

export const AgendaItem = z.object({
  id: Id,
  meetingId: Id,
  position: z.number().int(),
  title: z.string(),
  presenter: z.string().nullable(),
  presenterUserId: Id.nullable(),
  durationMinutes: z.number().int().nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const CreateAgendaItemBody = z.object({
  title: z.string().trim().min(1).max(1000),
  presenter: z.string().trim().max(200).optional(),
  presenterUserId: Id.optional(),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .optional(),
});
export type CreateAgendaItemBody = z.infer<typeof CreateAgendaItemBody>;

export const PatchAgendaItemBody = z
  .object({
    title: z.string().trim().min(1).max(1000),
    presenter: z.string().trim().max(200).nullable(),
    presenterUserId: Id.nullable(),
    durationMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .nullable(),
  })
  .partial()
  .strict();
export type PatchAgendaItemBody = z.infer<typeof PatchAgendaItemBody>;

export const AgendaOrderBody = z.array(Id).max(1000);

/** A paper as listed in a meeting (full schema lives with documents). */
export const DocumentSummary = z.object({
  id: Id,
  meetingId: Id,
  agendaItemId: Id.nullable(),
  title: z.string(),
  filename: z.string(),
  sha256: z.string(),
  pages: z.number().int(),
  size: z.number().int(),
  confidential: z.boolean(),
  encrypted: z.boolean(),
  version: z.number().int(),
  /** Set when a newer version replaced this one. */
  replacedBy: Id.nullable(),
  uploadedAt: z.string(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const MeetingDetail = Meeting.extend({
  agenda: z.array(AgendaItem),
  participants: z.array(Participant),
  documents: z.array(DocumentSummary),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;
