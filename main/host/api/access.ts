import type { Access } from '../../../shared/api/define';
import type { User } from '../../../shared/api/schemas/users';
import type { Services } from '../services';
import { ApiError, forbidden, notFound } from './api-error';
import type { MeetingAccessInfo } from './handler-types';

/** Resolves the token to a user, or explains why not. */
export function authenticate(services: Services, token: string | null): User | null {
  if (!token) return null;
  const found = services.sessions.resolve(token);
  if (!found) throw new ApiError(401, 'unauthenticated');
  if ('expired' in found) throw new ApiError(401, 'session_expired');
  const user = services.users.get(found.userId);
  if (!user) throw new ApiError(401, 'unauthenticated');
  return user;
}

/**
 * The one place where the role table is enforced. Returns the meeting scope for meeting commands.
 * A caller who may not even know that a meeting exists gets 404, not 403.
 */
export function authorize(
  services: Services,
  access: Access,
  user: User | null,
  params: Record<string, string>,
): MeetingAccessInfo | undefined {
  if (access.kind === 'anyone') return undefined;
  if (!user) throw new ApiError(401, 'unauthenticated');
  if (access.kind === 'user') return undefined;
  if (access.kind === 'admin') {
    if (!user.isAdmin) throw forbidden();
    return undefined;
  }
  const raw = params[access.scope === 'm' ? 'm' : access.scope];
  const what = access.scope === 'm' ? 'meeting' : access.scope === 'd' ? 'document' : 'ballot';
  if (!raw) throw notFound(what);
  const meetingId = services.scopes.meetingIdFor(access.scope, raw);
  const meeting = meetingId ? services.meetings.get(meetingId) : undefined;
  if (!meeting) throw notFound(what);
  const standing = services.meetings.roleOf(meeting.id, user.id);
  if (!standing) {
    if (user.isAdmin && access.adminToo) return { meeting, role: null, canVote: false };
    throw notFound(what);
  }
  const organiser = standing.role === 'secretary' || standing.role === 'chair';
  if (meeting.status === 'draft' && !organiser) throw notFound(what);
  const allowed =
    access.roles === 'participant' ||
    access.roles.includes(standing.role) ||
    (user.isAdmin && access.adminToo === true);
  if (!allowed) throw forbidden();
  return { meeting, role: standing.role, canVote: standing.canVote };
}
