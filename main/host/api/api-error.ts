import type { KnownErrorCode } from '../../../shared/api/errors';

/** A refusal with an HTTP status, a stable code and parameters for the localised message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: KnownErrorCode | (string & {}),
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
    /** Headers for the refusal, e.g. Retry-After on a 429. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${status} ${code}`);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', { what });
export const forbidden = () => new ApiError(403, 'forbidden');
export const conflict = (detail: string) => new ApiError(409, 'conflict', { detail });
export const badRequest = (detail: string) => new ApiError(400, 'bad_request', { detail });
