import { z } from 'zod';
import { admin, anyone, defineCommands, user } from '../define';
import { Id } from '../schemas/common';
import {
  CreatePairingBody,
  HostIdentity,
  LoginLogPage,
  LoginLogQuery,
  PairingRedeemed,
  PairingTicket,
  RedeemPairingBody,
  RevokedSessions,
  SessionInfo,
} from '../schemas/security';

const U = z.object({ u: Id });

// Joining a room (pairing codes), the host's identity and CA, and ending a user's sessions.
export const securityCommands = defineCommands({
  hostIdentity: { method: 'GET', path: '/host/identity', access: anyone, answer: HostIdentity },
  /** The host CA certificate (PEM) for tablets to trust; 404 when the host does not serve HTTPS. */
  hostCaCertificate: { method: 'GET', path: '/host/ca.pem', access: anyone, answer: 'binary' },
  /** Admin, or the secretary/chair of `meetingId`. */
  createPairing: {
    method: 'POST',
    path: '/pairing',
    access: user,
    body: CreatePairingBody,
    answer: PairingTicket,
  },
  redeemPairing: {
    method: 'POST',
    path: '/pairing/redeem',
    access: anyone,
    body: RedeemPairingBody,
    maxBodyBytes: 4096,
    answer: PairingRedeemed,
  },
  listUserSessions: {
    method: 'GET',
    path: '/users/:u/sessions',
    access: admin,
    params: U,
    answer: z.array(SessionInfo),
  },
  revokeUserSessions: {
    method: 'DELETE',
    path: '/users/:u/sessions',
    access: admin,
    params: U,
    answer: RevokedSessions,
  },
  /** Sign-ins, failures, refusals, lockouts and sign-outs, newest first. */
  listLoginLog: {
    method: 'GET',
    path: '/admin/login-log',
    access: admin,
    query: LoginLogQuery,
    answer: LoginLogPage,
  },
});
