// One handler per command of the contract. The type makes a missing handler a compile error.
import type { Commands } from '../../../shared/api/contract';
import type { HandlersFor } from './handler-types';
import * as auth from './routes/auth';
import * as meetings from './routes/meetings';
import * as agenda from './routes/agenda';
import * as attendance from './routes/attendance';
import * as speakers from './routes/speakers';
import * as ballots from './routes/ballots';
import * as audit from './routes/audit';
import * as directory from './routes/directory';
import * as documents from './routes/documents';
import * as pairing from './routes/pairing';
import * as sessions from './routes/sessions';
import { throttledLogin } from '../security/throttled-login';
import * as searchRoutes from './routes/search';
import * as archiveRoutes from './routes/archive';
import * as minutesRoutes from './routes/minutes';
import * as trustRoutes from './routes/trust';
import * as verifyRoutes from './routes/verify';
import * as annotations from './routes/annotations';

export type AllHandlers = HandlersFor<Commands>;

export const handlers: AllHandlers = {
  health: auth.health,
  login: throttledLogin(auth.login),
  logout: auth.logout,
  me: auth.me,
  createUser: auth.createUser,
  listUsers: auth.listUsers,
  createMeeting: meetings.createMeeting,
  listMeetings: meetings.listMeetings,
  getMeeting: meetings.getMeeting,
  patchMeeting: meetings.patchMeeting,
  putParticipants: meetings.putParticipants,
  publishMeeting: meetings.publishMeeting,
  addAgendaItem: agenda.addAgendaItem,
  reorderAgenda: agenda.reorderAgenda,
  patchAgendaItem: agenda.patchAgendaItem,
  deleteAgendaItem: agenda.deleteAgendaItem,
  setCurrentAgendaItem: agenda.setCurrentAgendaItem,
  getAttendance: attendance.getAttendance,
  markAttendance: attendance.markAttendance,
  getSpeakers: speakers.getSpeakers,
  requestToSpeak: speakers.requestToSpeak,
  reorderSpeakers: speakers.reorderSpeakers,
  setSpeakingSettings: speakers.setSpeakingSettings,
  withdrawSpeaker: speakers.withdrawSpeaker,
  startSpeaker: speakers.startSpeaker,
  stopSpeaker: speakers.stopSpeaker,
  listAudit: audit.listAudit,
  verifyAudit: audit.verifyAudit,
  createBallot: ballots.createBallot,
  listBallots: ballots.listBallots,
  getBallot: ballots.getBallot,
  openBallot: ballots.openBallot,
  closeBallot: ballots.closeBallot,
  cancelBallot: ballots.cancelBallot,
  castVote: ballots.castVote,
  lookupUser: directory.lookupUser,
  createDocument: documents.createDocument,
  putDocumentAccess: documents.putDocumentAccess,
  getDocument: documents.getDocument,
  getDocumentFile: documents.getDocumentFile,
  getDocumentThumbnail: documents.getDocumentThumbnail,
  getDocumentPreview: documents.getDocumentPreview,
  getDocumentText: documents.getDocumentText,
  createDocumentVersion: documents.createDocumentVersion,
  patchDocument: documents.patchDocument,
  deleteDocument: documents.deleteDocument,
  search: searchRoutes.search,
  exportMeeting: archiveRoutes.exportMeeting,
  importPackage: archiveRoutes.importPackage,
  backupArchive: archiveRoutes.backupArchive,
  hostIdentity: pairing.hostIdentity,
  hostCaCertificate: pairing.hostCaCertificate,
  createPairing: pairing.createPairing,
  redeemPairing: pairing.redeemPairing,
  listUserSessions: sessions.listUserSessions,
  revokeUserSessions: sessions.revokeUserSessions,
  listLoginLog: sessions.listLoginLog,
  getMinutes: minutesRoutes.getMinutes,
  getMinutesFacts: minutesRoutes.getMinutesFacts,
  finalizeMinutes: minutesRoutes.finalizeMinutes,
  reopenMinutes: minutesRoutes.reopenMinutes,
  getMinutesPdf: minutesRoutes.getMinutesPdf,
  prepareMinutesSignature: minutesRoutes.prepareMinutesSignature,
  completeMinutesSignature: minutesRoutes.completeMinutesSignature,
  verifyMinutes: minutesRoutes.verifyMinutes,
  addTrustRoot: trustRoutes.addTrustRoot,
  listTrustRoots: trustRoutes.listTrustRoots,
  deleteTrustRoot: trustRoutes.deleteTrustRoot,
  verifyPdf: verifyRoutes.verifyPdf,
  exportAnnotatedPdf: annotations.exportAnnotatedPdf,
  exportWebAnnotations: annotations.exportWebAnnotations,
};
