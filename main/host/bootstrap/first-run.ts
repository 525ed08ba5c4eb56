import { randomBytes } from 'node:crypto';
import type { Services } from '../services';
import { hashPassword } from '../auth/passwords';

/**
 * On an empty archive, creates the `admin` account. The password comes from
 * PHONGHOP_ADMIN_PASSWORD, or is generated and printed once (never logged).
 */
export async function ensureAdmin(s: Services): Promise<void> {
  if (s.users.count() > 0) return;
  const fromEnv = process.env.PHONGHOP_ADMIN_PASSWORD;
  const password = fromEnv && fromEnv.length > 0 ? fromEnv : randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  s.tx(() => {
    const admin = s.users.create({
      username: 'admin',
      displayName: 'Quản trị hệ thống',
      passwordHash,
      isAdmin: true,
      canCreateMeetings: true,
    });
    s.audit.append('', admin.id, 'user.create', { userId: admin.id, username: 'admin' });
  });
  if (!fromEnv)
    s.config.announce(
      `First start: account "admin" created with password: ${password}  (shown once; change it)`,
    );
  else
    s.config.announce(
      'First start: account "admin" created with the password from PHONGHOP_ADMIN_PASSWORD.',
    );
}
