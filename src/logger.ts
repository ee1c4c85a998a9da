import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs on stdout; secrets and emails never appear in clear. */
export function createLogger(level: string = 'info'): Logger {
  return pino({
    level,
    base: { app: 'shopmate' },
    redact: {
      paths: ['*.authorization', '*.Authorization', 'headers.authorization', '*.token', '*.password', '*.email', 'email', 'token'],
      censor: '[redacted]',
    },
  });
}

export const silentLogger: Logger = pino({ level: 'silent' });
