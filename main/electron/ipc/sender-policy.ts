import { originOf } from '../security/navigation-policy';

export interface SenderFrameLike {
  url: string;
  /** null for a top-level frame. */
  parent: unknown;
}

/**
 * Only the app's own top-level page may call main: not an iframe (a paper's embedded content),
 * not a page that navigated elsewhere. Compare VS Code's validation of the sender frame.
 */
export function isTrustedSender(
  frame: SenderFrameLike | null | undefined,
  appOrigins: readonly string[],
): boolean {
  if (!frame || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && appOrigins.includes(origin);
}
