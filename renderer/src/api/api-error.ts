// Every refusal from the host arrives as `{error:{code,message}}`; the client throws it as an
// ApiClientError so callers can branch on `code` and show `message` (already in the UI language).
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiClientError';
  }
}

/** Status 0: the host could not be reached at all (network down, host stopped). */
export function networkError(lang: 'vi' | 'en'): ApiClientError {
  return new ApiClientError(
    0,
    'network',
    lang === 'en'
      ? 'Cannot reach the meeting host. Check the network connection.'
      : 'Không kết nối được tới máy chủ phòng họp. Vui lòng kiểm tra kết nối mạng.',
  );
}

export async function errorFromResponse(res: Response): Promise<ApiClientError> {
  const text = await res.text().catch(() => '');
  return errorFromBody(res.status, text, res.statusText);
}

export function errorFromBody(status: number, text: string, statusText = ''): ApiClientError {
  try {
    const parsed = JSON.parse(text) as {
      error?: { code?: unknown; message?: unknown; details?: unknown };
    };
    const e = parsed.error;
    if (e && typeof e.code === 'string' && typeof e.message === 'string')
      return new ApiClientError(status, e.code, e.message, e.details);
  } catch {
    // Not JSON: fall through to a generic error carrying the status.
  }
  return new ApiClientError(status, 'http_' + String(status), statusText || `HTTP ${status}`);
}

/** A message to show a person for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiClientError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
