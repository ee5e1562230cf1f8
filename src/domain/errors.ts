/**
 * Every error Stepline answers with has one code from this list, and the code alone decides
 * the HTTP status. Codes are part of the API: never rename one.
 */
export const ErrorStatus = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  INPUT_INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  INSUFFICIENT_SCOPE: 403,
  NOT_FOUND: 404,
  WORKFLOW_NOT_FOUND: 404,
  RUN_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  RUN_NOT_WAITING: 409,
  RUN_NOT_PAUSED: 409,
  RUN_NOT_RUNNING: 409,
  RUN_NOT_FAILED: 409,
  RUN_NOT_ENDED: 409,
  RUN_ALREADY_STARTED: 409,
  RUN_ALREADY_FINISHED: 409,
  RUN_OUTPUTS_PURGED: 409,
  NO_WAITING_STEP: 409,
  DUPLICATE_EVENT: 409,
  CALLBACK_ALREADY_USED: 409,
  RUN_PURGED: 410,
  CALLBACK_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ErrorStatus;

export interface ErrorDetail {
  path: string;
  message: string;
}

/** The serialisable shape of an error: what crosses RPC boundaries and goes into the envelope. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ErrorStatus[this.code];
  }

  toBody(): ErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }

  static from(body: ErrorBody): AppError {
    return new AppError(body.code, body.message, body.details);
  }
}

export const notFound = (what: string, id: string) => new AppError("NOT_FOUND", `${what} ${id} was not found`);

/** A message's tail: the one problem itself, or how many there are (the details list them all). */
export const problemSummary = (details: ErrorDetail[]): string =>
  details.length === 1 ? `${details[0].path}: ${details[0].message}` : `${details.length} problems`;

export function validationFailed(details: ErrorDetail[], message = "The request is not valid"): AppError {
  return new AppError("VALIDATION_FAILED", `${message}: ${problemSummary(details)}`, details);
}

/**
 * Durable Object RPC loses an error's class and fields, so objects answer with a result
 * value instead of throwing; callers unwrap it back into an AppError.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string, details?: ErrorDetail[]): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw AppError.from(result.error);
}
