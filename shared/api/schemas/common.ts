import { z } from 'zod';

/** Ids are opaque text (random UUIDs) so archives from different hosts never collide. */
export const Id = z.string().min(1).max(100);
export const IsoDateTime = z.iso.datetime({ offset: true });

export const MeetingRole = z.enum(['chair', 'secretary', 'delegate', 'observer']);
export type MeetingRole = z.infer<typeof MeetingRole>;

export const Health = z.object({ ok: z.literal(true), version: z.string() });
export type Health = z.infer<typeof Health>;

export const Empty = z.object({}).strict();
