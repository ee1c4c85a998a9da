/** A Direct Line request that cannot be served; carries the HTTP status and a stable code. */
export class DirectLineError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DirectLineError';
  }
}

export const badRequest = (message: string) => new DirectLineError(400, 'BadArgument', message);
export const unauthorized = (message: string) => new DirectLineError(401, 'Unauthorized', message);
export const forbidden = (message: string) => new DirectLineError(403, 'Forbidden', message);
export const notFound = (message: string) => new DirectLineError(404, 'NotFound', message);
