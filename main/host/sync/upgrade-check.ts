// Decides, before the WebSocket handshake, whether an upgrade on /sync/<doc> is accepted: the
// path names a doc (strictly parsed), the page's origin is allowed, the token is a live session,
// and doc-access.ts lets the user read the doc. A refusal is a plain HTTP answer (401/403/404/...)
// with the usual `{error:{code,message}}` body.
import type { IncomingMessage } from 'node:http';
import { parseDocName } from '../../../shared/sync/doc-names';
import type { DocName } from '../../../shared/sync/doc-names';
import type { KnownErrorCode } from '../../../shared/api/errors';
import type { User } from '../../../shared/api/schemas/users';
import type { Services } from '../services';
import { docAccess } from './doc-access';
import type { DocAccess } from './doc-access';

export const SYNC_PREFIX = '/sync/';

export type UpgradeVerdict =
  | {
      ok: true;
      doc: DocName;
      user: User;
      token: string;
      access: Extract<DocAccess, { read: true }>;
    }
  | { ok: false; status: number; code: KnownErrorCode; params?: Record<string, string | number> };

export type SessionCheck = { user: User } | { refusal: 'unauthenticated' | 'session_expired' };

/** The user behind a token, if the session is still live. */
export function checkSession(
  services: Pick<Services, 'sessions' | 'users'>,
  token: string,
): SessionCheck {
  const found = services.sessions.resolve(token);
  if (!found) return { refusal: 'unauthenticated' };
  if ('expired' in found) return { refusal: 'session_expired' };
  const user = services.users.get(found.userId);
  return user ? { user } : { refusal: 'unauthenticated' };
}

/** The token from `?token=` (what the stock client sends) or an Authorization header. */
function tokenOf(req: IncomingMessage, url: URL): string | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() || null : null;
}

export function checkUpgrade(
  services: Services,
  req: IncomingMessage,
  allowOrigin: (origin: string | undefined, req: IncomingMessage) => boolean,
): UpgradeVerdict {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://host.invalid');
  } catch {
    return { ok: false, status: 400, code: 'bad_request', params: { detail: 'URL' } };
  }
  if (!url.pathname.startsWith(SYNC_PREFIX))
    return { ok: false, status: 404, code: 'route_not_found', params: { path: url.pathname } };
  if (!allowOrigin(req.headers.origin, req))
    return { ok: false, status: 403, code: 'sync_origin_not_allowed' };
  const doc = parseDocName(url.pathname.slice(SYNC_PREFIX.length));
  if (!doc) return { ok: false, status: 404, code: 'sync_doc_not_found' };
  const token = tokenOf(req, url);
  if (!token) return { ok: false, status: 401, code: 'unauthenticated' };
  const session = checkSession(services, token);
  if ('refusal' in session) return { ok: false, status: 401, code: session.refusal };
  const access = docAccess(services, doc, session.user);
  if (!access.read)
    return access.refusal === 'forbidden'
      ? { ok: false, status: 403, code: 'forbidden' }
      : { ok: false, status: 404, code: 'sync_doc_not_found' };
  return { ok: true, doc, user: session.user, token, access };
}
