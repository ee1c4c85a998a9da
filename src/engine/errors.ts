/** What went wrong, in words a dialog can map to a friendly reply. */
export type EngineErrorCode = 'not_found' | 'invalid' | 'conflict' | 'forbidden';

/** The one error type the engine throws on purpose; anything else is a bug. */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EngineError';
  }
}

export const notFound = (what: string) => new EngineError('not_found', `${what} not found`);
export const invalid = (message: string) => new EngineError('invalid', message);
