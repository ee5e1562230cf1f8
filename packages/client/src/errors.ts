/** One problem with a request, as the API names it: `{ path: "steps[0].type", message: "..." }`. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * Every failure the client reports: an API error answer (its envelope's code, message,
 * details and request id, with the HTTP status), or a failure with no answer at all
 * (`status` 0: `NETWORK_ERROR`, `TIMEOUT`, `INVALID_WEBHOOK`).
 *
 * @example
 *   try {
 *     await stepline.runs.get("nope");
 *   } catch (error) {
 *     if (error instanceof SteplineError && error.code === "RUN_NOT_FOUND") ...
 *   }
 */
export class SteplineError extends Error {
  override readonly name = "SteplineError";
  readonly code: string;
  readonly status: number;
  readonly details: ErrorDetail[];
  readonly requestId: string | null;

  constructor(
    code: string,
    message: string,
    options: { status?: number; details?: ErrorDetail[]; requestId?: string | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = options.status ?? 0;
    this.details = options.details ?? [];
    this.requestId = options.requestId ?? null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The error a non-2xx answer stands for; `body` is what openapi-fetch parsed (JSON, else text). */
export function errorFromAnswer(response: Response, body: unknown): SteplineError {
  const headerId = response.headers.get("x-request-id");
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (envelope && typeof envelope.code === "string") {
    return new SteplineError(envelope.code, typeof envelope.message === "string" ? envelope.message : envelope.code, {
      status: response.status,
      details: Array.isArray(envelope.details) ? (envelope.details as ErrorDetail[]) : [],
      requestId: typeof envelope.request_id === "string" ? envelope.request_id : headerId,
    });
  }
  const text = typeof body === "string" && body !== "" ? body.slice(0, 500) : response.statusText;
  return new SteplineError(`HTTP_${response.status}`, text || `HTTP ${response.status}`, { status: response.status, requestId: headerId });
}

/** An abort the caller asked for passes through unchanged; anything else thrown by fetch is a network failure. */
export function networkError(error: unknown, signal?: AbortSignal): unknown {
  if (error instanceof SteplineError || signal?.aborted) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SteplineError("NETWORK_ERROR", `Stepline could not be reached: ${message}`, { cause: error });
}

const SERVICE_MESSAGE = /^([A-Z][A-Z0-9_]*): ([\s\S]*)$/;
const DETAILS_START = ' [{"path":';

/**
 * The SteplineError behind an error thrown across a service binding. RPC keeps only an
 * error's message, so the entrypoint sends `CODE: message` followed by the details as JSON;
 * this reads them back. `status` is 0: there was no HTTP answer.
 *
 * @example
 *   try {
 *     await env.STEPLINE.getRun(id);
 *   } catch (error) {
 *     if (serviceError(error).code === "RUN_NOT_FOUND") return new Response("no such run", { status: 404 });
 *   }
 */
export function serviceError(error: unknown): SteplineError {
  const text = error instanceof Error ? error.message : String(error);
  const match = SERVICE_MESSAGE.exec(text);
  if (!match) return new SteplineError("INTERNAL", text, { cause: error });
  let [, code, message] = match;
  let details: ErrorDetail[] = [];
  const at = message.lastIndexOf(DETAILS_START);
  if (at !== -1) {
    try {
      details = JSON.parse(message.slice(at + 1)) as ErrorDetail[];
      message = message.slice(0, at);
    } catch {
      // Not the details after all: the message merely contains the same characters.
    }
  }
  return new SteplineError(code, message, { details, cause: error });
}
