/** The closed set of error codes the API answers with; docs/errors.md describes each. */
export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PRECONDITION_FAILED: 412,
  LIMIT_EXCEEDED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * The one error type verbs throw for outcomes a user can cause or fix.
 * @example throw new AppError('NOT_FOUND', 'Influencer inf_123 not found')
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  /** Infrastructure failures set retry so callers (and the CLI) know trying again may help. */
  readonly retry: boolean;

  constructor(code: ErrorCode, message: string, opts: { details?: Record<string, unknown>; retry?: boolean } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = opts.details;
    this.retry = opts.retry ?? false;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string, id: string): AppError => new AppError('NOT_FOUND', `${what} ${id} not found`);
