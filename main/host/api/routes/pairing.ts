import type { securityCommands } from '../../../../shared/api/commands/security';
import type { HostIdentity } from '../../../../shared/api/schemas/security';
import { ApiError, forbidden, notFound } from '../api-error';
import type { Handler } from '../handler-types';
import type { Services } from '../../services';
import { joinLinks } from '../../pairing/join-links';

type C = typeof securityCommands;

function identity(s: Services): HostIdentity {
  const id = s.security.identity();
  const t = s.security.transport();
  return {
    hostId: id.id,
    name: id.name,
    url: t.url,
    tls: t.tls !== null,
    fingerprint: t.tls?.fingerprint ?? null,
  };
}

export const hostIdentity: Handler<C['hostIdentity']> = (_ctx, s) => identity(s);

export const hostCaCertificate: Handler<C['hostCaCertificate']> = (_ctx, s) => {
  const tls = s.security.transport().tls;
  if (!tls) throw notFound('CA');
  return {
    contentType: 'application/x-pem-file',
    body: Buffer.from(tls.caPem),
    filename: 'phong-hop-ca.pem',
  };
};

export const createPairing: Handler<C['createPairing']> = async (ctx, s) => {
  const meetingId = ctx.body.meetingId ?? null;
  if (meetingId) {
    const meeting = s.meetings.get(meetingId);
    const role = meeting ? s.meetings.roleOf(meetingId, ctx.user.id)?.role : undefined;
    if (!meeting || (!role && !ctx.user.isAdmin)) throw notFound('meeting');
    if (!ctx.user.isAdmin && role !== 'secretary' && role !== 'chair') throw forbidden();
  } else if (!ctx.user.isAdmin) {
    throw forbidden();
  }
  const ticket = s.security.pairing.create(ctx.user.id, meetingId);
  const host = identity(s);
  const links = await joinLinks({
    hostUrl: host.url,
    bind: s.config.bind,
    token: ticket.token,
    hostId: host.hostId,
    fingerprint: host.fingerprint,
  });
  // The id only: codes and tokens are secrets and never reach the log.
  s.log.info({ pairingId: ticket.id, meetingId }, 'pairing code issued');
  return { ...ticket, ...links, host };
};

export const redeemPairing: Handler<C['redeemPairing']> = (ctx, s) => {
  // Wrong codes count like wrong passwords, per address: 8 characters resist guessing only if
  // guessing is slow.
  const who = `#pairing@${ctx.req.socket.remoteAddress ?? ''}`;
  s.security.throttle.checkKey(who);
  let redeemed: { id: string; meetingId: string | null };
  try {
    redeemed = s.security.pairing.redeem(ctx.body);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) s.security.throttle.failedKey(who);
    throw err;
  }
  const meeting = redeemed.meetingId ? s.meetings.get(redeemed.meetingId) : undefined;
  s.log.info({ pairingId: redeemed.id }, 'pairing code redeemed');
  return { host: identity(s), meeting: meeting ? { id: meeting.id, title: meeting.title } : null };
};
