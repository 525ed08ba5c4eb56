// Minutes (biên bản), their signatures (ký số, PAdES B-B), trusted roots and PDF verification.
import { z } from 'zod';
import { admin, defineCommands, inMeeting, user } from '../define';
import { Id } from '../schemas/common';
import {
  AddTrustRootBody,
  CompleteSigningBody,
  FinalizeBody,
  MinutesFacts,
  MinutesState,
  PrepareSigningAnswer,
  PrepareSigningBody,
  ReopenBody,
  SignatureResult,
  TrustRoot,
  VerifyReport,
} from '../schemas/minutes';

const M = z.object({ m: Id });
const MS = z.object({ m: Id, s: Id });

export const minutesCommands = defineCommands({
  getMinutes: {
    method: 'GET',
    path: '/meetings/:m/minutes',
    access: inMeeting('m', 'participant', true),
    params: M,
    answer: MinutesState,
  },
  getMinutesFacts: {
    method: 'GET',
    path: '/meetings/:m/minutes/facts',
    // The facts feed the draft's "insert from the meeting": only its editors need them (api.md).
    access: inMeeting('m', ['secretary', 'chair'], true),
    params: M,
    answer: MinutesFacts,
  },
  finalizeMinutes: {
    method: 'POST',
    path: '/meetings/:m/minutes/finalize',
    access: inMeeting('m', ['secretary']),
    params: M,
    body: FinalizeBody,
    answer: MinutesState,
  },
  reopenMinutes: {
    method: 'POST',
    path: '/meetings/:m/minutes/reopen',
    // Reopening lifts the signed-meeting lock; an administrator may do it too (audited with a reason).
    access: inMeeting('m', ['secretary', 'chair'], true),
    params: M,
    body: ReopenBody,
    answer: MinutesState,
  },
  getMinutesPdf: {
    method: 'GET',
    path: '/meetings/:m/minutes.pdf',
    access: inMeeting('m', 'participant', true),
    params: M,
    answer: 'binary',
  },
  prepareMinutesSignature: {
    method: 'POST',
    path: '/meetings/:m/minutes/signatures/prepare',
    access: inMeeting('m', ['chair', 'secretary']),
    params: M,
    body: PrepareSigningBody,
    answer: PrepareSigningAnswer,
    // Only a pending row is written; the live doc changes when the signature is embedded.
    changesMeeting: false,
  },
  completeMinutesSignature: {
    method: 'POST',
    path: '/meetings/:m/minutes/signatures/:s',
    access: inMeeting('m', ['chair', 'secretary']),
    params: MS,
    body: CompleteSigningBody,
    answer: SignatureResult,
  },
  verifyMinutes: {
    method: 'GET',
    path: '/meetings/:m/minutes/verify',
    access: inMeeting('m', 'participant', true),
    params: M,
    answer: VerifyReport,
  },
  addTrustRoot: {
    method: 'POST',
    path: '/trust/roots',
    access: admin,
    body: AddTrustRootBody,
    answer: TrustRoot,
  },
  listTrustRoots: { method: 'GET', path: '/trust/roots', access: user, answer: z.array(TrustRoot) },
  deleteTrustRoot: {
    method: 'DELETE',
    path: '/trust/roots/:id',
    access: admin,
    params: z.object({ id: Id }),
    answer: 'empty',
  },
  verifyPdf: { method: 'POST', path: '/verify', access: user, body: 'raw', answer: VerifyReport },
});
