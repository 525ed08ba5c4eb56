import { CONTENT_SECURITY_POLICY } from '../../host/api/security-headers';

/**
 * The policy for pages served from app://renderer: the host's own policy, except that the page
 * may also talk to the room's host (its https/wss origin), since it is not served by it.
 */
export function appProtocolCsp(hostOrigins: readonly string[]): string {
  const extra = hostOrigins.flatMap((o) => [o, o.replace(/^http/, 'ws')]).join(' ');
  return CONTENT_SECURITY_POLICY.replace(
    /connect-src [^;]+/,
    `connect-src 'self'${extra ? ` ${extra}` : ''}`,
  );
}

/** Headers every app:// response carries, like the host's answers. */
export function appProtocolHeaders(hostOrigins: readonly string[]): Record<string, string> {
  return {
    'Content-Security-Policy': appProtocolCsp(hostOrigins),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
