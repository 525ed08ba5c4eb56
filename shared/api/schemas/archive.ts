import { z } from 'zod';
import { Id } from './common';

/** The package format this host writes; a package with a newer schema version is refused. */
export const PACKAGE_FORMAT = 'phong-hop-khong-giay/meeting-archive';
export const PACKAGE_SCHEMA_VERSION = 1;

export const ManifestFile = z.object({
  /** Path inside the package, '/'-separated, relative. */
  path: z.string().min(1).max(500),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  /** What the file is: meeting, paper, annotations, annotated-paper, ballots, attendance, audit, minutes, signatures, records, users. */
  kind: z.string().max(50),
  description: z.string().max(500).optional(),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

export const Manifest = z.object({
  format: z.literal(PACKAGE_FORMAT),
  schemaVersion: z.number().int().min(1),
  createdAt: z.string(),
  generator: z.object({ app: z.string(), version: z.string() }),
  meeting: z.object({
    id: Id,
    title: z.string(),
    startsAt: z.string(),
    organization: z.string().nullable(),
  }),
  audit: z.object({ head: z.string(), count: z.number().int() }),
  /** What each part holds (counts), and what could not be included and why. */
  contents: z.record(z.string(), z.number().int()),
  notIncluded: z.array(z.string()),
  files: z.array(ManifestFile).max(100_000),
});
export type Manifest = z.infer<typeof Manifest>;

export const VerifyCheck = z.object({ name: z.string(), ok: z.boolean(), detail: z.string() });
export type VerifyCheck = z.infer<typeof VerifyCheck>;

export const ImportAnswer = z.object({
  meetingId: Id,
  title: z.string(),
  files: z.number().int(),
  checks: z.array(VerifyCheck),
});
export type ImportAnswer = z.infer<typeof ImportAnswer>;
