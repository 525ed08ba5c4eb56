import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger };

/**
 * JSON lines when the output is not a terminal (servers, CI, log collectors); readable lines on a
 * terminal. Secrets never reach the log: authorization headers, tokens and passwords are redacted.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const redact = {
    paths: ['req.headers.authorization', '*.password', '*.token', 'password', 'token', '*.cookie'],
    censor: '[redacted]',
  };
  if (process.stdout.isTTY && process.env.NODE_ENV !== 'production') {
    return pino({
      level,
      redact,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'SYS:HH:MM:ss' },
      },
    });
  }
  return pino({ level, redact });
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
